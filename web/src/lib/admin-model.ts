import type { AtRisk, ProgramOverview } from '../api/types.js';

export type ProgramOrganization = ProgramOverview['organizations'][number];
export type AdminSort = 'name' | 'attained' | 'risk';

export interface AdminFilter {
  readonly text: string;
  /** A market id, or '' for every market. */
  readonly market: string;
  /** `competency/option/level` that must be attained, or ''. */
  readonly level: string;
}

export const levelKey = (l: { competency: string; option: string; level: string }) => `${l.competency}/${l.option}/${l.level}`;

export function attainedCount(org: ProgramOrganization): number {
  return org.levels.filter((l) => l.status === 'attained').length;
}

/** The organizations matching a filter, sorted; ties by name then id so the order is stable. */
export function filterAndSort(orgs: readonly ProgramOrganization[], filter: AdminFilter, sort: AdminSort): ProgramOrganization[] {
  const text = filter.text.trim().toLowerCase();
  const shown = orgs.filter(
    (o) =>
      (!text || o.id.toLowerCase().includes(text) || (o.name ?? '').toLowerCase().includes(text)) &&
      (!filter.market || o.market === filter.market) &&
      (!filter.level || o.levels.some((l) => levelKey(l) === filter.level && l.status === 'attained')),
  );
  const byName = (a: ProgramOrganization, b: ProgramOrganization) =>
    (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id);
  const firstRisk = (o: ProgramOrganization) => o.atRisk.reduce((d, r) => (r.date < d ? r.date : d), '9999-12-31');
  const compare: Record<AdminSort, (a: ProgramOrganization, b: ProgramOrganization) => number> = {
    name: byName,
    attained: (a, b) => attainedCount(b) - attainedCount(a) || byName(a, b),
    risk: (a, b) => firstRisk(a).localeCompare(firstRisk(b)) || byName(a, b),
  };
  return shown.sort(compare[sort]);
}

/** How many organizations attain each level, keyed `competency/option/level`, in the order levels first appear. */
export function countsPerLevel(orgs: readonly ProgramOrganization[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const org of orgs)
    for (const l of org.levels) counts.set(levelKey(l), (counts.get(levelKey(l)) ?? 0) + (l.status === 'attained' ? 1 : 0));
  return counts;
}

/** Every level at risk, soonest first. */
export function atRiskList(orgs: readonly ProgramOrganization[]): { org: ProgramOrganization; risk: AtRisk }[] {
  return orgs
    .flatMap((org) => org.atRisk.map((risk) => ({ org, risk })))
    .sort((a, b) => a.risk.date.localeCompare(b.risk.date) || a.org.id.localeCompare(b.org.id));
}
