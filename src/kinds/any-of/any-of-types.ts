import type { Requirement, RequirementBase } from '../../catalog/catalog-types.js';
import type { Localized } from '../../core/localized.js';
import type { RequirementResult, RequirementStatus, ResultBase } from '../../engine/evaluation-types.js';

/** Alternative paths: met when every requirement of any one path is met. */
export interface AnyOfRequirement extends RequirementBase {
  readonly kind: 'anyOf';
  readonly paths: readonly RequirementPath[];
}

export interface RequirementPath {
  readonly id: string;
  readonly name: Localized;
  readonly requirements: readonly Requirement[];
}

export interface PathResult {
  readonly id: string;
  readonly status: RequirementStatus;
  readonly met: boolean;
  readonly requirements: readonly RequirementResult[];
}

export interface AnyOfResult extends ResultBase {
  readonly kind: 'anyOf';
  /** The path that is met (the first, when several are), or null. */
  readonly path: string | null;
  readonly paths: readonly PathResult[];
}
