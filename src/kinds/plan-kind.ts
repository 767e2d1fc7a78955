import type { Catalog, ProgramPolicy, Requirement, RequirementKindName } from '../catalog/catalog-types.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { Organization } from '../engine/organization.js';
import type { ForecastEvent } from '../planner/forecast-events.js';
import type { Alternative } from '../planner/level-alternatives.js';
import type { PlanMeasure } from '../planner/plan-types.js';

/** Expands requirements of any kind into alternatives, ids prefixed; for kinds that nest others. */
export type ExpandAny = (requirements: readonly Requirement[], prefix: string) => Alternative[];

/** What a kind tells the planner: the ways it can be met, each with the pools and the fixed requirements it leaves. */
export interface PlanKind<K extends RequirementKindName> {
  /** `id` is the requirement's id path within the level. */
  alternatives(requirement: Extract<Requirement, { kind: K }>, id: string, expandAny: ExpandAny): Alternative[];
  /**
   * For a kind whose requirements no exam and no hire moves (revenue, metrics), which its alternatives list as
   * `fixed`: where one stands as of the plan's date. Kinds that list none leave it out.
   */
  standing?(requirement: Extract<Requirement, { kind: K }>, context: EvaluationContext): PlanMeasure;
  /**
   * The days on which the kind's own data can change its requirements, as causes a forecast names; once per kind
   * and catalog. `add` keeps only the days the forecast asks about.
   */
  forecastEvents?(catalog: Catalog, organization: Organization, policy: ProgramPolicy, add: (event: ForecastEvent) => void): void;
}
