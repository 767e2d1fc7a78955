import type { Requirement } from '../catalog/catalog-types.js';
import type { RequirementResult } from '../engine/evaluation-types.js';
import { anyOfKind } from './any-of/any-of-kind.js';
import { metricKind } from './metric/metric-kind.js';
import { peopleKind } from './people/people-kind.js';
import { pointsKind } from './points/points-kind.js';
import type { EvaluateAny, ExplainAny, RequirementKind, StatusAny } from './requirement-kind.js';
import { revenueKind } from './revenue/revenue-kind.js';

type KindTable = {
  readonly [K in Requirement['kind']]: RequirementKind<
    Extract<Requirement, { kind: K }>,
    Extract<RequirementResult, { kind: K }>
  >;
};

/** Every requirement kind, by name. A kind missing here is a compile error. */
export const requirementKinds: KindTable = {
  revenue: revenueKind,
  people: peopleKind,
  anyOf: anyOfKind,
  metric: metricKind,
  points: pointsKind,
};

type AnyKind = RequirementKind<Requirement, RequirementResult>;

export const evaluateRequirement: EvaluateAny = (requirement, context) =>
  (requirementKinds[requirement.kind] as AnyKind).evaluate(requirement, context, evaluateRequirement);

export const explainRequirement: ExplainAny = (requirement, result, context, path) =>
  (requirementKinds[requirement.kind] as AnyKind).explain(requirement, result, context, path, explainRequirement);

export const requirementStatus: StatusAny = (requirement, view) =>
  (requirementKinds[requirement.kind] as AnyKind).status(requirement, view, requirementStatus);
