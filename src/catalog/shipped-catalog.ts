import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawCatalog } from './catalog-schema.js';
import type { Catalog } from './catalog-types.js';
import { compileCatalog } from './compile-catalog.js';

/**
 * The catalogs attain ships: the seeds' two competencies; the whole 2017 program (the same two, unchanged, and the
 * sixteen others); and one points-based designation of 2022 (Data & AI). The default stays the seeds' catalog: files
 * and stores written for it name those two competencies alone, and under the program's catalog every one of them
 * would also show sixteen competencies "not attained" that the operator never asked about.
 */
export const SHIPPED_CATALOGS = ['mpn-2017', 'mpn-2017-program', 'data-ai-2022'] as const;
export const DEFAULT_CATALOG = 'mpn-2017';

/** Whether a name is the id of a catalog attain ships. */
export function isShippedCatalog(name: string): name is (typeof SHIPPED_CATALOGS)[number] {
  return (SHIPPED_CATALOGS as readonly string[]).includes(name);
}

const root = new URL('../../', import.meta.url);

/** Where the authored YAML of a shipped catalog lives. */
export function shippedCatalogSource(id: string): string {
  return fileURLToPath(new URL(`catalogs/${id}.yaml`, root));
}

/** Where the build writes the validated JSON of a shipped catalog. */
export function shippedCatalogBuild(id: string): string {
  return fileURLToPath(new URL(`dist/catalogs/${id}.json`, root));
}

/**
 * Loads a shipped catalog. The build validates each one and writes it as JSON, which loads without the YAML
 * parser and the schema library; when that JSON is missing or older than its YAML, the YAML is validated here.
 */
export async function loadShippedCatalog(id: string = DEFAULT_CATALOG): Promise<Catalog> {
  const source = shippedCatalogSource(id);
  const built = shippedCatalogBuild(id);
  if (existsSync(built) && (!existsSync(source) || statSync(built).mtimeMs >= statSync(source).mtimeMs)) {
    return compileCatalog(JSON.parse(readFileSync(built, 'utf8')) as RawCatalog);
  }
  // Validating YAML needs the YAML parser and zod: loaded only on this slow path.
  const { loadCatalogFile } = await import('./load-catalog.js');
  return loadCatalogFile(source);
}
