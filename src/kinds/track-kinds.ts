import type { RequirementKindName } from '../catalog/catalog-types.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { Schedule } from '../engine/horizon-events.js';
import { MetricTracker } from './metric/metric-tracker.js';
import { PeopleTracker } from './people/people-tracker.js';
import { PointsTracker } from './points/points-tracker.js';
import { RevenueTracker } from './revenue/revenue-tracker.js';

/** Each kind's running state in a status tracker; null for a kind whose status follows from the ones it nests. */
export interface KindTrackers {
  readonly revenue: RevenueTracker;
  readonly people: PeopleTracker;
  readonly anyOf: null;
  readonly metric: MetricTracker;
  readonly points: PointsTracker;
}

/**
 * How each kind starts its running state from an evaluation's context, noting on the schedule the days on which it can
 * change, in this order (a kind may skip data beyond the first event the kinds before it found). A kind missing here is
 * a compile error.
 */
export const trackKinds: {
  readonly [K in RequirementKindName]: (context: EvaluationContext, schedule: Schedule) => KindTrackers[K];
} = {
  revenue: (context, schedule) => new RevenueTracker(context, schedule),
  people: (context, schedule) => new PeopleTracker(context, schedule),
  anyOf: () => null,
  metric: (context, schedule) => new MetricTracker(context, schedule),
  points: (context, schedule) => new PointsTracker(context, schedule),
};
