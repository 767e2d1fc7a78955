import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { type Day, formatDay } from '../core/day.js';
import { pushTo } from '../core/push-to.js';
import { createEvaluationContext } from '../engine/evaluation-context.js';
import type { Organization } from '../engine/organization.js';
import { evaluateJointlyIn } from '../planner/evaluate-jointly.js';
import { type LevelChange, levelChanges, levelKey } from './level-changes.js';
import type { DatedChange, LevelStanding, OrganizationStanding } from './standing-types.js';

/** How far ahead a standing looks for changes when the caller does not say. */
export const DEFAULT_HORIZON_DAYS = 90;

export interface StandingOptions {
  /** How many days after `asOf` to look at for each level's next change and first loss; 90 when absent. */
  readonly horizonDays?: number;
  /** Overrides of the catalog's program policy. */
  readonly policy?: Partial<ProgramPolicy>;
}

/**
 * Every level of one organization as of a day, as an evaluation job stores it: its status and gaps (evaluated
 * jointly, so that a cap on competencies per person applies), the first change within the horizon and, for an
 * attained level, the first day it would be lost, each with its causes. Both are what evaluating every day of the
 * horizon would find; the tests check exactly that.
 */
export async function standingOf(
  catalog: Catalog,
  organization: Organization,
  asOf: Day,
  options: StandingOptions = {},
): Promise<OrganizationStanding> {
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isInteger(horizonDays) || horizonDays < 0) throw new RangeError(`bad horizon ${horizonDays}`);
  const policy: ProgramPolicy = { ...catalog.policy, ...options.policy };
  // One context for the evaluation and the changes after it: the tracker starts from the evaluation's state.
  const context = createEvaluationContext(catalog, organization, asOf, policy);
  const evaluation = await evaluateJointlyIn(context);
  const { changes, nextEvent } = await levelChanges(context, asOf + horizonDays, evaluation.results);
  const byLevel = new Map<string, LevelChange[]>();
  for (const change of changes) pushTo(byLevel, levelKey(change), change);
  const date = formatDay(asOf);
  const levels = evaluation.results.map((result): LevelStanding => {
    const mine = byLevel.get(levelKey(result)) ?? [];
    const first = mine[0];
    const loss = result.status === 'attained' ? mine.find((c) => c.to !== 'attained') : undefined;
    return {
      competency: result.competency,
      option: result.option,
      level: result.level,
      status: result.status,
      catalogVersion: result.catalogVersion,
      asOf: date,
      gaps: result.gaps,
      nextChange: first ? dated(first) : null,
      atRisk: loss ? dated(loss) : null,
    };
  });
  return {
    org: organization.id,
    asOf: date,
    horizonDays,
    levels,
    nextEvent: nextEvent === null ? null : formatDay(nextEvent),
    warnings: evaluation.warnings.length,
  };
}

function dated(change: LevelChange): DatedChange {
  return { date: formatDay(change.day), status: change.to, causes: change.causes };
}
