import type { z } from 'zod';
import { anyOfSchema, checkAnyOf, type RawAnyOfRequirement } from './any-of/any-of-schema.js';
import type { CheckKind } from './catalog-kind.js';
import { checkMetric, metricSchema, type RawMetricRequirement } from './metric/metric-schema.js';
import { checkPeople, peopleSchema, type RawPeopleRequirement } from './people/people-schema.js';
import { checkPoints, pointsSchema, type RawPointsRequirement } from './points/points-schema.js';
import { checkRevenue, type RawRevenueRequirement, revenueSchema } from './revenue/revenue-schema.js';

/** A requirement as a catalog states it, of any kind. */
export type RawRequirement =
  | RawRevenueRequirement
  | RawPeopleRequirement
  | RawAnyOfRequirement
  | RawMetricRequirement
  | RawPointsRequirement;

/**
 * Every kind's catalog schema, by name; `requirement` is the schema of any requirement, for kinds that nest others.
 * Only catalog validation imports this file (zod stays out of `attain evaluate` and of the dashboard).
 */
export function kindSchemas(requirement: z.ZodType<RawRequirement>): {
  readonly [K in RawRequirement['kind']]: z.ZodType<Extract<RawRequirement, { kind: K }>>;
} {
  return {
    revenue: revenueSchema,
    people: peopleSchema,
    anyOf: anyOfSchema(requirement),
    metric: metricSchema,
    points: pointsSchema,
  };
}

/** Every kind's checks of meaning, by name. */
export const kindChecks: { readonly [K in RawRequirement['kind']]: CheckKind<K> } = {
  revenue: checkRevenue,
  people: checkPeople,
  anyOf: checkAnyOf,
  metric: checkMetric,
  points: checkPoints,
};
