import type { Requirement, RequirementKindName } from '../catalog/catalog-types.js';
import type { Alternative } from '../planner/level-alternatives.js';

/** Expands requirements of any kind into alternatives, ids prefixed; for kinds that nest others. */
export type ExpandAny = (requirements: readonly Requirement[], prefix: string) => Alternative[];

/** What a kind tells the planner: the ways it can be met, each with the pools and revenue tests it leaves. */
export interface PlanKind<K extends RequirementKindName> {
  /** `id` is the requirement's id path within the level. */
  alternatives(requirement: Extract<Requirement, { kind: K }>, id: string, expandAny: ExpandAny): Alternative[];
}
