import type { RequirementKindName } from '../catalog/catalog-types.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { HorizonEvents } from '../engine/horizon-events.js';
import { PeopleTracker } from './people/people-tracker.js';
import { RevenueTracker } from './revenue/revenue-tracker.js';

/** Each kind's running state in a status tracker; null for a kind whose status follows from the ones it nests. */
export interface KindTrackers {
  readonly revenue: RevenueTracker;
  readonly people: PeopleTracker;
  readonly anyOf: null;
}

/** How each kind starts its running state from an evaluation's context. A kind missing here is a compile error. */
export const trackKinds: {
  readonly [K in RequirementKindName]: (context: EvaluationContext, events: HorizonEvents) => KindTrackers[K];
} = {
  revenue: (context, events) => new RevenueTracker(context, events),
  people: (context) => new PeopleTracker(context),
  anyOf: () => null,
};
