import type { Day } from '../core/day.js';
import type { Catalog, Competency, CompetencyOption, CompetencyVersion, Level } from './catalog-types.js';

/** A level with everything around it, found by ids. */
export interface LocatedLevel {
  readonly competency: Competency;
  readonly version: CompetencyVersion;
  readonly option: CompetencyOption;
  readonly level: Level;
}

/**
 * Finds `competency/option/level` in the version named by id (as results record it) or in effect on a day (as
 * evaluation chooses it); undefined when any part is unknown.
 */
export function findLevel(
  catalog: Catalog,
  ids: { readonly competency: string; readonly option: string; readonly level: string },
  version: string | number,
): LocatedLevel | undefined {
  const competency = catalog.competencies.find((c) => c.id === ids.competency);
  if (!competency) return undefined;
  const chosen = typeof version === 'string' ? competency.versions.find((v) => v.id === version) : versionAt(competency, version);
  const option = chosen?.options.find((o) => o.id === ids.option);
  const level = option?.levels.find((l) => l.id === ids.level);
  return chosen && option && level ? { competency, version: chosen, option, level } : undefined;
}

/**
 * The version of a competency in effect on a day: the latest that took effect on or before it. Before the first
 * version the first applies, so that a catalog with one version applies at any date.
 */
export function versionAt(competency: Competency, day: Day): CompetencyVersion {
  let chosen = competency.versions[0] as CompetencyVersion;
  for (const version of competency.versions) if (version.effective === null || version.effective <= day) chosen = version;
  return chosen;
}
