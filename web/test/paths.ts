import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The example organizations `npm start` evaluates, which the seeded server also holds. */
export const SEEDS = [join(ROOT, 'examples/contoso-dynamics.json'), join(ROOT, 'examples/fabrikam-ops.yaml')] as const;
export const CATALOG = join(ROOT, 'dist/catalogs/mpn-2017.json');
