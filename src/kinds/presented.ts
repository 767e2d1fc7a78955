import type { Role } from '../catalog/catalog-types.js';
import type { Localized } from '../core/localized.js';
import type { RequirementStatus } from '../engine/evaluation-types.js';

/**
 * A requirement's result as the dashboard draws it, named from the catalog. Each kind describes its result in these
 * generic shapes (a measure against a threshold, seats in roles, a choice between paths), so that the pages draw
 * shapes and never ask which kind a requirement is.
 */
export type Presented = MeasureNode | SeatsNode | ChoiceNode | GroupNode;

interface PresentedBase {
  readonly id: string;
  readonly name: Localized;
  readonly status: RequirementStatus;
}

/** An amount counted against a threshold: a progress bar. */
export interface MeasureNode extends PresentedBase {
  readonly shape: 'measure';
  /** What is counted: money in `currency` when absent, or points of a score. */
  readonly unit?: 'points';
  readonly counted: string;
  /** Null when the catalog publishes no threshold for the organization's market. */
  readonly required: string | null;
  readonly shortfall: string | null;
  readonly currency: string;
  /** counted / required, between 0 and 1 (0 without a threshold). */
  readonly ratio: number;
}

/** People in the seats of roles, pool by pool. */
export interface SeatsNode extends PresentedBase {
  readonly shape: 'seats';
  readonly pools: readonly PoolNode[];
}

export interface PoolNode {
  readonly id: string;
  readonly met: boolean;
  readonly seats: number;
  readonly filled: number;
  readonly roles: readonly RoleNode[];
}

export interface RoleNode {
  readonly id: string;
  readonly name: Localized;
  readonly definition: Role | undefined;
  readonly count: number;
  readonly eligible: number;
  readonly short: number;
  readonly assigned: readonly string[];
  /** One entry per seat: the person in it, or null for an empty seat. */
  readonly seats: readonly (string | null)[];
  /** "k of the same N": how many of the role's people must also hold its extra exams, and who of them does. */
  readonly ofWhom: { readonly count: number; readonly holding: readonly string[] } | null;
}

/** Alternative paths, each with what it requires. */
export interface ChoiceNode extends PresentedBase {
  readonly shape: 'choice';
  /** The path that is met, or null. */
  readonly chosen: string | null;
  readonly paths: readonly {
    readonly id: string;
    readonly name: Localized;
    readonly status: RequirementStatus;
    readonly requirements: readonly Presented[];
  }[];
}

/** A whole made of parts: a summary measure (points against a pass mark) over each part's own measure. */
export interface GroupNode extends PresentedBase {
  readonly shape: 'group';
  readonly summary: MeasureNode;
  readonly members: readonly Presented[];
}
