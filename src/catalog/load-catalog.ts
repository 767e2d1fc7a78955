import { AttainError, type Issue } from '../core/attain-error.js';
import { readStructuredFile, readTextFile } from '../core/read-structured-file.js';
import type { RawCatalog } from './catalog-schema.js';
import type { Catalog } from './catalog-types.js';
import { compileCatalog } from './compile-catalog.js';
import { validateCatalog } from './validate-catalog.js';

/**
 * Loads, validates and compiles a catalog file (YAML or JSON). Every problem is reported at once, each with the
 * file, the JSON path and, for YAML, the line and column.
 */
export async function loadCatalogFile(file: string): Promise<Catalog> {
  return compileCatalog(await loadCatalogDocument(file));
}

/** A catalog file validated, in its plain form: what `GET /api/catalog` serves and the dashboard compiles. */
export async function loadCatalogDocument(file: string): Promise<RawCatalog> {
  const { value, locate } = await readStructuredFile(file, await readTextFile(file));
  const result = validateCatalog(value);
  if (!result.ok) {
    const issues: Issue[] = result.issues.map((i) => ({ ...i, params: { ...i.params, ...locate(i.path) } }));
    throw new AttainError('catalog.invalid', `${file}: the catalog has ${issues.length} problem(s)`, issues, file);
  }
  return result.catalog;
}
