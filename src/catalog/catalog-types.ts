import type { Day } from '../core/day.js';
import type { Localized } from '../core/localized.js';
import type { AnyOfRequirement } from '../kinds/any-of/any-of-types.js';
import type { MetricRequirement } from '../kinds/metric/metric-types.js';
import type { PeopleRequirement } from '../kinds/people/people-types.js';
import type { PointsRequirement } from '../kinds/points/points-types.js';
import type { RevenueRequirement } from '../kinds/revenue/revenue-types.js';

export type { AnyOfRequirement, RequirementPath } from '../kinds/any-of/any-of-types.js';
export type { MetricRequirement } from '../kinds/metric/metric-types.js';
export type { OfWhom, PeopleRequirement, Pool, Role } from '../kinds/people/people-types.js';
export type { Metric, PointsRequirement, SkillingStep } from '../kinds/points/points-types.js';
export type { RevenueRequirement } from '../kinds/revenue/revenue-types.js';

/**
 * The compiled, immutable form of a catalog: what the engine evaluates. It is built once from the authored YAML
 * (see `raw-catalog.ts`) by `compileCatalog`, with every cross-reference resolved and indexed.
 */
export interface Catalog {
  readonly id: string;
  readonly name: Localized;
  readonly locales: readonly string[];
  /** The currency every threshold is stated in; organizations' amounts convert into it. */
  readonly currency: string;
  readonly markets: readonly string[];
  readonly policy: ProgramPolicy;
  readonly exams: ReadonlyMap<string, Exam>;
  readonly products: ReadonlyMap<string, Product>;
  readonly competencies: readonly Competency[];
  readonly errata: readonly Erratum[];
  /** Finds an exam by any spelling of its code ("mb2 714", "MB2-714"). */
  findExam(code: string): Exam | undefined;
  /** Finds a product by its id or one of its aliases. */
  findProduct(idOrAlias: string): Product | undefined;
}

/** How revenue is tied to a customer's association with the partner. */
export type RevenueAssociationPolicy = 'within-period' | 'associated-at-as-of';

export interface ProgramPolicy {
  /** `within-period`: only revenue dated inside a DPOR period counts; `associated-at-as-of`: all revenue of customers associated at the as-of date. */
  readonly revenueAssociation: RevenueAssociationPolicy;
  /** At most this many competencies may count one person; null for no cap. */
  readonly maxCompetenciesPerPerson: number | null;
}

/** What a registry entry is: how texts name it ("pass exam 70-347", "complete the assessment", "hold the certification"). */
export type CredentialType = 'exam' | 'assessment' | 'certification';

/** A credential of the registry: an exam, an assessment or a certification (the field names are the exam's, as ever). */
export interface Exam {
  readonly code: string;
  readonly type: CredentialType;
  /** A pass is valid this many months from its day (the last valid day is the one before); null: it does not expire. */
  readonly validForMonths: number | null;
  /** The code with case and separators removed: the key every spelling is matched by. */
  readonly key: string;
  readonly title: Localized;
  /** Passes dated before this day do not count. */
  readonly launched: Day | null;
  /** Passes dated after this day do not count. */
  readonly retired: Day | null;
  /** After this day no pass of the exam counts any more (the grace period after retirement). */
  readonly acceptedUntil: Day | null;
}

export interface Product {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly name: Localized;
  /** Product names as they appear in vendor exports, matched case-insensitively by importers. */
  readonly matches: readonly string[];
}

export interface Erratum {
  readonly location: string;
  readonly note: Localized;
}

export interface Competency {
  readonly id: string;
  readonly name: Localized;
  /** Sorted by effective date. */
  readonly versions: readonly CompetencyVersion[];
}

export interface CompetencyVersion {
  readonly id: string;
  /** The first day this version applies; null when it applies from the beginning of time. */
  readonly effective: Day | null;
  readonly source: string | null;
  readonly options: readonly CompetencyOption[];
}

export interface CompetencyOption {
  readonly id: string;
  readonly name: Localized;
  readonly levels: readonly Level[];
}

export interface Level {
  readonly id: string;
  readonly name: Localized;
  readonly requirements: readonly Requirement[];
}

/** Every requirement kind the engine knows; each declares its own evaluation in its folder under `kinds/`. */
export type Requirement = RevenueRequirement | PeopleRequirement | AnyOfRequirement | MetricRequirement | PointsRequirement;
export type RequirementKindName = Requirement['kind'];

/** What every kind of requirement has. */
export interface RequirementBase {
  readonly id: string;
  readonly name: Localized;
}

/** Which exams a person must hold: one exam, all of several formulas, or one of several. */
export type ExamFormula =
  /** `credential` only for assessments and certifications, so that exams' formulas read as they always have. */
  | { readonly kind: 'exam'; readonly code: string; readonly credential?: Exclude<CredentialType, 'exam'> }
  | { readonly kind: 'allOf'; readonly items: readonly ExamFormula[] }
  | { readonly kind: 'oneOf'; readonly items: readonly ExamFormula[] };
