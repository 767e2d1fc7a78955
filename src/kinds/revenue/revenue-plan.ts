import type { RevenueRequirement } from '../../catalog/catalog-types.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { PlanRevenue } from '../../planner/plan-types.js';
import type { PlanKind } from '../plan-kind.js';
import { revenueKind } from './revenue-kind.js';

/** One way: the revenue test itself, which hiring and exams do not move. */
export const revenuePlan: PlanKind<'revenue'> = {
  alternatives: (requirement) => [{ choices: [], pools: [], revenue: [requirement] }],
};

/** Where a revenue test of the plan's path stands: what a plan reports of what exams and hires cannot change. */
export function planRevenue(requirement: RevenueRequirement, context: EvaluationContext): PlanRevenue {
  const result = revenueKind.evaluate(requirement, context, unnested);
  return {
    requirement: requirement.id,
    counted: result.counted,
    required: result.required,
    shortfall: result.shortfall,
    currency: result.currency,
  };
}

/** Whether a revenue test holds as it stands, for choosing among a level's alternatives. */
export function revenueMet(requirement: RevenueRequirement, context: EvaluationContext): boolean {
  return revenueKind.evaluate(requirement, context, unnested).status === 'met';
}

const unnested = () => {
  throw new Error('revenue requirements nest nothing');
};
