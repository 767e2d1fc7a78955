import { workerData } from 'piscina';
import type { RawCatalog } from '../../catalog/catalog-schema.js';
import type { Catalog } from '../../catalog/catalog-types.js';
import { compileCatalog } from '../../catalog/compile-catalog.js';
import { loadShippedCatalog } from '../../catalog/shipped-catalog.js';
import { isAttainError } from '../../core/attain-error.js';
import { parseOrganization } from '../../engine/parse-organization.js';
import type { CatalogSource, ComputeReply, ComputeRequest } from './compute-message.js';
import { COMPUTE_TASKS } from './compute-tasks.js';

/** The pool's catalog, loaded on this thread's first task and kept for its life. */
let catalog: Promise<Catalog> | undefined;

async function loadCatalog(source: CatalogSource): Promise<Catalog> {
  if ('shipped' in source) return loadShippedCatalog(source.shipped);
  if ('file' in source) {
    const { loadCatalogFile } = await import('../../catalog/load-catalog.js');
    return loadCatalogFile(source.file);
  }
  return compileCatalog(source.document as RawCatalog);
}

/** The entry point of each worker thread (piscina calls the default export with each task). */
export default async function runTask(request: ComputeRequest): Promise<ComputeReply> {
  catalog ??= loadCatalog((workerData as { catalog: CatalogSource }).catalog);
  try {
    const loaded = await catalog;
    const organization = parseOrganization(request.organization, loaded);
    const run = COMPUTE_TASKS[request.task] as (subject: unknown, params: unknown) => unknown;
    const result = await run({ catalog: loaded, organization }, request.params);
    return { ok: true, json: JSON.stringify(result) };
  } catch (error) {
    if (isAttainError(error)) return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
    throw error;
  }
}
