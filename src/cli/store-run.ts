import { catalogFingerprint } from '../program/catalog-fingerprint.js';
import type { ProgramRun, RunRequest } from '../store/program-store.js';
import type { SqlStore } from '../store/sql-store.js';
import { loadCatalog } from './load-catalog-option.js';

/**
 * A run or an impact report done on the store itself, with the catalog the command line names: queued as jobs, which
 * this process works on until it is finished (any running workers share them).
 */
export async function runOnStore(
  store: SqlStore,
  catalogPath: unknown,
  request: Omit<RunRequest, 'catalog'>,
  onProgress: (run: ProgramRun) => void,
): Promise<ProgramRun> {
  const catalog = await loadCatalog(catalogPath);
  const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
  const { runToCompletion } = await import('../jobs/run-to-completion.js');
  const queued = await store.program.startRun({ ...request, catalog: rules.fingerprint });
  return runToCompletion(store, rules, queued.id, onProgress);
}
