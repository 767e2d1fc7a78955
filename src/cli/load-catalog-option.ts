import type { Catalog } from '../catalog/catalog-types.js';
import { loadShippedCatalog } from '../catalog/shipped-catalog.js';

/**
 * The catalog a command runs on: a file given with --catalog, validated (which loads the YAML parser and zod), or
 * the shipped one, pre-validated at build time, which loads neither.
 */
export async function loadCatalog(option: unknown): Promise<Catalog> {
  if (typeof option !== 'string') return loadShippedCatalog();
  const { loadCatalogFile } = await import('../catalog/load-catalog.js');
  return loadCatalogFile(option);
}
