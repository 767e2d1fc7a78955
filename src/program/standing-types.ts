import type { Finding, LevelStatus } from '../engine/evaluation-types.js';

/** One level of one option of one competency. */
export interface LevelKey {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
}

/** Why something may change on a day: a forecast event's code and parameters (`revenue.leaves`, `exam.expires`, …). */
export interface Cause {
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
}

/** A dated change of one level's status that the data already implies, assuming no new data. */
export interface DatedChange {
  readonly date: string;
  readonly status: LevelStatus;
  readonly causes: readonly Cause[];
}

/** One level's stored standing: what an operator or partner reads without evaluating anything. */
export interface LevelStanding extends LevelKey {
  readonly status: LevelStatus;
  readonly catalogVersion: string;
  readonly asOf: string;
  /** What is missing, as coded findings (the evaluation's gaps). Empty when attained. */
  readonly gaps: readonly Finding[];
  /** The first day within the horizon on which this level's status differs from the day before; null when none. */
  readonly nextChange: DatedChange | null;
  /** When the level is attained on `asOf` and lost within the horizon: the first day it is lost, and why. */
  readonly atRisk: DatedChange | null;
}

/** Every level of one organization as of one day: what an evaluation job writes. */
export interface OrganizationStanding {
  readonly org: string;
  readonly asOf: string;
  /** How many days after `asOf` were looked at for `nextChange` and `atRisk`. */
  readonly horizonDays: number;
  readonly levels: readonly LevelStanding[];
  /** The next day after `asOf` on which anything in the data happens; null when nothing ever will. */
  readonly nextEvent: string | null;
  /** How many records the evaluation ignored (its warnings). */
  readonly warnings: number;
}

/** What caused a transition. */
export type TransitionCause =
  /** The first standing stored for the organization. */
  | { readonly kind: 'first' }
  /** Time passed: the data already held these events (a record leaving the window, a grace year ending, …). */
  | { readonly kind: 'date'; readonly causes: readonly Cause[] }
  /** The organization's data changed (an import, a replacement). */
  | { readonly kind: 'data' }
  /** The rules changed: another catalog or catalog version. */
  | { readonly kind: 'catalog'; readonly catalogVersion: string }
  /** The program was evaluated as of an earlier day than before. */
  | { readonly kind: 'rewind' };

/** A change of one level's status: from what to what, on which day, and why. */
export interface Transition extends LevelKey {
  /** The first day on which the new status holds. */
  readonly date: string;
  /** Null for the first standing of a level. */
  readonly from: LevelStatus | null;
  readonly to: LevelStatus;
  readonly cause: TransitionCause;
}

/** The program's status words for a level, kept per organization (`../shared/reference/program.md`). */
export const LIFECYCLE_STATUSES = ['started', 'qualified', 'active', 'at-risk', 'lapsed'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** An operator's decision that a level holds a status until a day, whatever the data says. */
export interface LifecycleOverride {
  readonly status: LifecycleStatus;
  /** Last day the override applies (inclusive). */
  readonly until: string;
  readonly reason: string;
}

/** A level's place in the membership lifecycle on a day. */
export interface Lifecycle {
  readonly status: LifecycleStatus;
  /** The day the level was last granted (recorded by the operator); null when never. */
  readonly awarded: string | null;
  /** The end of the current year of membership; null when never awarded. */
  readonly anniversary: string | null;
  /** The 30-day renewal window after the anniversary, when it is open or next to open. */
  readonly renewalWindow: { readonly from: string; readonly to: string } | null;
  /** The override in force, when one is. */
  readonly override: LifecycleOverride | null;
}
