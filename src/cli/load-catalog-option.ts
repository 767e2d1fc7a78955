import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog-types.js';
import { isShippedCatalog, loadShippedCatalog } from '../catalog/shipped-catalog.js';

/**
 * The catalog a command runs on: a file given with --catalog, validated (which loads the YAML parser and zod), or
 * a shipped one (the default, or one named by its id), pre-validated at build time, which loads neither. A file
 * of the same name as a shipped catalog's id wins: the user named a path.
 */
export async function loadCatalog(option: unknown): Promise<Catalog> {
  if (typeof option !== 'string') return loadShippedCatalog();
  if (isShippedCatalog(option) && !existsSync(option)) return loadShippedCatalog(option);
  const { loadCatalogFile } = await import('../catalog/load-catalog.js');
  return loadCatalogFile(option);
}
