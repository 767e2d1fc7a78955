import type { PlanKind } from '../plan-kind.js';
import { revenueKind } from './revenue-kind.js';

/** One way: the revenue test itself, which hiring and exams do not move. */
export const revenuePlan: PlanKind<'revenue'> = {
  alternatives: (requirement) => [{ choices: [], pools: [], fixed: [requirement] }],
  standing(requirement, context) {
    const result = revenueKind.evaluate(requirement, context, unnested);
    return {
      requirement: requirement.id,
      counted: result.counted,
      required: result.required,
      shortfall: result.shortfall,
      unit: { kind: 'money', currency: result.currency },
      met: result.status === 'met',
    };
  },
};

const unnested = () => {
  throw new Error('revenue requirements nest nothing');
};
