import type { Day } from '../core/day.js';
import type { Decimal } from '../core/decimal.js';
import type { Localized } from '../core/localized.js';

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

export interface Exam {
  readonly code: string;
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
export type Requirement = RevenueRequirement | PeopleRequirement | AnyOfRequirement;
export type RequirementKindName = Requirement['kind'];

interface RequirementBase {
  readonly id: string;
  readonly name: Localized;
}

/** Trailing-twelve-month revenue on named products from associated customers, with a threshold per market. */
export interface RevenueRequirement extends RequirementBase {
  readonly kind: 'revenue';
  readonly products: readonly string[];
  readonly netNewOnly: boolean;
  /** Missing markets have no published threshold: the requirement cannot be decided there. */
  readonly thresholds: ReadonlyMap<string, Decimal>;
}

/** Distinct people in roles; each pool is filled by different people, separate pools may share them. */
export interface PeopleRequirement extends RequirementBase {
  readonly kind: 'people';
  readonly pools: readonly Pool[];
}

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

/** Which exams a person must hold: one exam, all of several formulas, or one of several. */
export type ExamFormula =
  | { readonly kind: 'exam'; readonly code: string }
  | { readonly kind: 'allOf'; readonly items: readonly ExamFormula[] }
  | { readonly kind: 'oneOf'; readonly items: readonly ExamFormula[] };
