import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/catalog-types.js';
import { DEFAULT_CATALOG, isShippedCatalog, loadShippedCatalog } from '../catalog/shipped-catalog.js';

/**
 * What --catalog names: a file, or a shipped catalog (the default, or one named by its id). A file of the same name
 * as a shipped catalog's id wins: the user named a path.
 */
export function catalogSource(option: unknown): { readonly shipped: string } | { readonly file: string } {
  if (typeof option !== 'string') return { shipped: DEFAULT_CATALOG };
  if (isShippedCatalog(option) && !existsSync(option)) return { shipped: option };
  return { file: path.resolve(option) };
}

/**
 * The catalog a command runs on: a file given with --catalog, validated (which loads the YAML parser and zod), or
 * a shipped one, pre-validated at build time, which loads neither.
 */
export async function loadCatalog(option: unknown): Promise<Catalog> {
  const source = catalogSource(option);
  if ('shipped' in source) return loadShippedCatalog(source.shipped);
  const { loadCatalogFile } = await import('../catalog/load-catalog.js');
  return loadCatalogFile(source.file);
}
