import { type Kysely, type Selectable, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { pushTo } from '../core/push-to.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import { levelKey } from '../program/level-changes.js';
import type { LevelKey, LifecycleStatus, Transition } from '../program/standing-types.js';
import { LIFECYCLE_STATUSES } from '../program/standing-types.js';
import { appendAudit } from './append-audit.js';
import { enqueueEvaluations, enqueueInBatches } from './enqueue-evaluations.js';
import { programPage, programRowsForExport } from './program-page.js';
import type {
  EvaluationInput,
  EvaluationWrite,
  ExportRow,
  ImpactChange,
  LevelCounts,
  ProgramFilter,
  ProgramPage,
  ProgramPageRequest,
  ProgramRun,
  ProgramStore,
  RunRequest,
  StoredEvaluation,
  StoredLevel,
  StoredTransition,
} from './program-store.js';
import { queueAlerts } from './queue-alerts.js';
import { readOrganizations } from './read-organizations.js';
import type { Actor } from './store.js';
import type { ProgramRunsTable, StandingsTable, StoreDatabase, TransitionsTable } from './store-database.js';
import { checkLimit, MAX_LIMIT, organizationNotFound } from './store-limits.js';

const DEFAULT_TRANSITIONS = 200;

/** The program's tables over the store's database; see `ProgramStore`. */
export class SqlProgramStore implements ProgramStore {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly jobSchema: string,
  ) {}

  async readForEvaluation(orgs: readonly string[]): Promise<readonly EvaluationInput[]> {
    if (orgs.length === 0) return [];
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const ids = [...orgs];
        const [organizations, versions, previous, awards, overrides, transitions] = await Promise.all([
          readOrganizations(trx, ids),
          trx.selectFrom('organizations').select(['id', 'data_version']).where('id', 'in', ids).execute(),
          readEvaluations(trx, ids),
          trx.selectFrom('awards').selectAll().where('org_id', 'in', ids).orderBy('awarded').execute(),
          trx.selectFrom('overrides').selectAll().where('org_id', 'in', ids).execute(),
          trx.selectFrom('transitions').selectAll().where('org_id', 'in', ids).orderBy('date').orderBy('id').execute(),
        ]);
        // Text, as the stored evaluation's is: PGlite reads a bigint as a number, and 1 !== '1' read as a data change.
        const version = new Map(versions.map((v) => [v.id, String(v.data_version)]));
        const awardsOf = new Map<string, EvaluationInput['awards'][number][]>();
        for (const a of awards) pushTo(awardsOf, a.org_id, { ...levelColumns(a), awarded: a.awarded });
        const overridesOf = new Map<string, EvaluationInput['overrides'][number][]>();
        for (const o of overrides) {
          pushTo(overridesOf, o.org_id, {
            ...levelColumns(o),
            status: o.status as LifecycleStatus,
            until: o.until,
            reason: o.reason,
          });
        }
        const transitionsOf = new Map<string, Transition[]>();
        for (const t of transitions) pushTo(transitionsOf, t.org_id, transitionOf(t));
        return organizations.map(
          (organization): EvaluationInput => ({
            organization,
            dataVersion: version.get(organization.id) ?? '0',
            previous: previous.get(organization.id),
            awards: awardsOf.get(organization.id) ?? [],
            overrides: overridesOf.get(organization.id) ?? [],
            transitions: transitionsOf.get(organization.id) ?? [],
          }),
        );
      });
  }

  async writeEvaluations(writes: readonly EvaluationWrite[]): Promise<readonly boolean[]> {
    if (writes.length === 0) return [];
    if (new Set(writes.map((w) => w.org)).size !== writes.length) throw new Error('writeEvaluations: an organization twice');
    return this.db.transaction().execute(async (trx) => {
      const claims = await claimRevisions(trx, writes);
      const written = writes.filter((w) => claims.get(w.org) === 'claimed');
      const standings = written.flatMap((w) => (w.outcome.kind === 'ok' ? standingRows(w.org, w.outcome) : []));
      const transitions = written.flatMap((w) => (w.outcome.kind === 'ok' ? transitionRows(w.org, w.outcome.transitions) : []));
      // A failed evaluation keeps the last good standing, so that the operator still sees what held.
      const replaced = written.filter((w) => w.outcome.kind === 'ok').map((w) => w.org);
      if (replaced.length > 0) await trx.deleteFrom('standings').where('org_id', 'in', replaced).execute();
      if (standings.length > 0) await trx.insertInto('standings').values(standings).execute();
      const recorded =
        transitions.length > 0 ? await trx.insertInto('transitions').values(transitions).returning('id').execute() : [];
      // What subscribers must hear of, found in what this transaction records and queued with it: the alerts exist
      // exactly when the standings and transitions that caused them do.
      await queueAlerts(trx, this.jobSchema, { orgs: replaced, transitions: recorded.map((r) => String(r.id)) });
      return writes.map((w) => claims.get(w.org) !== 'conflict');
    });
  }

  async alreadyEvaluated(orgs: readonly string[], catalog: string, asOf: string): Promise<ReadonlySet<string>> {
    if (orgs.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('evaluations as e')
      .innerJoin('organizations as o', 'o.id', 'e.org_id')
      .select('e.org_id')
      .where('e.org_id', 'in', [...orgs])
      .whereRef('e.data_version', '=', 'o.data_version')
      .where('e.catalog', '=', catalog)
      .where('e.as_of', '=', asOf)
      .where('e.error_code', 'is', null)
      .execute();
    return new Set(rows.map((r) => r.org_id));
  }

  async programAsOf(): Promise<string | null> {
    const row = await this.db
      .selectFrom('program_runs')
      .select('as_of')
      .where('kind', '=', 'run')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.as_of ?? null;
  }

  async evaluation(org: string): Promise<StoredEvaluation | undefined> {
    // One transaction: the head and the levels from one snapshot, and on the embedded store one turn of its session.
    const read = this.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
    return (await read.execute((trx) => readEvaluations(trx, [org]))).get(org);
  }

  async transitions(org: string, options: { readonly limit?: number } = {}): Promise<readonly StoredTransition[]> {
    const rows = await this.db
      .selectFrom('transitions')
      .selectAll()
      .where('org_id', '=', org)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(checkLimit(options.limit ?? DEFAULT_TRANSITIONS))
      .execute();
    return rows.map((row) => ({ ...transitionOf(row), id: String(row.id), recordedAt: row.recorded_at.toISOString() }));
  }

  recordAward(org: string, level: LevelKey, awarded: string, actor: Actor): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      await touchOrganization(trx, org);
      await trx
        .insertInto('awards')
        .values({ org_id: org, ...levelColumns(level), awarded })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await appendAudit(trx, actor, org, 'program.award', { ...level, awarded });
      await enqueueEvaluations(trx, this.jobSchema, [org]);
    });
  }

  recordOverride(
    org: string,
    level: LevelKey,
    override: { readonly status: LifecycleStatus; readonly until: string; readonly reason: string } | null,
    actor: Actor,
  ): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      await touchOrganization(trx, org);
      const where = levelColumns(level);
      await trx
        .deleteFrom('overrides')
        .where('org_id', '=', org)
        .where('competency', '=', where.competency)
        .where('option', '=', where.option)
        .where('level', '=', where.level)
        .execute();
      if (override !== null) {
        if (!(LIFECYCLE_STATUSES as readonly string[]).includes(override.status)) {
          throw new AttainError('program.override.invalid', `"${override.status}" is not a lifecycle status`, [
            { code: 'program.override.invalid', path: '$.status', params: { status: override.status } },
          ]);
        }
        await trx
          .insertInto('overrides')
          .values({ org_id: org, ...where, status: override.status, until: override.until, reason: override.reason })
          .execute();
      }
      await appendAudit(trx, actor, org, override ? 'program.override' : 'program.override.clear', { ...level, ...override });
      await enqueueEvaluations(trx, this.jobSchema, [org]);
    });
  }

  page(request: ProgramPageRequest): Promise<ProgramPage> {
    return programPage(this.db, request);
  }

  exportRows(filter: ProgramFilter): Promise<readonly ExportRow[]> {
    return programRowsForExport(this.db, filter);
  }

  async counts(): Promise<readonly LevelCounts[]> {
    const byLifecycle = LIFECYCLE_STATUSES.map((l) => sql`count(*) filter (where lifecycle = ${l})::int`);
    const rows = await sql<LevelKey & Omit<LevelCounts, 'byLifecycle'> & { lifecycles: number[] }>`
      select competency, option, level,
        count(*) filter (where status = 'attained')::int as attained,
        count(*) filter (where status = 'not-attained')::int as "notAttained",
        count(*) filter (where status = 'undetermined')::int as undetermined,
        count(*) filter (where at_risk_date is not null)::int as "atRisk",
        array[${sql.join(byLifecycle)}] as lifecycles
      from standings group by 1, 2, 3 order by 1, 2, 3`.execute(this.db);
    return rows.rows.map(({ lifecycles, ...counts }) => ({
      ...counts,
      byLifecycle: Object.fromEntries(LIFECYCLE_STATUSES.map((l, i) => [l, lifecycles[i] ?? 0])) as LevelCounts['byLifecycle'],
    }));
  }

  startRun(input: RunRequest): Promise<ProgramRun> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('program_runs')
        .values({
          kind: input.kind,
          as_of: input.asOf,
          catalog: input.catalog,
          draft: input.draft === undefined ? null : JSON.stringify(input.draft),
          draft_name: input.draftName ?? null,
          total: null,
          error: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const task = input.kind === 'run' ? 'run-program' : 'impact';
      await sql`select ${sql.id(this.jobSchema)}.add_job(${task}, json_build_object('run', ${String(row.id)}::text),
        max_attempts := 3)`.execute(trx);
      return runOf(row);
    });
  }

  async run(id: string): Promise<ProgramRun | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const row = await this.db.selectFrom('program_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && runOf(row);
  }

  async runs(kind: 'run' | 'impact', limit = 20): Promise<readonly ProgramRun[]> {
    const rows = await this.db
      .selectFrom('program_runs')
      .selectAll()
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .limit(checkLimit(limit))
      .execute();
    return rows.map(runOf);
  }

  async impactChanges(
    run: string,
    options: { readonly offset?: number; readonly limit?: number } = {},
  ): Promise<readonly ImpactChange[]> {
    const rows = await this.db
      .selectFrom('impact_changes')
      .selectAll()
      .where('run_id', '=', run)
      .orderBy('org_id')
      .orderBy('competency')
      .orderBy('option')
      .orderBy('level')
      .offset(options.offset ?? 0)
      .limit(checkLimit(options.limit ?? MAX_LIMIT))
      .execute();
    return rows.map((r) => ({
      org: r.org_id,
      ...levelColumns(r),
      before: r.before as LevelStatus | null,
      after: r.after as LevelStatus | null,
    }));
  }
}

type Claim = 'claimed' | 'conflict' | 'gone';

/**
 * Takes each organization's evaluation row for its write: inserted when there was none, or its revision advanced
 * when it is still the one the job read. Anything else means another job wrote in between (`conflict`); an
 * organization deleted since it was read is `gone`. A statement or two for the whole batch, whatever its size; rows
 * are locked in id order first, so that two batches sharing organizations wait for each other instead of deadlocking.
 */
async function claimRevisions(trx: Kysely<StoreDatabase>, writes: readonly EvaluationWrite[]): Promise<Map<string, Claim>> {
  const claims = new Map<string, Claim>(writes.map((w) => [w.org, 'conflict']));
  const evaluatedAt = new Date().toISOString();
  const rows = (list: readonly EvaluationWrite[]) => JSON.stringify(list.map((w) => evaluationRow(w, evaluatedAt)));
  const fresh = writes.filter((w) => w.expectedRevision === null);
  const seen = writes.filter((w) => w.expectedRevision !== null);
  if (fresh.length > 0) {
    const ids = fresh.map((w) => w.org);
    const existing = await trx
      .selectFrom('organizations')
      .select('id')
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute();
    const present = new Set(existing.map((r) => r.id));
    for (const id of ids) if (!present.has(id)) claims.set(id, 'gone');
    if (present.size > 0) {
      const inserted = await sql<{ org_id: string }>`
        insert into evaluations (org_id, as_of, data_version, catalog, evaluated_at, next_event, warnings, attained,
          error_code, error_message, run_id, revision)
        select v.org_id, v.as_of, v.data_version, v.catalog, v.evaluated_at, v.next_event, v.warnings, v.attained,
          v.error_code, v.error_message, v.run_id, 1
        from ${evaluationRecords(rows(fresh.filter((w) => present.has(w.org))))}
        on conflict (org_id) do nothing
        returning org_id`.execute(trx);
      for (const r of inserted.rows) claims.set(r.org_id, 'claimed');
    }
  }
  if (seen.length > 0) {
    await trx
      .selectFrom('evaluations')
      .select('org_id')
      .where(
        'org_id',
        'in',
        seen.map((w) => w.org),
      )
      .orderBy('org_id')
      .forUpdate()
      .execute();
    // A failure keeps the last good standing's day and counts, so the operator still sees what held.
    const updated = await sql<{ org_id: string }>`
      update evaluations e set
        as_of = case when v.failed then e.as_of else v.as_of end,
        data_version = v.data_version, catalog = v.catalog, evaluated_at = v.evaluated_at, next_event = v.next_event,
        warnings = case when v.failed then e.warnings else v.warnings end,
        attained = case when v.failed then e.attained else v.attained end,
        error_code = v.error_code, error_message = v.error_message, run_id = v.run_id, revision = e.revision + 1
      from ${evaluationRecords(rows(seen))}
      where e.org_id = v.org_id and e.revision = v.expected
      returning e.org_id`.execute(trx);
    for (const r of updated.rows) claims.set(r.org_id, 'claimed');
  }
  return claims;
}

/** One write's evaluation row, as JSON for `evaluationRecords`. */
function evaluationRow(write: EvaluationWrite, evaluatedAt: string) {
  const { outcome } = write;
  const ok = outcome.kind === 'ok' ? outcome.standing : undefined;
  return {
    org_id: write.org,
    expected: write.expectedRevision,
    failed: outcome.kind === 'failed',
    as_of: ok ? ok.asOf : outcome.kind === 'failed' ? outcome.asOf : '',
    data_version: write.dataVersion,
    catalog: write.catalog,
    evaluated_at: evaluatedAt,
    next_event: ok?.nextEvent ?? null,
    warnings: ok?.warnings ?? 0,
    attained: ok ? ok.levels.filter((l) => l.status === 'attained').length : 0,
    error_code: outcome.kind === 'failed' ? outcome.code : null,
    error_message: outcome.kind === 'failed' ? outcome.message : null,
    run_id: write.run,
  };
}

/** Rows of `evaluationRow`, given as one JSON parameter, as a table `v`: one statement writes any number of them. */
function evaluationRecords(json: string) {
  return sql`jsonb_to_recordset(${json}::jsonb) as v(org_id text, expected integer, failed boolean, as_of date,
    data_version bigint, catalog text, evaluated_at timestamptz, next_event date, warnings integer, attained integer,
    error_code text, error_message text, run_id bigint)`;
}

function standingRows(org: string, outcome: Extract<EvaluationWrite['outcome'], { kind: 'ok' }>) {
  const lifecycle = new Map(outcome.lifecycles.map((l) => [levelKey(l), l]));
  return outcome.standing.levels.map((l) => {
    const life = lifecycle.get(levelKey(l));
    return {
      org_id: org,
      competency: l.competency,
      option: l.option,
      level: l.level,
      status: l.status,
      catalog_version: l.catalogVersion,
      as_of: l.asOf,
      gaps: JSON.stringify(l.gaps),
      next_change_date: l.nextChange?.date ?? null,
      next_change: l.nextChange && JSON.stringify(l.nextChange),
      at_risk_date: l.atRisk?.date ?? null,
      at_risk: l.atRisk && JSON.stringify(l.atRisk),
      lifecycle: life?.status ?? (l.status === 'attained' ? 'qualified' : 'started'),
      awarded: life?.awarded ?? null,
      anniversary: life?.anniversary ?? null,
    };
  });
}

function transitionRows(org: string, transitions: readonly Transition[]) {
  return transitions.map((t) => ({
    org_id: org,
    competency: t.competency,
    option: t.option,
    level: t.level,
    date: t.date,
    from_status: t.from,
    to_status: t.to,
    cause: JSON.stringify(t.cause),
  }));
}

async function readEvaluations(db: Kysely<StoreDatabase>, ids: readonly string[]): Promise<Map<string, StoredEvaluation>> {
  const [heads, levels] = await Promise.all([
    db
      .selectFrom('evaluations')
      .selectAll()
      .where('org_id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('standings')
      .selectAll()
      .where('org_id', 'in', [...ids])
      .orderBy('org_id')
      .execute(),
  ]);
  const levelsOf = new Map<string, StoredLevel[]>();
  for (const l of levels) pushTo(levelsOf, l.org_id, storedLevel(l));
  const result = new Map<string, StoredEvaluation>();
  for (const head of heads) {
    result.set(head.org_id, {
      org: head.org_id,
      asOf: head.as_of,
      dataVersion: String(head.data_version),
      catalog: head.catalog,
      evaluatedAt: head.evaluated_at.toISOString(),
      revision: head.revision,
      nextEvent: head.next_event,
      warnings: head.warnings,
      error: head.error_code === null ? null : { code: head.error_code, message: head.error_message ?? '' },
      levels: levelsOf.get(head.org_id) ?? [],
    });
  }
  return result;
}

function storedLevel(row: Selectable<StandingsTable>): StoredLevel {
  return {
    ...levelColumns(row),
    status: row.status as LevelStatus,
    catalogVersion: row.catalog_version,
    asOf: row.as_of,
    gaps: row.gaps as StoredLevel['gaps'],
    nextChange: (row.next_change ?? null) as StoredLevel['nextChange'],
    atRisk: (row.at_risk ?? null) as StoredLevel['atRisk'],
    lifecycle: {
      status: row.lifecycle as LifecycleStatus,
      awarded: row.awarded,
      anniversary: row.anniversary,
      renewalWindow: null,
      override: null,
    },
  };
}

function transitionOf(
  row: Pick<Selectable<TransitionsTable>, 'competency' | 'option' | 'level' | 'date' | 'from_status' | 'to_status' | 'cause'>,
): Transition {
  return {
    ...levelColumns(row),
    date: row.date,
    from: row.from_status as LevelStatus | null,
    to: row.to_status as LevelStatus,
    cause: row.cause as Transition['cause'],
  };
}

function runOf(row: Selectable<ProgramRunsTable>): ProgramRun {
  return {
    id: String(row.id),
    kind: row.kind as ProgramRun['kind'],
    asOf: row.as_of,
    requestedAt: row.requested_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    total: row.total,
    done: row.done,
    failed: row.failed,
    catalog: row.catalog,
    draftName: row.draft_name,
    error: row.error,
  };
}

function levelColumns(l: LevelKey): LevelKey {
  return { competency: l.competency, option: l.option, level: l.level };
}

/**
 * Locks the organization's row and counts the change as a write of its data: an award or an override changes what
 * its evaluation computes, so an evaluation of the version before is no longer current (see `alreadyEvaluated`).
 */
async function touchOrganization(trx: Kysely<StoreDatabase>, org: string): Promise<void> {
  const row = await trx
    .updateTable('organizations')
    .set({ data_version: sql<string>`data_version + 1` })
    .where('id', '=', org)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw organizationNotFound(org);
}

/** The run bookkeeping the jobs do; kept apart from what the API reads. */
export class SqlRunLedger {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly jobSchema: string,
    private readonly vacuumsItself: boolean,
  ) {}

  /** The run's row with its draft catalog, for the jobs. */
  async runWithDraft(id: string): Promise<(ProgramRun & { readonly draft: unknown }) | undefined> {
    const row = await this.db.selectFrom('program_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...runOf(row), draft: row.draft };
  }

  /**
   * Lists every organization and queues the run's jobs for them, a hundred a job, recording how many there are:
   * one transaction, so that a run either has all its jobs or none (the job is then retried).
   */
  expand(id: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const run = await trx.selectFrom('program_runs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!run || run.total !== null) return run?.total ?? 0;
      const ids = (await trx.selectFrom('organizations').select('id').orderBy('id').execute()).map((r) => r.id);
      await trx
        .updateTable('program_runs')
        .set({ total: ids.length, ...(ids.length === 0 && { finished_at: new Date().toISOString() }) })
        .where('id', '=', id)
        .execute();
      if (run.kind === 'run') await enqueueEvaluations(trx, this.jobSchema, ids, { run: id, asOf: run.as_of });
      else await enqueueInBatches(trx, this.jobSchema, 'impact-batch', ids, { run: id });
      return ids.length;
    });
  }

  /**
   * Counts organizations done (and failed) in a run, closing it when the last one is in. True when this call closed
   * it.
   */
  async advance(
    id: string,
    batch: string,
    done: number,
    failed: number,
    changes: readonly ImpactChange[] = [],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // A job done again (its process died after this commit, before the job was marked done) counts once.
      const first = await sql<{ run_id: string }>`
        insert into program_run_batches (run_id, first_org) values (${id}, ${batch})
        on conflict do nothing returning run_id`.execute(trx);
      if (first.rows.length === 0) return false;
      if (changes.length > 0) {
        await trx
          .insertInto('impact_changes')
          .values(
            changes.map((c) => ({
              run_id: id,
              org_id: c.org,
              competency: c.competency,
              option: c.option,
              level: c.level,
              before: c.before,
              after: c.after,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      const result = await sql<{ closed: boolean }>`
        with before as (select finished_at from program_runs where id = ${id} for update)
        update program_runs set done = done + ${done}, failed = failed + ${failed},
          finished_at = case when total is not null and done + ${done} >= total then now() else finished_at end
        where id = ${id}
        returning (select finished_at from before) is null and finished_at is not null as closed`.execute(trx);
      return result.rows[0]?.closed === true;
    });
  }

  /**
   * After a run rewrote every organization's standing: fresh statistics for the operator's queries, and on a database
   * without autovacuum (PGlite) the replaced rows cleared and the visibility map set, which the operator's index-only
   * scans need. Outside any transaction, as VACUUM must be.
   */
  async tidyAfterRun(): Promise<void> {
    // A statement per table: on PGlite each one holds the process's event loop, which runs between them.
    for (const table of ['organizations', 'evaluations', 'standings', 'transitions']) {
      const vacuum = !this.vacuumsItself && table !== 'transitions'; // transitions are only ever added to
      await sql`${sql.raw(vacuum ? 'vacuum (analyze)' : 'analyze')} ${sql.table(table)}`.execute(this.db);
    }
  }

  /** Marks a run as failed as a whole (its draft cannot be read, say). */
  async fail(id: string, error: string): Promise<void> {
    await this.db
      .updateTable('program_runs')
      .set({ error, finished_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }
}
