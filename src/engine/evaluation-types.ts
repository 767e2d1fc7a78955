import type { ProgramPolicy } from '../catalog/catalog-types.js';

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

export type RequirementResult = RevenueResult | PeopleResult | AnyOfResult;

interface ResultBase {
  readonly id: string;
  readonly status: RequirementStatus;
  readonly met: boolean;
}

export interface MoneyByCurrency {
  readonly currency: string;
  readonly amount: string;
  /** The amount in the catalog's currency. */
  readonly converted: string;
}

export interface RevenueResult extends ResultBase {
  readonly kind: 'revenue';
  readonly products: readonly string[];
  readonly netNewOnly: boolean;
  readonly currency: string;
  readonly counted: string;
  /** Null when the catalog publishes no threshold for the organization's market. */
  readonly required: string | null;
  readonly shortfall: string | null;
  readonly records: number;
  readonly byCurrency: readonly MoneyByCurrency[];
  /** Revenue on the right products inside the trailing twelve months that did not count, by reason. */
  readonly excluded: {
    readonly notAssociated: { readonly records: number; readonly amount: string };
    readonly notNetNew: { readonly records: number; readonly amount: string };
  };
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
