import type { PointsRequirement } from '../../catalog/catalog-types.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { PlanKind } from '../plan-kind.js';
import { type PointsPlan, planPoints } from './points-cheapest.js';
import { pointsEvents } from './points-events.js';
import { pointsKind } from './points-kind.js';
import { whereOf } from './points-moves.js';

/** One way: the score itself, which the planner reports with its cheapest moves beside the exams it plans. */
export const pointsPlan: PlanKind<'points'> = {
  alternatives: (requirement) => [{ choices: [], pools: [], fixed: [], points: [requirement] }],
  forecastEvents(catalog, organization, _policy, add) {
    // A credential's expiry concerns whoever holds the exam, as the forecast's own exam events do.
    for (const event of pointsEvents(catalog, organization, () => true)) {
      add({ ...event, ...(event.code !== 'credential.expires' && { kind: 'points' as const }) });
    }
  },
};

/** Where a score of the plan's path stands and the cheapest moves to its pass mark. */
export function planScore(requirement: PointsRequirement, context: EvaluationContext): PointsPlan {
  const result = pointsKind.evaluate(requirement, context, () => {
    throw new Error('points requirements nest nothing');
  });
  return planPoints(requirement, result, whereOf(context));
}
