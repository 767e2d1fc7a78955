import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { versionAt } from '../catalog/find-level.js';
import { type Day, formatDay, parseDay } from '../core/day.js';
import { createEvaluationContext } from '../engine/evaluation-context.js';
import type { Organization } from '../engine/organization.js';
import { levelChanges, levelKey } from './level-changes.js';
import type { LevelStanding, OrganizationStanding, Transition, TransitionCause } from './standing-types.js';

/**
 * Beyond this many days between two standings of the same data, the changes in between are not replayed: one
 * `date` transition per level that differs, dated the new as-of day and with no causes, bounds the work (a job
 * that was stopped for years should not pay for every day it missed).
 */
export const MAX_REPLAYED_DAYS = 3 * 365;

export interface TransitionContext {
  /** The organization's data changed since `previous` was stored. */
  readonly dataChanged: boolean;
  /** The catalog (or its version) changed since `previous` was stored. */
  readonly catalogChanged: boolean;
  /** Overrides of the catalog's program policy, as the standings were computed with. */
  readonly policy?: Partial<ProgramPolicy>;
}

/**
 * The transitions from one stored standing to the next, in order of date, each with why:
 *
 * - no previous standing: one `first` transition per level;
 * - the data changed: one `data` transition per level whose status differs, dated `next.asOf`;
 * - the rules changed (`catalogChanged`, or a stored catalog version that the catalog no longer has in effect on
 *   the previous day): one `catalog` transition per level that differs;
 * - evaluated as of an earlier day: one `rewind` transition per level that differs;
 * - otherwise time moved forward over the same data and rules: every change in (previous.asOf, next.asOf] with its
 *   exact day and causes, a level that is lost and regained included, so that the transitions are exactly the
 *   changes of evaluating every day (beyond `MAX_REPLAYED_DAYS`, see there).
 *
 * Async because under a cap on competencies per person the days in between are evaluated jointly.
 */
export async function transitionsBetween(
  catalog: Catalog,
  organization: Organization,
  previous: OrganizationStanding | undefined,
  next: OrganizationStanding,
  context: TransitionContext,
): Promise<Transition[]> {
  if (!previous) return next.levels.map((level) => transition(level, next.asOf, null, { kind: 'first' }));
  const before = new Map(previous.levels.map((level) => [levelKey(level), level]));
  const differing = next.levels.filter((level) => before.get(levelKey(level))?.status !== level.status);
  const from = (level: LevelStanding) => before.get(levelKey(level))?.status ?? null;
  const each = (cause: (level: LevelStanding) => TransitionCause) =>
    differing.map((level) => transition(level, next.asOf, from(level), cause(level)));
  if (context.dataChanged) return each(() => ({ kind: 'data' }));
  const start = day(previous.asOf);
  const end = day(next.asOf);
  if (context.catalogChanged || rulesChanged(catalog, previous, start)) {
    return each((level) => ({ kind: 'catalog', catalogVersion: level.catalogVersion }));
  }
  if (end < start) return each(() => ({ kind: 'rewind' }));
  if (end - start > MAX_REPLAYED_DAYS) return each(() => ({ kind: 'date', causes: [] }));
  const policy: ProgramPolicy = { ...catalog.policy, ...context.policy };
  const { changes } = await levelChanges(createEvaluationContext(catalog, organization, start, policy), end, previous.levels);
  return changes.map((change) => ({
    competency: change.competency,
    option: change.option,
    level: change.level,
    date: formatDay(change.day),
    from: change.from,
    to: change.to,
    cause: { kind: 'date', causes: change.causes },
  }));
}

/** Whether a stored level names a version the catalog does not have in effect on the stored day: other rules. */
function rulesChanged(catalog: Catalog, previous: OrganizationStanding, asOf: Day): boolean {
  return previous.levels.some((level) => {
    const competency = catalog.competencies.find((c) => c.id === level.competency);
    return !competency || versionAt(competency, asOf).id !== level.catalogVersion;
  });
}

function transition(level: LevelStanding, date: string, from: Transition['from'], cause: TransitionCause): Transition {
  return { competency: level.competency, option: level.option, level: level.level, date, from, to: level.status, cause };
}

function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new RangeError(`bad standing date ${text}`);
  return parsed;
}
