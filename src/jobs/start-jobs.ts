import { EventEmitter } from 'node:events';
import type { Runner, WorkerEvents } from 'graphile-worker';
import { inBackground } from '../store/background-work.js';
import type { SqlStore } from '../store/sql-store.js';
import { DeadWorkers, SWEEP_MS } from './dead-workers.js';
import { type JobContext, jobTasks } from './job-tasks.js';

export interface JobOptions {
  /** Jobs run at once in this process (default 2: one computes while the other waits for the database). */
  readonly concurrency?: number;
  /** The nightly run's crontab time (`minute hour`, UTC), or false for none. Default `0 2`. */
  readonly nightly?: string | false;
  /** Where graphile-worker's own log lines go; silent by default. */
  readonly log?: (level: string, message: string) => void;
}

/** The jobs running in this process, until stopped. */
export interface RunningJobs {
  stop(): Promise<void>;
}

/**
 * Runs the jobs on graphile-worker until stopped: against PostgreSQL any number of these, in any number of
 * processes on any machines, share the queue (each job is taken by one worker, `SKIP LOCKED`); on the embedded store
 * one runs inside the process that holds it. Jobs of workers that died mid-job are handed back (see DeadWorkers).
 */
export async function startJobs(
  store: SqlStore,
  context: Omit<JobContext, 'store'>,
  options: JobOptions = {},
): Promise<RunningJobs> {
  const { run, Logger } = await import('graphile-worker');
  const log = options.log;
  const nightly = options.nightly ?? '0 2';
  const dead = new DeadWorkers(store.jobs);
  const events: WorkerEvents = new EventEmitter();
  const claims: Promise<void>[] = [];
  events.on('worker:create', ({ worker }) => {
    claims.push(dead.claim(worker.workerId).catch((error: Error) => log?.('error', `liveness lock: ${error.message}`)));
  });
  await dead.sweep();
  // In the background: on the embedded store, a request's statements go before the jobs' (see ConnectionLock).
  const start = () =>
    inBackground(() =>
      run({
        pgPool: store.jobs.pgPool as never,
        schema: store.jobs.schema,
        concurrency: options.concurrency ?? 2,
        noHandleSignals: true,
        pollInterval: 1000,
        events,
        taskList: jobTasks({ ...context, store }),
        crontab: nightly === false ? '' : `${nightly} * * * nightly\n`,
        logger: new Logger((scope) => (level, message) => {
          if (log && (level === 'error' || level === 'warning')) log(level, `${scope.label ?? 'worker'}: ${message}`);
        }),
      }),
    );
  // Only where other processes share the queue can a worker die while this one runs.
  const sweeping = store.jobs.exclusive
    ? undefined
    : setInterval(() => {
        dead.sweep().then(
          (n) => n > 0 && log?.('warning', `handed back the jobs of ${n} dead worker${n === 1 ? '' : 's'}`),
          (error: Error) => log?.('error', `looking for dead workers: ${error.message}`),
        );
      }, SWEEP_MS).unref();
  let runner = await start();
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  // graphile-worker stops its runner when a job cannot be released (the store refused the write: a read-only or full
  // disk) and rejects the runner's promise; unheard, that rejection ended the whole process, API and all. The jobs
  // start again a while later instead, with the jobs the stopped runner held handed back.
  const supervise = (current: Runner) => {
    const again = (reason: string) => {
      if (stopping || current !== runner) return;
      log?.('error', `jobs stopped (${reason}); starting again in ${RESTART_MS / 1000} s`);
      const retry = () => {
        restart = setTimeout(async () => {
          if (stopping) return;
          try {
            await current.stop().catch(() => undefined);
            await dead.release();
            await dead.sweep();
            runner = await start();
            supervise(runner);
            log?.('warning', 'jobs started again');
          } catch (error) {
            log?.('error', `starting the jobs again: ${(error as Error).message}`);
            retry();
          }
        }, RESTART_MS);
        restart.unref();
      };
      retry();
    };
    current.promise.then(
      () => again('the runner exited'),
      (error: Error) => again(error.message),
    );
  };
  supervise(runner);
  return {
    async stop() {
      stopping = true;
      if (restart) clearTimeout(restart);
      if (sweeping) clearInterval(sweeping);
      // A runner stopped by an error is stopped already.
      await runner.stop().catch(() => undefined);
      await Promise.all(claims);
      await dead.release();
    },
  };
}

/** How long after the runner stopped on an error the jobs start again. */
const RESTART_MS = 5_000;
