import type { RequirementKindName } from '../catalog/catalog-types.js';
import { anyOfPlan } from './any-of/any-of-plan.js';
import { metricPlan } from './metric/metric-plan.js';
import { peoplePlan } from './people/people-plan.js';
import type { PlanKind } from './plan-kind.js';
import { pointsPlan } from './points/points-plan.js';
import { revenuePlan } from './revenue/revenue-plan.js';

/** Every kind's planning side, by name. A kind missing here is a compile error. */
export const planKinds: { readonly [K in RequirementKindName]: PlanKind<K> } = {
  revenue: revenuePlan,
  people: peoplePlan,
  anyOf: anyOfPlan,
  metric: metricPlan,
  points: pointsPlan,
};
