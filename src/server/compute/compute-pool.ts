import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AttainError, type Issue } from '../../core/attain-error.js';
import type { Organization } from '../../engine/organization.js';
import { organizationDocument } from '../../engine/organization-document.js';
import type { CatalogSource, ComputeReply, ComputeRequest } from './compute-message.js';
import { DEFAULT_TIME_LIMITS, type JsonText, type TaskName, type TaskParams, type TaskResult } from './compute-tasks.js';

export interface ComputePoolOptions {
  readonly catalog: CatalogSource;
  /** Worker threads (default: one per core but one, which is left to the event loop; at least one). */
  readonly threads?: number;
  /** Time limits per task in ms, over the defaults; the time a task waits for a free thread counts. */
  readonly timeLimits?: Partial<Record<TaskName, number>>;
}

/**
 * Runs the heavy computations (COMPUTE_TASKS) on worker threads, so that the event loop keeps answering while a plan
 * searches. A task past its time limit is aborted, its thread terminated, and the caller gets `compute.timeout`.
 */
export class ComputePool {
  private readonly piscina: Piscina<ComputeRequest, ComputeReply>;
  private readonly limits: Readonly<Record<TaskName, number>>;

  constructor(options: ComputePoolOptions) {
    const threads = Math.max(1, options.threads ?? os.availableParallelism() - 1);
    this.limits = { ...DEFAULT_TIME_LIMITS, ...options.timeLimits };
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: 0,
      maxThreads: threads,
      // A thread keeps its loaded catalog while busy; an idle server holds none.
      idleTimeout: 60_000,
      workerData: { catalog: options.catalog },
    });
  }

  /**
   * Runs a task on the organization and resolves to the JSON text of its result. A user's error raised by the task
   * is thrown here as the same AttainError; one past the time limit (`timeLimitMs`, else the pool's) as
   * `compute.timeout`.
   */
  async run<N extends TaskName>(
    task: N,
    organization: Organization,
    params: TaskParams<N>,
    timeLimitMs: number = this.limits[task],
  ): Promise<JsonText<TaskResult<N>>> {
    const signal = AbortSignal.timeout(timeLimitMs);
    let reply: ComputeReply;
    try {
      reply = await this.piscina.run({ task, organization: organizationDocument(organization), params }, { signal });
    } catch (error) {
      if (signal.aborted) throw timeout(task, timeLimitMs);
      throw error;
    }
    if (!reply.ok) throw new AttainError(reply.error.code, reply.error.message, reply.error.issues as readonly Issue[]);
    return reply.json;
  }

  /** Ends every thread; tasks still running are abandoned. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

function timeout(task: TaskName, ms: number): AttainError {
  return new AttainError('compute.timeout', `the ${task} took longer than the server allows (${ms} ms); try again later`, [
    { code: 'compute.timeout', path: task, params: { task, ms } },
  ]);
}

/**
 * The worker's entry file. Threads run compiled JavaScript: from dist/ this is the sibling file; when this module
 * runs from its TypeScript source (the tests), it is the build's copy, so `npm run build` must have run.
 */
function workerFile(): string {
  // Paths, not `new URL`: a page test's DOM replaces the global URL with one Node's fileURLToPath refuses.
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'compute-worker.js');
  return path.join(path.dirname(here), '../../../dist/server/compute/compute-worker.js');
}
