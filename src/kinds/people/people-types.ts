import type { ExamFormula, RequirementBase } from '../../catalog/catalog-types.js';
import type { Localized } from '../../core/localized.js';
import type { ResultBase } from '../../engine/evaluation-types.js';

/** Distinct people in roles; each pool is filled by different people, separate pools may share them. */
export interface PeopleRequirement extends RequirementBase {
  readonly kind: 'people';
  readonly pools: readonly Pool[];
}

export interface Pool {
  readonly id: string;
  readonly roles: readonly Role[];
}

export interface Role {
  readonly id: string;
  readonly name: Localized;
  /** How many distinct people the role needs. */
  readonly count: number;
  readonly exams: ExamFormula;
}

export interface RoleResult {
  readonly id: string;
  readonly count: number;
  /** Ids of the people the matching placed in this role's seats. */
  readonly assigned: readonly string[];
  /** How many people qualify for the role on their own (before people are shared out among roles). */
  readonly eligible: number;
  readonly short: number;
}

export interface PoolResult {
  readonly id: string;
  readonly met: boolean;
  readonly seats: number;
  readonly filled: number;
  readonly roles: readonly RoleResult[];
}

export interface PeopleResult extends ResultBase {
  readonly kind: 'people';
  readonly pools: readonly PoolResult[];
}
