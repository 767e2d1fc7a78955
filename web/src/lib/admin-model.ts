import type { Catalog } from '../../../src/catalog/catalog-types.js';
import type { Query } from '../api/client.js';
import type { LevelCounts, LifecycleStatus, ProgramRow, ProgramRun, ProgramSort } from '../api/types.js';

export type LevelStatusFilter = '' | 'attained' | 'not-attained' | 'undetermined';

/** The operator's filters, sent to the server as they are (`GET /api/program/organizations`). */
export interface AdminFilter {
  /** `competency/option/level`, or '' for any; status, lifecycle and at-risk then apply to that level. */
  readonly level: string;
  readonly status: LevelStatusFilter;
  readonly lifecycle: '' | LifecycleStatus;
  /** A market id, or '' for every market. */
  readonly market: string;
  /** Days (0–90), or '' for no at-risk filter. */
  readonly atRiskWithin: string;
  /** Part of the organization's id or name. */
  readonly text: string;
  readonly failed: boolean;
}

export const NO_FILTER: AdminFilter = {
  level: '',
  status: '',
  lifecycle: '',
  market: '',
  atRiskWithin: '',
  text: '',
  failed: false,
};

export const AT_RISK_HORIZON = 90;

export const levelKey = (l: { competency: string; option: string; level: string }) => `${l.competency}/${l.option}/${l.level}`;

/** A number of days the server accepts (0–90, whole), or undefined. */
export function atRiskDays(text: string): number | undefined {
  if (!/^\d{1,3}$/.test(text.trim())) return undefined;
  const days = Number(text);
  return days <= AT_RISK_HORIZON ? days : undefined;
}

/** The filters as the API's query (the same for the page and the CSV); empty ones left out. */
export function filterQuery(filter: AdminFilter): Query {
  return {
    level: filter.level,
    status: filter.status,
    lifecycle: filter.lifecycle,
    market: filter.market.trim(),
    atRiskWithin: atRiskDays(filter.atRiskWithin),
    q: filter.text.trim(),
    failed: filter.failed,
  };
}

/** One page of the table: the filters, the sort and the window. */
export function pageQuery(filter: AdminFilter, sort: ProgramSort, descending: boolean, page: number, pageSize: number): Query {
  return { ...filterQuery(filter), sort, desc: descending, offset: page * pageSize, limit: pageSize };
}

/** Every level's place in the catalog (competency, option, then Silver before Gold), over all its versions. */
export function catalogOrder(catalog: Catalog): ReadonlyMap<string, number> {
  const order = new Map<string, number>();
  for (const competency of catalog.competencies)
    for (const version of competency.versions)
      for (const option of version.options)
        for (const level of option.levels) {
          const key = levelKey({ competency: competency.id, option: option.id, level: level.id });
          if (!order.has(key)) order.set(key, order.size);
        }
  return order;
}

/**
 * The levels to show as columns: every level the counts or the rows know, in the catalog's order (the API lists
 * them alphabetically, Gold before Silver); levels the catalog does not know last.
 */
export function levelColumns(
  counts: readonly LevelCounts[],
  rows: readonly ProgramRow[],
  order: ReadonlyMap<string, number> = new Map(),
): { competency: string; option: string; level: string }[] {
  const seen = new Map<string, { competency: string; option: string; level: string }>();
  for (const l of [...counts, ...rows.flatMap((r) => r.levels)])
    if (!seen.has(levelKey(l))) seen.set(levelKey(l), { competency: l.competency, option: l.option, level: l.level });
  const place = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...seen.entries()].sort(([a], [b]) => place(a) - place(b)).map(([, l]) => l);
}

/** Whether a run is still going; a run without `finishedAt` is. */
export const isRunning = (run: ProgramRun | null | undefined): boolean => !!run && run.finishedAt === null;

/** How far a run has got, 0–1; 0 until it has listed its organizations. */
export function runProgress(run: ProgramRun): number {
  if (run.finishedAt !== null) return 1;
  if (!run.total) return 0;
  return Math.min(1, run.done / run.total);
}

/** Every at-risk level of a page of rows, soonest first. */
export function atRiskLevels(
  rows: readonly ProgramRow[],
): { row: ProgramRow; level: ProgramRow['levels'][number] & { atRisk: string } }[] {
  return rows
    .flatMap((row) =>
      row.levels.flatMap((level) => (level.atRisk === null ? [] : [{ row, level: { ...level, atRisk: level.atRisk } }])),
    )
    .sort((a, b) => a.level.atRisk.localeCompare(b.level.atRisk) || a.row.id.localeCompare(b.row.id));
}
