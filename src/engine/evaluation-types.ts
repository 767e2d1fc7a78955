import type { ProgramPolicy } from '../catalog/catalog-types.js';
import type { AnyOfResult } from '../kinds/any-of/any-of-types.js';
import type { MetricResult } from '../kinds/metric/metric-types.js';
import type { PeopleResult } from '../kinds/people/people-types.js';
import type { PointsResult } from '../kinds/points/points-types.js';
import type { RevenueResult } from '../kinds/revenue/revenue-types.js';

export type { AnyOfResult, PathResult } from '../kinds/any-of/any-of-types.js';
export type { MetricResult } from '../kinds/metric/metric-types.js';
export type { PeopleResult, PoolResult, RoleResult } from '../kinds/people/people-types.js';
export type { PointsMetricResult, PointsResult, StepResult } from '../kinds/points/points-types.js';
export type { MoneyByCurrency, RevenueResult } from '../kinds/revenue/revenue-types.js';

/** The result of evaluating one organization against a catalog at a date: the JSON contract of `attain evaluate`. */
export interface Evaluation {
  readonly organization: { readonly id: string; readonly name: string | null };
  readonly asOf: string;
  readonly market: string;
  readonly catalog: { readonly id: string };
  readonly policy: ProgramPolicy;
  readonly results: readonly LevelResult[];
  /** Data that was ignored, and why. */
  readonly warnings: readonly Finding[];
}

export type LevelStatus = 'attained' | 'not-attained' | 'undetermined';
export type RequirementStatus = 'met' | 'not-met' | 'undetermined';

export interface LevelResult {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly attained: boolean;
  readonly status: LevelStatus;
  readonly catalogVersion: string;
  readonly requirements: readonly RequirementResult[];
  /** What is missing, each with what would close it. Empty when attained. */
  readonly gaps: readonly Finding[];
}

/**
 * A coded observation: a gap (path = the requirement's id path, e.g. `skills/current/current-skills/technical`) or
 * a warning (path = JSON path into the organization). Renderers turn code + params into text in each language.
 */
export interface Finding {
  readonly code: string;
  readonly path: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export type RequirementResult = RevenueResult | PeopleResult | AnyOfResult | MetricResult | PointsResult;

/** What every kind of result has. */
export interface ResultBase {
  readonly id: string;
  readonly status: RequirementStatus;
  readonly met: boolean;
}
