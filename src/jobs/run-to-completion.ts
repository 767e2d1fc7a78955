import type { ProgramRun } from '../store/program-store.js';
import type { SqlStore } from '../store/sql-store.js';
import type { Rules } from './reevaluate.js';
import { startJobs } from './start-jobs.js';

const POLL_MS = 200;

/**
 * Works on the queue in this process until the run is finished, reporting its progress: how `attain run` and
 * `attain impact` finish on the embedded store, and help any workers already running on PostgreSQL.
 */
export async function runToCompletion(
  store: SqlStore,
  rules: Rules,
  id: string,
  onProgress: (run: ProgramRun) => void = () => undefined,
): Promise<ProgramRun> {
  const runner = await startJobs(store, { rules }, { nightly: false });
  try {
    for (;;) {
      const run = await store.program.run(id);
      if (!run) throw new Error(`run ${id} disappeared`);
      onProgress(run);
      if (run.finishedAt !== null) return run;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await runner.stop();
  }
}
