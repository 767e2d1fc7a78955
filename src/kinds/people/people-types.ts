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
  /** "k of the same N": at least `count` of the role's people also hold `exams` (one rule, one set of people). */
  readonly ofWhom?: OfWhom;
}

/** The part of a role's people that must also hold more: "1 of the same 2 also passes C". */
export interface OfWhom {
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
  /** For a "k of the same N" role: of the people assigned, those who also hold the extra exams, and how many must. */
  readonly ofWhom?: { readonly count: number; readonly holding: readonly string[] };
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
