import type { ExamFormula, Requirement, RequirementKindName } from '../catalog/catalog-types.js';
import type { RawFormula } from '../catalog/schema-parts.js';
import type { Localized } from '../core/localized.js';
import type { ReportIssue } from '../core/message-params.js';
import type { RawRequirement } from './kind-schemas.js';

/** What compiling a requirement may ask of the catalog around it. */
export interface CompileTools {
  readonly markets: readonly string[];
  /** A product's id from its id or one of its aliases, in any case. */
  canonicalProduct(idOrAlias: string): string;
  formula(raw: RawFormula): ExamFormula;
  /** Compiles a requirement of any kind; for kinds that nest others. */
  requirement(raw: RawRequirement): Requirement;
}

type RequirementOf<K extends RequirementKindName> = Extract<Requirement, { kind: K }>;
type RawOf<K extends RequirementKindName> = Extract<RawRequirement, { kind: K }>;

/**
 * What a kind declares about its place in a catalog: how its authored form compiles, its plain form (what the build
 * writes and /api/catalog serves), and the requirements nested in it. No zod here: `attain evaluate` and the dashboard
 * import this side; the schema is the kind's `-schema` file.
 */
export interface CatalogKind<K extends RequirementKindName> {
  compile(raw: RawOf<K>, tools: CompileTools): RequirementOf<K>;
  /** The authored form stated fully (thresholds per market), as validation leaves it; `plainAny` for nested ones. */
  plain(raw: RawOf<K>, markets: readonly string[], plainAny: (raw: RawRequirement) => RawRequirement): RawOf<K>;
  /** The requirements inside this one (every path of alternatives), for what walks a whole tree. */
  nested(requirement: RequirementOf<K>): readonly Requirement[];
  /** The requirements under one step of an id path (`anyOf/path`), for finding a requirement a gap points at. */
  branch(requirement: RequirementOf<K>, step: string): readonly Requirement[] | undefined;
  /** A named part of the requirement by id (`pool/role` or `role`; a path), for the words of a plan or an outlook. */
  part(requirement: RequirementOf<K>, what: RequirementPart, id: string): { readonly name: Localized } | undefined;
  /** The credentials the requirement reads outside roles (a score's skilling steps), for what asks which exams matter. */
  credentials?(requirement: RequirementOf<K>): readonly ExamFormula[];
}

/** The parts of requirements that plans and outlooks name. */
export type RequirementPart = 'role' | 'path';

/** What checking a requirement's meaning may ask of the catalog around it; every check reports at a JSON path. */
export interface CheckTools {
  readonly markets: readonly string[];
  readonly report: ReportIssue<readonly PropertyKey[]>;
  /** Reports a text that lacks one of the catalog's languages. */
  text(text: Record<string, string>, path: readonly PropertyKey[]): void;
  /** Reports ids that repeat; `what` names them in the message. */
  unique(ids: readonly string[], path: readonly PropertyKey[], what: string): void;
  formula(formula: RawFormula, path: readonly PropertyKey[]): void;
  knownProduct(idOrAlias: string): boolean;
  /** Checks requirements of any kind; for kinds that nest others. */
  requirements(requirements: readonly RawRequirement[], path: readonly PropertyKey[]): void;
}

/** A kind's checks of meaning, beyond its schema's structure: what validation reports about it. */
export type CheckKind<K extends RequirementKindName> = (raw: RawOf<K>, path: readonly PropertyKey[], tools: CheckTools) => void;
