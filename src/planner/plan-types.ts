import type { PointsPlan } from '../kinds/points/points-cheapest.js';
import type { MeasureUnit } from '../kinds/presented.js';

export type { PointsPlan } from '../kinds/points/points-cheapest.js';
export type { PointsMove } from '../kinds/points/points-moves.js';

/** The JSON contract of `attain plan`. */
export interface Plan {
  /** `competency/option/level`. */
  readonly target: string;
  readonly asOf: string;
  readonly catalogVersion: string;
  readonly feasible: boolean;
  /** The alternative path chosen (`requirement:path` pairs joined by commas when a level has several choices), or null. */
  readonly path: string | null;
  /** Ids of the people to hire: new-1, new-2, … */
  readonly newPeople: readonly string[];
  /** Each exam to pass, by whom, for which seat. */
  readonly steps: readonly PlanStep[];
  /** Every seat of the chosen path and who fills it, including people who need nothing more. */
  readonly seats: readonly PlanSeat[];
  /** What exams and hires cannot move (revenue, metrics): each requirement's figures and shortfall. */
  readonly measures: readonly PlanMeasure[];
  /** Each score of the path, and the cheapest moves to its pass mark (absent when the level has none). */
  readonly points?: readonly PointsPlan[];
  readonly cost: { readonly newPeople: number; readonly exams: number };
  /** Why this path: a coded reason for renderers. */
  readonly reason: { readonly code: string; readonly params: Readonly<Record<string, unknown>> };
  /** Every alternative considered, with its cost or why it is impossible. */
  readonly alternatives: readonly PlanAlternative[];
  readonly options: { readonly maxExamsPerPerson: number | null; readonly exclude: readonly string[]; readonly noHire: boolean };
  /** Under a cap on competencies per person: the levels of other competencies the plan keeps held. */
  readonly kept?: readonly string[];
}

export interface PlanStep {
  readonly person: string;
  readonly exam: string;
  readonly role: string;
  readonly pool: string;
  readonly requirement: string;
}

export interface PlanSeat {
  readonly person: string;
  readonly role: string;
  readonly pool: string;
  readonly requirement: string;
  readonly exams: readonly string[];
}

/** A requirement no exam and no hire moves, as it stands: its kind says it (`PlanKind.standing`). */
export interface PlanMeasure {
  readonly requirement: string;
  readonly counted: string;
  readonly required: string | null;
  readonly shortfall: string | null;
  readonly unit: MeasureUnit;
  /** Whether it holds as it stands (false without a threshold). */
  readonly met: boolean;
}

export interface PlanAlternative {
  readonly path: string | null;
  readonly feasible: boolean;
  readonly newPeople: number | null;
  readonly exams: number | null;
  /** Why the alternative is impossible, when it is. */
  readonly blocked: { readonly code: string; readonly params: Readonly<Record<string, unknown>> } | null;
}
