import { type Kysely, type RawBuilder, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { pushTo } from '../core/push-to.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import type { LifecycleStatus } from '../program/standing-types.js';
import type { ExportRow, ProgramFilter, ProgramPage, ProgramPageRequest, ProgramRow, ProgramSort } from './program-store.js';
import type { StoreDatabase } from './store-database.js';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1_000;

/**
 * Each sort as SQL over `o` (organizations) and what it needs besides: `e` (evaluations), or `r` (each organization's
 * first day at risk, from the few standings that have one: a correlated subquery per organization took about a second
 * at 50,000). Only the at-risk day can be null (sorted last either way). The id breaks ties so pages never overlap.
 */
const ORDER: Readonly<Record<ProgramSort, { readonly by: string; readonly nullable?: true; readonly needs?: 'e' | 'r' }>> = {
  id: { by: 'o.id' },
  name: { by: 'coalesce(o.name, o.id)' },
  market: { by: 'o.market' },
  attained: { by: 'coalesce(e.attained, 0)', needs: 'e' },
  'at-risk': { by: 'r.at_risk', nullable: true, needs: 'r' },
};

const JOINS = {
  e: sql`left join evaluations e on e.org_id = o.id`,
  r: sql`left join (select org_id, min(at_risk_date) as at_risk from standings where at_risk_date is not null
    group by org_id) r on r.org_id = o.id`,
} as const;

interface Head {
  id: string;
  name: string | null;
  market: string;
  as_of: string | null;
  evaluated_at: Date | null;
  attained: number | null;
  error_code: string | null;
  error_message: string | null;
  total: number;
}

/**
 * The operator's page of organizations: filtered, sorted and paged in SQL, with the total that matched, then each
 * row's levels in one more query, both in one snapshot. Every filter is a parameter; only the sort (from a fixed
 * list) is spliced. The matching organizations are listed once, narrow (id and sort key), and counted, sorted and
 * paged from that list; only the page's rows are joined to their evaluations. (Counting with a window over the
 * joined rows made the database carry every matching row whole: over a second at 50,000 on PGlite.)
 */
export async function programPage(db: Kysely<StoreDatabase>, request: ProgramPageRequest): Promise<ProgramPage> {
  const limit = bounded('limit', request.limit ?? DEFAULT_PAGE, MAX_PAGE);
  const offset = bounded('offset', request.offset ?? 0, Number.MAX_SAFE_INTEGER);
  const order = ORDER[request.sort ?? 'id'];
  const direction = sql.raw(`${request.descending ? 'desc' : 'asc'}${order.nullable ? ' nulls last' : ''}`);
  const tie = sql.raw(request.descending ? 'desc' : 'asc');
  const read = db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  return read.execute(async (trx) => {
    const heads = await sql<Head>`
      with matched as materialized (
        select o.id, ${sql.raw(order.by)} as key from organizations o ${matchJoins(request, order.needs)}
        where ${programWhere(request)}
      ), page as (
        select id, key from matched order by key ${direction}, id ${tie} limit ${limit} offset ${offset}
      )
      select o.id, o.name, o.market, e.as_of, e.evaluated_at, e.attained, e.error_code, e.error_message,
        (select count(*) from matched)::int as total
      from page p join organizations o on o.id = p.id left join evaluations e on e.org_id = p.id
      order by p.key ${direction}, p.id ${tie}`.execute(trx);
    return pageOf(trx, heads.rows, request, offset, limit);
  });
}

/** The joins the filter and the sort need, and no others. */
function matchJoins(filter: ProgramFilter, needs: 'e' | 'r' | undefined): RawBuilder<unknown> {
  const joins: RawBuilder<unknown>[] = [];
  if (needs === 'e' || filter.failed === true) joins.push(JOINS.e);
  if (needs === 'r') joins.push(JOINS.r);
  return sql.join(joins, sql` `);
}

async function pageOf(
  db: Kysely<StoreDatabase>,
  heads: readonly Head[],
  request: ProgramPageRequest,
  offset: number,
  limit: number,
): Promise<ProgramPage> {
  const ids = heads.map((r) => r.id);
  const levels =
    ids.length === 0
      ? []
      : await db
          .selectFrom('standings')
          .select(['org_id', 'competency', 'option', 'level', 'status', 'lifecycle', 'at_risk_date', 'next_change_date'])
          .where('org_id', 'in', ids)
          .orderBy('competency')
          .orderBy('option')
          .orderBy('level')
          .execute();
  const byOrg = new Map<string, ProgramRow['levels'][number][]>();
  for (const l of levels) {
    pushTo(byOrg, l.org_id, {
      competency: l.competency,
      option: l.option,
      level: l.level,
      status: l.status as LevelStatus,
      lifecycle: l.lifecycle as LifecycleStatus,
      atRisk: l.at_risk_date,
      nextChange: l.next_change_date,
    });
  }
  return {
    total: heads[0]?.total ?? (offset === 0 ? 0 : await countMatching(db, request)),
    offset,
    limit,
    rows: heads.map((r) => ({
      id: r.id,
      name: r.name,
      market: r.market,
      asOf: r.as_of,
      evaluatedAt: r.evaluated_at?.toISOString() ?? null,
      attained: r.attained ?? 0,
      error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? '' },
      levels: byOrg.get(r.id) ?? [],
    })),
  };
}

/** Every organization × level that matches, for a CSV export: the filter's organizations, the filter's level or all. */
export async function programRowsForExport(db: Kysely<StoreDatabase>, filter: ProgramFilter): Promise<readonly ExportRow[]> {
  const level = filter.level === undefined ? undefined : splitLevel(filter.level);
  const result = await sql<ExportRow>`
    select o.id, o.name, o.market, s.as_of, s.competency, s.option, s.level, s.status, s.lifecycle, s.at_risk_date,
      s.next_change_date, s.anniversary
    from organizations o join standings s on s.org_id = o.id left join evaluations e on e.org_id = o.id
    where ${programWhere(filter)}
      ${level ? sql`and s.competency = ${level.competency} and s.option = ${level.option} and s.level = ${level.level}` : sql``}
    order by o.id, s.competency, s.option, s.level`.execute(db);
  return result.rows;
}

async function countMatching(db: Kysely<StoreDatabase>, filter: ProgramFilter): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from organizations o ${matchJoins(filter, undefined)} where ${programWhere(filter)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

function programWhere(filter: ProgramFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filter.market !== undefined) parts.push(sql`o.market = ${filter.market}`);
  if (filter.text !== undefined && filter.text !== '') {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(o.id ilike ${pattern} or o.name ilike ${pattern})`);
  }
  if (filter.failed === true) parts.push(sql`e.error_code is not null`);
  const level = filter.level === undefined ? undefined : splitLevel(filter.level);
  const standing: RawBuilder<unknown>[] = [];
  if (level) {
    standing.push(sql`s.competency = ${level.competency} and s.option = ${level.option} and s.level = ${level.level}`);
  }
  if (filter.status !== undefined) standing.push(sql`s.status = ${filter.status}`);
  if (filter.lifecycle !== undefined) standing.push(sql`s.lifecycle = ${filter.lifecycle}`);
  if (filter.atRiskWithin !== undefined) {
    standing.push(sql`s.at_risk_date is not null and s.at_risk_date <= s.as_of + ${filter.atRiskWithin}::int`);
  }
  if (standing.length > 0) {
    parts.push(sql`exists (select 1 from standings s where s.org_id = o.id and ${sql.join(standing, sql` and `)})`);
  }
  return sql.join(parts, sql` and `);
}

function splitLevel(text: string): { competency: string; option: string; level: string } {
  const [competency, option, level, ...rest] = text.split('/');
  if (competency && option && level && rest.length === 0) return { competency, option, level };
  throw new AttainError('program.level.invalid', `"${text}" is not COMPETENCY/OPTION/LEVEL`, [
    { code: 'program.level.invalid', path: '$.level', params: { value: text } },
  ]);
}

function bounded(name: string, value: number, max: number): number {
  if (Number.isInteger(value) && value >= 0 && value <= max) return value;
  throw new AttainError('store.limit.invalid', `${name} must be a whole number from 0 to ${max}, not ${value}`, [
    { code: 'store.limit.invalid', path: `$.${name}`, params: { limit: String(value) } },
  ]);
}
