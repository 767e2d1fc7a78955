import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** The example organizations `npm start` evaluates, which the seeded server also holds. */
export const SEEDS = [join(root, 'examples/contoso-dynamics.json'), join(root, 'examples/fabrikam-ops.yaml')] as const;
export const CATALOG = join(root, 'dist/catalogs/mpn-2017.json');
