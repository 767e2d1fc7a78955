import { AttainError, type Issue } from '../core/attain-error.js';
import { readStructuredFile } from '../core/read-structured-file.js';
import type { RawCatalog } from './catalog-schema.js';
import { validateCatalog } from './validate-catalog.js';

/** A draft catalog sent as YAML or JSON text, validated as `attain catalog validate` does, every problem at once. */
export async function readDraftCatalog(name: string, text: string): Promise<RawCatalog> {
  const file = /\.(json|ya?ml)$/i.test(name) ? name : `${name}.yaml`;
  const { value, locate } = await readStructuredFile(file, text);
  const result = validateCatalog(value);
  if (result.ok) return result.catalog;
  const issues: Issue[] = result.issues.map((i) => ({ ...i, params: { ...i.params, ...locate(i.path) } }));
  throw new AttainError('catalog.invalid', `${name}: the catalog has ${issues.length} problem(s)`, issues, name);
}
