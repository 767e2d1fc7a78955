import type { PlanKind } from '../plan-kind.js';

/** One way: the revenue test itself, which hiring and exams do not move. */
export const revenuePlan: PlanKind<'revenue'> = {
  alternatives: (requirement) => [{ choices: [], pools: [], revenue: [requirement] }],
};
