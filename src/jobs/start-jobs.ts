import type { Runner } from 'graphile-worker';
import { inBackground } from '../store/background-work.js';
import type { SqlStore } from '../store/sql-store.js';
import { type JobContext, jobTasks } from './job-tasks.js';

export interface JobOptions {
  /** Jobs run at once in this process (default 2: one computes while the other waits for the database). */
  readonly concurrency?: number;
  /** The nightly run's crontab time (`minute hour`, UTC), or false for none. Default `0 2`. */
  readonly nightly?: string | false;
  /** Where graphile-worker's own log lines go; silent by default. */
  readonly log?: (level: string, message: string) => void;
}

/**
 * Runs the jobs on graphile-worker until stopped: against PostgreSQL any number of these, in any number of
 * processes on any machines, share the queue (each job is taken by one worker, `SKIP LOCKED`); on the embedded store
 * one runs inside the process that holds it.
 */
export async function startJobs(store: SqlStore, context: Omit<JobContext, 'store'>, options: JobOptions = {}): Promise<Runner> {
  const { run, Logger } = await import('graphile-worker');
  const log = options.log;
  const nightly = options.nightly ?? '0 2';
  // In the background: on the embedded store, a request's statements go before the jobs' (see ConnectionLock).
  return inBackground(() =>
    run({
      pgPool: store.jobs.pgPool as never,
      schema: store.jobs.schema,
      concurrency: options.concurrency ?? 2,
      noHandleSignals: true,
      pollInterval: 1000,
      taskList: jobTasks({ ...context, store }),
      crontab: nightly === false ? '' : `${nightly} * * * nightly\n`,
      logger: new Logger((scope) => (level, message) => {
        if (log && (level === 'error' || level === 'warning')) log(level, `${scope.label ?? 'worker'}: ${message}`);
      }),
    }),
  );
}
