import type { Task, TaskList } from 'graphile-worker';
import { alertPayload } from '../alerts/alert-payload.js';
import { postAlert } from '../alerts/post-alert.js';
import type { RawCatalog } from '../catalog/catalog-schema.js';
import type { Catalog } from '../catalog/catalog-types.js';
import { compileCatalog } from '../catalog/compile-catalog.js';
import { type Day, dayOf, formatDay, parseDay } from '../core/day.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import { evaluateJointly } from '../planner/evaluate-jointly.js';
import { catalogFingerprint } from '../program/catalog-fingerprint.js';
import type { EvaluatePayload } from '../store/enqueue-evaluations.js';
import type { EvaluationInput, EvaluationWrite, ImpactChange } from '../store/program-store.js';
import { DELIVERY_SENDS } from '../store/queue-alerts.js';
import type { SqlStore } from '../store/sql-store.js';
import { type Rules, reevaluate } from './reevaluate.js';

/** Computes one organization's evaluation write: in this thread, or in a worker thread when jobs share a server. */
export type Evaluator = (rules: Rules, input: EvaluationInput, asOf: Day, run: string | null) => Promise<EvaluationWrite>;

export interface JobContext {
  readonly store: SqlStore;
  readonly rules: Rules;
  readonly evaluator?: Evaluator;
  /** Today, for the nightly run and for organizations evaluated before any run; the clock by default. */
  readonly today?: () => Day;
  /**
   * Organizations read, evaluated and written together (default 25). Fewer where the jobs share a process with the
   * API on the embedded store: each transaction holds that process's event loop while it runs.
   */
  readonly chunk?: number;
  /** How long a webhook receiver has to answer, in ms (default 10 s). */
  readonly alertTimeoutMs?: number;
}

const ALERT_TIMEOUT_MS = 10_000;
/** A delivery's lease outlasts its request by this much, so that no other job sends it meanwhile. */
const ALERT_LEASE_SLACK_MS = 30_000;

/** A write that lost a race with another job is read and computed again, at most this many times. */
const ATTEMPTS = 3;
/**
 * Organizations of a job read, evaluated and written together by default: one read and one write transaction for
 * them all, instead of a transaction of five statements for each organization.
 */
const EVALUATION_CHUNK = 25;

/**
 * The jobs, by graphile-worker task name. `evaluate` re-evaluates organizations and stores their standings;
 * `run-program` and `impact` list every organization and queue the work a hundred at a time, so that any number of
 * worker processes share a run; `nightly` starts the day's run from the crontab.
 */
export function jobTasks(context: JobContext): TaskList {
  const evaluator = context.evaluator ?? reevaluate;
  const today = context.today ?? (() => dayOf(new Date()));
  const { store } = context;
  const chunk = context.chunk ?? EVALUATION_CHUNK;
  const drafts = new Map<string, Rules>();

  /** Evaluates and stores some organizations; returns how many failed. */
  const evaluateChunk = async (orgs: readonly string[], asOf: Day, run: string | null): Promise<number> => {
    let pending = orgs;
    let failed = 0;
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
      // An organization whose stored evaluation is already of its current data, under these rules and as of this
      // day, would come out the same, and counts as done: a bulk load's jobs, which wait behind a run's, would
      // otherwise evaluate again what the run just did, and a write lost to another job is often that job's
      // evaluation of the same data. Checked before reading (cheap) and again on what was read (the same snapshot
      // as the inputs, in case another job wrote in between).
      const day = formatDay(asOf);
      const current = await store.program.alreadyEvaluated(pending, context.rules.fingerprint, day);
      const inputs = (await store.program.readForEvaluation(pending.filter((org) => !current.has(org)))).filter(
        (input) => !isCurrent(input, context.rules.fingerprint, day),
      );
      // All at once: with worker threads they are evaluated side by side, and meanwhile this thread is free.
      const writes = await Promise.all(inputs.map((input) => evaluator(context.rules, input, asOf, run)));
      const written = await store.program.writeEvaluations(writes);
      pending = writes.filter((_, k) => !written[k]).map((w) => w.org);
      failed += writes.filter((w, k) => written[k] && w.outcome.kind === 'failed').length;
    }
    if (pending.length > 0) throw new Error(`organizations kept changing while evaluated: ${pending.join(', ')}`);
    return failed;
  };

  const evaluate: Task = async (payload, helpers) => {
    const job = payload as EvaluatePayload;
    const asOf = parseDay(job.asOf ?? (await store.program.programAsOf()) ?? formatDay(today())) as Day;
    const orgs = [...new Set(job.orgs)];
    let failed = 0;
    for (let i = 0; i < orgs.length; i += chunk) failed += await evaluateChunk(orgs.slice(i, i + chunk), asOf, job.run ?? null);
    // Organizations deleted since the run listed them count as done.
    const batch = job.orgs[0] ?? '';
    if (job.run === undefined || !(await store.runs.advance(job.run, batch, job.orgs.length, failed))) return;
    // The job that closed the run tidies up after it; its own work is done and counted, so a failure here is logged
    // rather than retried.
    try {
      await store.runs.tidyAfterRun();
    } catch (error) {
      helpers.logger.error(`tidying up after run ${job.run}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const expand: Task = async (payload) => {
    await store.runs.expand((payload as { run: string }).run);
  };

  const impactBatch: Task = async (payload) => {
    const { run, orgs } = payload as { run: string; orgs: string[] };
    const ledger = await store.runs.runWithDraft(run);
    if (!ledger) return;
    let draft = drafts.get(run);
    if (!draft) {
      const catalog = compileCatalog(ledger.draft as RawCatalog);
      draft = { catalog, fingerprint: catalogFingerprint(catalog) };
      drafts.set(run, draft);
    }
    const asOf = parseDay(ledger.asOf) as Day;
    const changes: ImpactChange[] = [];
    let failed = 0;
    for (const { organization } of await store.program.readForEvaluation(orgs)) {
      await turn();
      try {
        const [before, after] = await Promise.all([
          statuses(context.rules.catalog, organization, asOf),
          statuses(draft.catalog, organization, asOf),
        ]);
        for (const key of new Set([...before.keys(), ...after.keys()])) {
          const b = before.get(key) ?? null;
          const a = after.get(key) ?? null;
          if (b === a) continue;
          const [competency, option, level] = key.split('\u0000') as [string, string, string];
          changes.push({ org: organization.id, competency, option, level, before: b, after: a });
        }
      } catch {
        failed++;
      }
    }
    await store.runs.advance(run, orgs[0] ?? '', orgs.length, failed, changes);
  };

  /**
   * Sends one delivery: claimed first (a delivery already sent is never sent again, whoever runs its job and however
   * often), then posted, then logged with where it stands. A failure worth retrying throws, and graphile-worker runs
   * the job again after its backoff; a refusal (4xx) or the last send gives up.
   */
  const deliverAlert: Task = async (payload) => {
    const id = String((payload as { delivery: string | number }).delivery);
    const timeout = context.alertTimeoutMs ?? ALERT_TIMEOUT_MS;
    const claim = await store.alerts.claim(id, timeout + ALERT_LEASE_SLACK_MS);
    if (claim.kind === 'done') return;
    if (claim.kind === 'busy') throw new Error(`delivery ${id} is being sent by another job; tried again later`);
    const { claimed } = claim;
    if (!claimed.enabled) {
      await store.alerts.recordAttempt(id, null, 'skipped');
      return;
    }
    const body = JSON.stringify(alertPayload(claimed.delivery));
    const outcome = await postAlert(claimed.url, claimed.secret, claimed.delivery, body, timeout);
    const status = outcome.delivered ? 'delivered' : !outcome.retry || claimed.attempt >= DELIVERY_SENDS ? 'failed' : 'pending';
    const { statusCode, error, durationMs } = outcome;
    await store.alerts.recordAttempt(id, { attempt: claimed.attempt, statusCode, error, durationMs }, status);
    if (status === 'pending') throw new Error(`delivery ${id}: ${error}; tried again later`);
  };

  const nightly: Task = async () => {
    await store.program.startRun({ kind: 'run', asOf: formatDay(today()), catalog: context.rules.fingerprint });
  };

  return { evaluate, 'run-program': expand, impact: expand, 'impact-batch': impactBatch, nightly, 'deliver-alert': deliverAlert };
}

/** Whether the organization's stored evaluation succeeded on the data read, under these rules, as of this day. */
function isCurrent(input: EvaluationInput, catalog: string, asOf: string): boolean {
  const previous = input.previous;
  return (
    previous !== undefined &&
    previous.error === null &&
    previous.dataVersion === input.dataVersion &&
    previous.catalog === catalog &&
    previous.asOf === asOf
  );
}

/**
 * Lets timers and I/O run between organizations. Evaluating inline on the embedded store, nothing else ever would:
 * PGlite answers within the same turn of the event loop, so a batch would hold it from start to end and the run's
 * progress, graphile-worker's own timers and any request would wait for the whole batch.
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function statuses(
  catalog: Catalog,
  organization: Parameters<typeof evaluateJointly>[1],
  asOf: Day,
): Promise<Map<string, LevelStatus>> {
  const evaluation = await evaluateJointly(catalog, organization, { asOf });
  return new Map(evaluation.results.map((r) => [`${r.competency}\u0000${r.option}\u0000${r.level}`, r.status]));
}
