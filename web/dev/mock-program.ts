/**
 * The mock API's program routes: stored standings, transitions, the operator's page, counts, CSV, runs and impact
 * reports, in the shapes of `src/server/program-routes.ts` and `src/store/program-store.ts`. Standings come from the
 * library's evaluation and forecast (90 days ahead); the lifecycle is the program's rule for a level never awarded
 * (`qualified` when attained, `started` otherwise): the mock records no awards or overrides. Runs and
 * impact reports finish over two polls, so that the dashboard's progress is exercised.
 */
import type { Hono } from 'hono';
import type { Catalog } from '../../src/catalog/catalog-types.js';
import { compileCatalog } from '../../src/catalog/compile-catalog.js';
import { readDraftCatalog } from '../../src/catalog/read-draft-catalog.js';
import { isAttainError } from '../../src/core/attain-error.js';
import { type Day, formatDay, parseDay } from '../../src/core/day.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { LevelStatus } from '../../src/engine/evaluation-types.js';
import type { Organization } from '../../src/engine/organization.js';
import { forecast } from '../../src/planner/forecast.js';
import { impactTotals } from '../../src/program/impact-totals.js';
import {
  type LevelKey,
  LIFECYCLE_STATUSES,
  type LifecycleStatus,
  type TransitionCause,
} from '../../src/program/standing-types.js';
import type {
  ImpactChange,
  LevelCounts,
  ProgramRow,
  ProgramRun,
  StoredEvaluation,
  StoredTransition,
} from '../../src/store/program-store.js';
import type { OrganizationSummary } from '../../src/store/store.js';

const HORIZON = 90;

interface Context {
  readonly catalog: Catalog;
  readonly orgs: ReadonlyMap<string, { readonly org: Organization }>;
  readonly fail: (status: 400 | 401 | 403 | 404, code: string, message: string, issues?: unknown[]) => Response;
  readonly isAdmin: (c: { get: (key: 'token') => { role: string } }) => boolean;
  readonly visible: (c: { get: (key: 'token') => { role: string; org: string | null } }, id: string) => boolean;
}

export interface MockProgram {
  /** Re-evaluates one organization as the jobs do after a write (its data changed). */
  readonly dataChanged: (id: string) => void;
  /** The levels an organization holds by its stored standing, as the organizations list reports them. */
  readonly held: (id: string) => OrganizationSummary['held'];
}

/**
 * @param programAsOf the day the program was last run as of; null: nothing evaluated yet (every standing pending
 * until a run)
 */
// biome-ignore lint/suspicious/noExplicitAny: the mock's Hono app carries its own variables
export function registerMockProgram(app: Hono<any>, ctx: Context, programAsOf: string | null): MockProgram {
  let asOf = programAsOf;
  const evaluations = new Map<string, StoredEvaluation>();
  const transitions = new Map<string, StoredTransition[]>();
  const runs: { run: ProgramRun; polls: number; changes: ImpactChange[] }[] = [];
  let transitionId = 0;

  const evaluateOne = (id: string, day: Day, cause: 'run' | 'data') => {
    const found = ctx.orgs.get(id);
    if (!found) return;
    const previous = evaluations.get(id);
    const evaluation = evaluate(ctx.catalog, found.org, { asOf: day });
    const ahead = forecast(ctx.catalog, found.org, day, day + HORIZON);
    const levels = evaluation.results.map((r) => {
      const mine = ahead.changes.filter((ch) => ch.competency === r.competency && ch.option === r.option && ch.level === r.level);
      const next = mine[0];
      const loss = r.status === 'attained' ? mine.find((ch) => !ch.attained) : undefined;
      const dated = (ch: typeof next) => (ch ? { date: ch.date, status: ch.status, causes: ch.causes } : null);
      // Never awarded (the mock records no awards): qualified while attained, started otherwise (`lifecycleOf`).
      const lifecycle: LifecycleStatus = r.status === 'attained' ? 'qualified' : 'started';
      return {
        competency: r.competency,
        option: r.option,
        level: r.level,
        status: r.status,
        catalogVersion: r.catalogVersion,
        asOf: evaluation.asOf,
        gaps: r.gaps,
        nextChange: dated(next),
        atRisk: dated(loss),
        lifecycle: { status: lifecycle, awarded: null, anniversary: null, renewalWindow: null, override: null },
      };
    });
    const list = transitions.get(id) ?? [];
    const recordedAt = new Date().toISOString();
    const add = (l: (typeof levels)[number], date: string, from: LevelStatus | null, to: LevelStatus, why: TransitionCause) =>
      list.unshift({
        id: String(++transitionId),
        competency: l.competency,
        option: l.option,
        level: l.level,
        date,
        from,
        to,
        cause: why,
        recordedAt,
      });
    for (const l of levels) {
      const before = previous?.levels.find((p) => p.competency === l.competency && p.option === l.option && p.level === l.level);
      if (!before) add(l, evaluation.asOf, null, l.status, { kind: 'first' });
      else if (cause === 'run' && previous && previous.asOf < evaluation.asOf) {
        // Time passed: every dated change in between, with its causes.
        const from = parseDay(previous.asOf) as Day;
        let status = before.status;
        for (const ch of forecast(ctx.catalog, found.org, from, day).changes)
          if (ch.competency === l.competency && ch.option === l.option && ch.level === l.level) {
            add(l, ch.date, status, ch.status, { kind: 'date', causes: ch.causes });
            status = ch.status;
          }
      } else if (before.status !== l.status)
        add(l, evaluation.asOf, before.status, l.status, cause === 'data' ? { kind: 'data' } : { kind: 'rewind' });
    }
    transitions.set(id, list);
    evaluations.set(id, {
      org: id,
      asOf: evaluation.asOf,
      dataVersion: String((Number(previous?.dataVersion ?? 0) || 0) + 1),
      catalog: 'mpn-2017@mock',
      evaluatedAt: new Date().toISOString(),
      revision: (previous?.revision ?? 0) + 1,
      nextEvent: ahead.changes[0]?.date ?? null,
      warnings: 0,
      error: null,
      levels,
    });
  };
  const evaluateAll = (day: string) => {
    for (const id of ctx.orgs.keys()) evaluateOne(id, parseDay(day) as Day, 'run');
  };
  if (asOf) evaluateAll(asOf);

  const admin = (c: Parameters<Context['isAdmin']>[0]) =>
    ctx.isAdmin(c) ? null : ctx.fail(403, 'auth.forbidden', 'the program view is for admin tokens');

  const byIds = (a: LevelKey, b: LevelKey) =>
    a.competency.localeCompare(b.competency) || a.option.localeCompare(b.option) || a.level.localeCompare(b.level);
  const rowOf = (id: string): ProgramRow => {
    const org = ctx.orgs.get(id)?.org as Organization;
    const stored = evaluations.get(id);
    return {
      id,
      name: org.name ?? null,
      market: org.market,
      asOf: stored?.asOf ?? null,
      evaluatedAt: stored?.evaluatedAt ?? null,
      attained: stored?.levels.filter((l) => l.status === 'attained').length ?? 0,
      error: stored?.error ?? null,
      levels: [...(stored?.levels ?? [])].sort(byIds).map((l) => ({
        competency: l.competency,
        option: l.option,
        level: l.level,
        status: l.status,
        lifecycle: l.lifecycle.status,
        atRisk: l.atRisk?.date ?? null,
        nextChange: l.nextChange?.date ?? null,
      })),
    };
  };
  const filtered = (query: (key: string) => string | undefined): ProgramRow[] => {
    const level = query('level');
    const status = query('status');
    const lifecycle = query('lifecycle');
    const market = query('market');
    const within = query('atRiskWithin');
    const text = query('q')?.trim().toLowerCase();
    const failed = query('failed') === 'true';
    return [...ctx.orgs.keys()].map(rowOf).filter((row) => {
      const levels = row.levels.filter((l) => !level || `${l.competency}/${l.option}/${l.level}` === level);
      const limit = within === undefined || row.asOf === null ? null : formatDay((parseDay(row.asOf) as Day) + Number(within));
      return (
        (!market || row.market === market) &&
        (!text || row.id.toLowerCase().includes(text) || (row.name ?? '').toLowerCase().includes(text)) &&
        (!failed || row.error !== null) &&
        (!level || levels.length > 0) &&
        (!status && !lifecycle && limit === null
          ? true
          : levels.some(
              (l) =>
                (!status || l.status === status) &&
                (!lifecycle || l.lifecycle === lifecycle) &&
                (limit === null || (l.atRisk !== null && l.atRisk <= limit)),
            ))
      );
    });
  };
  const firstRisk = (row: ProgramRow) => row.levels.reduce((d, l) => (l.atRisk && l.atRisk < d ? l.atRisk : d), '9999-12-31');

  app.get('/api/program/organizations', (c) => {
    const refused = admin(c);
    if (refused) return refused;
    const rows = filtered((k) => c.req.query(k));
    const sort = c.req.query('sort') ?? 'id';
    const name = (r: ProgramRow) => r.name ?? r.id;
    const compare: Record<string, (a: ProgramRow, b: ProgramRow) => number> = {
      id: (a, b) => a.id.localeCompare(b.id),
      name: (a, b) => name(a).localeCompare(name(b)),
      market: (a, b) => a.market.localeCompare(b.market),
      attained: (a, b) => a.attained - b.attained,
      'at-risk': (a, b) => firstRisk(a).localeCompare(firstRisk(b)),
    };
    const by = compare[sort] ?? compare.id;
    const sign = c.req.query('desc') === 'true' ? -1 : 1;
    rows.sort((a, b) => sign * (by?.(a, b) ?? 0) || a.id.localeCompare(b.id));
    const offset = Number(c.req.query('offset') ?? 0);
    const limit = Number(c.req.query('limit') ?? 50);
    return c.json({ total: rows.length, offset, limit, rows: rows.slice(offset, offset + limit) });
  });

  app.get('/api/program/organizations.csv', (c) => {
    const refused = admin(c);
    if (refused) return refused;
    const lines = ['org_id,name,market,as_of,competency,option,level,status,lifecycle,at_risk_date,next_change_date,anniversary'];
    const level = c.req.query('level');
    for (const row of filtered((k) => c.req.query(k)))
      for (const l of row.levels.filter((x) => !level || `${x.competency}/${x.option}/${x.level}` === level))
        lines.push(
          [
            row.id,
            row.name ?? '',
            row.market,
            row.asOf ?? '',
            l.competency,
            l.option,
            l.level,
            l.status,
            l.lifecycle,
            l.atRisk ?? '',
            l.nextChange ?? '',
            '',
          ]
            .map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
            .join(','),
        );
    return c.body(`${lines.join('\n')}\n`, 200, {
      'content-type': 'text/csv; charset=UTF-8',
      'content-disposition': 'attachment; filename="attain-program.csv"',
    });
  });

  app.get('/api/program/counts', (c) => {
    const refused = admin(c);
    if (refused) return refused;
    const counts = new Map<string, LevelCounts & { byLifecycle: Record<LifecycleStatus, number> }>();
    for (const stored of evaluations.values())
      for (const l of stored.levels) {
        const key = `${l.competency}/${l.option}/${l.level}`;
        const entry = counts.get(key) ?? {
          competency: l.competency,
          option: l.option,
          level: l.level,
          attained: 0,
          notAttained: 0,
          undetermined: 0,
          atRisk: 0,
          byLifecycle: Object.fromEntries(LIFECYCLE_STATUSES.map((s) => [s, 0])) as Record<LifecycleStatus, number>,
        };
        const n = { attained: 0, notAttained: 0, undetermined: 0 };
        n[l.status === 'attained' ? 'attained' : l.status === 'not-attained' ? 'notAttained' : 'undetermined'] = 1;
        entry.byLifecycle[l.lifecycle.status] += 1;
        counts.set(key, {
          ...entry,
          attained: entry.attained + n.attained,
          notAttained: entry.notAttained + n.notAttained,
          undetermined: entry.undetermined + n.undetermined,
          atRisk: entry.atRisk + (l.atRisk ? 1 : 0),
        });
      }
    // As the store lists them: by competency, option and level id.
    const byId = (l: LevelCounts) => `${l.competency}\u0000${l.option}\u0000${l.level}`;
    return c.json({ asOf, levels: [...counts.values()].sort((a, b) => (byId(a) < byId(b) ? -1 : 1)) });
  });

  const start = (kind: 'run' | 'impact', day: string, draftName: string | null, changes: ImpactChange[] = []) => {
    const run: ProgramRun = {
      id: String(runs.length + 1),
      kind,
      asOf: day,
      requestedAt: new Date().toISOString(),
      finishedAt: null,
      total: null,
      done: 0,
      failed: 0,
      catalog: 'mpn-2017@mock',
      draftName,
      error: null,
    };
    runs.unshift({ run, polls: 0, changes });
    return run;
  };
  /** Each read of a run moves it on: listed, then done. */
  const advance = (id: string) => {
    const entry = runs.find((r) => r.run.id === id);
    if (!entry) return undefined;
    entry.polls += 1;
    const total = ctx.orgs.size;
    if (entry.polls === 1) entry.run = { ...entry.run, total, done: Math.floor(total / 2) };
    else if (entry.run.finishedAt === null) {
      if (entry.run.kind === 'run') {
        asOf = entry.run.asOf;
        evaluateAll(entry.run.asOf);
      }
      entry.run = { ...entry.run, total, done: total, finishedAt: new Date().toISOString() };
    }
    return entry;
  };
  const dayQuery = (text: string | undefined) =>
    text && parseDay(text) !== undefined ? text : new Date().toISOString().slice(0, 10);

  app.get('/api/program/runs', (c) => admin(c) ?? c.json({ runs: runs.filter((r) => r.run.kind === 'run').map((r) => r.run) }));
  app.post('/api/program/runs', (c) => admin(c) ?? c.json(start('run', dayQuery(c.req.query('asOf')), null), 202));
  app.get('/api/program/runs/:id', (c) => {
    const refused = admin(c);
    if (refused) return refused;
    const entry = advance(c.req.param('id'));
    return entry?.run.kind === 'run' ? c.json(entry.run) : ctx.fail(404, 'route.not-found', 'no such run');
  });

  app.post('/api/program/impacts', async (c) => {
    const refused = admin(c);
    if (refused) return refused;
    const day = dayQuery(c.req.query('asOf'));
    const name = c.req.query('name') ?? 'draft';
    let draft: Catalog;
    try {
      draft = compileCatalog(await readDraftCatalog(name, await c.req.text()));
    } catch (error) {
      if (isAttainError(error)) return ctx.fail(400, error.code, error.message, [...error.issues]);
      throw error;
    }
    const changes: ImpactChange[] = [];
    for (const { org } of ctx.orgs.values()) {
      const options = { asOf: parseDay(day) as Day };
      const before = evaluate(ctx.catalog, org, options).results;
      const after = evaluate(draft, org, options).results;
      const key = (l: { competency: string; option: string; level: string }) => `${l.competency}/${l.option}/${l.level}`;
      const keys = new Map([...before, ...after].map((l) => [key(l), l]));
      for (const [k, l] of keys) {
        const b = before.find((x) => key(x) === k)?.status ?? null;
        const a = after.find((x) => key(x) === k)?.status ?? null;
        if (a !== b)
          changes.push({ org: org.id, competency: l.competency, option: l.option, level: l.level, before: b, after: a });
      }
    }
    return c.json(start('impact', day, name, changes), 202);
  });
  app.get(
    '/api/program/impacts',
    (c) => admin(c) ?? c.json({ impacts: runs.filter((r) => r.run.kind === 'impact').map((r) => r.run) }),
  );
  app.get('/api/program/impacts/:id', (c) => {
    const refused = admin(c);
    if (refused) return refused;
    const entry = advance(c.req.param('id'));
    if (entry?.run.kind !== 'impact') return ctx.fail(404, 'route.not-found', 'no such impact report');
    const all = entry.run.finishedAt ? entry.changes : [];
    const offset = Number(c.req.query('offset') ?? 0);
    const limit = Number(c.req.query('limit') ?? 1000);
    return c.json({ run: entry.run, totals: impactTotals(all), total: all.length, changes: all.slice(offset, offset + limit) });
  });

  app.get('/api/orgs/:id/standing', (c) => {
    const id = c.req.param('id');
    if (!ctx.visible(c, id)) return ctx.fail(404, 'org.not-found', 'no such organization');
    return c.json(evaluations.get(id) ?? { org: id, pending: true });
  });
  app.get('/api/orgs/:id/transitions', (c) => {
    const id = c.req.param('id');
    if (!ctx.visible(c, id)) return ctx.fail(404, 'org.not-found', 'no such organization');
    const limit = Number(c.req.query('limit') ?? 10_000);
    const list = [...(transitions.get(id) ?? [])].sort((a, b) => b.date.localeCompare(a.date) || Number(b.id) - Number(a.id));
    return c.json({ transitions: list.slice(0, limit) });
  });

  return {
    dataChanged: (id) => {
      if (asOf) evaluateOne(id, parseDay(asOf) as Day, 'data');
    },
    held: (id) => {
      const stored = evaluations.get(id);
      if (!stored) return null;
      const levels = stored.levels.filter((l) => l.status === 'attained').sort(byIds);
      return { asOf: stored.asOf, levels: levels.map(({ competency, option, level }) => ({ competency, option, level })) };
    },
  };
}
