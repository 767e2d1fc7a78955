import { isAttainError } from '../core/attain-error.js';
import type { ComputePool } from '../server/compute/compute-pool.js';
import type { EvaluationWrite } from '../store/program-store.js';
import type { Evaluator } from './job-tasks.js';
import { failedWrite } from './reevaluate.js';

/**
 * Evaluates on the compute pool's worker threads: how jobs run inside the server, so that evaluating a program
 * never holds the event loop that answers requests. The pool's catalog must be the jobs' catalog. An organization
 * past the time limit is recorded as failed with `compute.timeout`, like any other failure, rather than retried.
 */
export function threadEvaluator(pool: ComputePool): Evaluator {
  return async (rules, input, asOf, run) => {
    const { organization, ...rest } = input;
    try {
      const json = await pool.run('reevaluate', organization, { input: rest, asOf, run, fingerprint: rules.fingerprint });
      return JSON.parse(json) as EvaluationWrite;
    } catch (error) {
      if (!isAttainError(error)) throw error;
      return failedWrite(rules, input, asOf, run, error);
    }
  };
}
