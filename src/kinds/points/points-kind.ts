import type { PointsRequirement } from '../../catalog/catalog-types.js';
import { finding } from '../../core/message-params.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { Finding, PointsResult } from '../../engine/evaluation-types.js';
import type { RequirementKind } from '../requirement-kind.js';
import { planPoints } from './points-cheapest.js';
import { type ScoringData, scorePoints, scoringData } from './points-evaluate.js';
import { whereOf } from './points-moves.js';

/** A score of metrics against a pass mark, explained per metric with the cheapest points still to gain. */
export const pointsKind: RequirementKind<PointsRequirement, PointsResult> = {
  evaluate: (requirement, context) => scorePoints(requirement, context, dataOf(context)),

  status: (requirement, view) => view.tracked('points').status(requirement),

  explain(requirement, result, context, path) {
    if (result.met) return [];
    const gaps: Finding[] = [];
    result.metrics.forEach((m, i) => {
      if (m.status === 'undetermined') {
        gaps.push(
          finding('points.no-threshold', path, {
            requirement: requirement.id,
            metric: m.id,
            market: context.organization.market,
          }),
        );
      }
      const metric = requirement.metrics[i];
      if (requirement.everyMetricPositive && m.points === 0 && metric) {
        gaps.push(finding('points.metric-zero', path, { requirement: requirement.id, metric: m.id }));
      }
    });
    const plan = planPoints(requirement, result, whereOf(context));
    const metrics = result.metrics.map((m) => ({ id: m.id, points: m.points, max: m.max }));
    gaps.push(
      finding('points.shortfall', path, {
        requirement: requirement.id,
        score: result.score,
        passMark: result.passMark,
        short: Math.max(0, result.passMark - result.score),
        metrics,
      }),
    );
    if (plan.reachable) {
      gaps.push(
        finding('points.cheapest', path, {
          requirement: requirement.id,
          moves: plan.moves,
          gain: plan.gain,
          money: plan.money,
          currency: plan.currency,
        }),
      );
    } else {
      gaps.push(
        finding('points.out-of-reach', path, { requirement: requirement.id, score: result.score, passMark: result.passMark }),
      );
    }
    return gaps;
  },
};

/** The credentials people hold on the context's day, computed once per context. */
function dataOf(context: EvaluationContext): ScoringData {
  const cached = context.memo.get('points') as ScoringData | undefined;
  if (cached) return cached;
  const data = scoringData(context);
  context.memo.set('points', data);
  return data;
}
