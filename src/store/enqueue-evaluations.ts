import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/** Organizations per job when many are queued at once (a bulk load, a full run, an impact report). */
export const ORGANIZATIONS_PER_JOB = 100;
/** A write's re-evaluation waits this long, so that a burst of imports into one organization folds into one job. */
const SETTLE_SECONDS = 2;

/** What an evaluation job receives. */
export interface EvaluatePayload {
  readonly orgs: readonly string[];
  /** The run this job belongs to, whose progress it advances. */
  readonly run?: string;
  /** Evaluate as of this day instead of the program's day. */
  readonly asOf?: string;
}

/**
 * Queues the re-evaluation of organizations on graphile-worker, inside the caller's transaction: the job exists
 * exactly when the write that asked for it commits. One organization gets a job keyed by its id, so that repeated
 * writes fold into one; many are queued a hundred to a job.
 */
export async function enqueueEvaluations(
  trx: Kysely<StoreDatabase>,
  jobSchema: string,
  orgs: readonly string[],
  options: { readonly run?: string; readonly asOf?: string } = {},
): Promise<void> {
  const schema = sql.id(jobSchema);
  if (orgs.length === 1 && options.run === undefined) {
    const org = orgs[0] as string;
    const payload: EvaluatePayload = { orgs: [org], ...(options.asOf !== undefined && { asOf: options.asOf }) };
    await sql`select ${schema}.add_job('evaluate', ${JSON.stringify(payload)}::json,
      run_at := now() + make_interval(secs => ${SETTLE_SECONDS}), job_key := ${`evaluate:${org}`})`.execute(trx);
    return;
  }
  // A bulk load's jobs wait behind any run's: a run evaluates every organization anyway, reporting its progress, and
  // the load's jobs then find them evaluated (see `alreadyEvaluated`) instead of the run finding the work done.
  await enqueueInBatches(trx, jobSchema, 'evaluate', orgs, options, options.run === undefined ? BULK_PRIORITY : 0);
}

/** graphile-worker's priority of a bulk load's evaluations: after every other job (lower numbers run first). */
const BULK_PRIORITY = 1;

/**
 * Queues one job of `task` per hundred organizations, each with payload `{ ...extra, orgs }`, in one statement inside
 * the caller's transaction.
 */
export async function enqueueInBatches(
  trx: Kysely<StoreDatabase>,
  jobSchema: string,
  task: string,
  orgs: readonly string[],
  extra: Readonly<Record<string, unknown>> = {},
  priority = 0,
): Promise<void> {
  const payloads: string[] = [];
  for (let i = 0; i < orgs.length; i += ORGANIZATIONS_PER_JOB) {
    payloads.push(JSON.stringify({ ...extra, orgs: orgs.slice(i, i + ORGANIZATIONS_PER_JOB) }));
  }
  if (payloads.length === 0) return;
  const schema = sql.id(jobSchema);
  // job_spec's eight fields (identifier, payload, queue_name, run_at, max_attempts, job_key, priority, flags), typed
  // so that the row casts to it.
  await sql`select ${schema}.add_jobs(array(
      select row(${task}::text, p::json, null::text, null::timestamptz, null::smallint, null::text, ${priority}::smallint,
        null::text[])::${schema}.job_spec
      from unnest(${payloads}::text[]) as p))`.execute(trx);
}
