import type { PlanKind } from '../plan-kind.js';

/** One way: every pool filled, each a matching problem the planner solves. */
export const peoplePlan: PlanKind<'people'> = {
  alternatives: (requirement, id) => [
    { choices: [], pools: requirement.pools.map((pool) => ({ requirement: id, pool })), fixed: [] },
  ],
};
