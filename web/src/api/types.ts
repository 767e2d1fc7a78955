/** The JSON the HTTP API returns. Evaluation, plan and forecast are exactly the CLI's JSON, so their types are shared. */
export type { RawCatalog } from '../../../src/catalog/catalog-schema.js';
export type { Evaluation, Finding, LevelResult, LevelStatus } from '../../../src/engine/evaluation-types.js';
export type { OrganizationDocument } from '../../../src/engine/organization-document.js';
export type { Forecast, ForecastChange } from '../../../src/planner/forecast.js';
export type { Plan } from '../../../src/planner/plan-types.js';
export type { ImpactTotals } from '../../../src/program/impact-totals.js';
export type {
  Cause,
  DatedChange,
  LevelKey,
  Lifecycle,
  LifecycleStatus,
  TransitionCause,
} from '../../../src/program/standing-types.js';
export { LIFECYCLE_STATUSES } from '../../../src/program/standing-types.js';
export type {
  ImpactChange,
  LevelCounts,
  ProgramPage,
  ProgramRow,
  ProgramRun,
  ProgramSort,
  StoredEvaluation,
  StoredLevel,
  StoredTransition,
} from '../../../src/store/program-store.js';
export type { OrganizationSummary, Role } from '../../../src/store/store.js';

import { IMPORT_KINDS as FILE_KINDS } from '../../../src/importers/import-kinds.js';
import type { ImpactTotals } from '../../../src/program/impact-totals.js';
import type { ImpactChange, LevelCounts, ProgramRun, StoredEvaluation } from '../../../src/store/program-store.js';
import type { Role } from '../../../src/store/store.js';

export interface Me {
  readonly role: Role;
  readonly org: string | null;
  readonly tokenId: string;
}

/** `GET /api/program/counts`. */
export interface ProgramCounts {
  readonly asOf: string | null;
  readonly levels: readonly LevelCounts[];
}

/** `GET /api/orgs/{id}/standing`: the stored evaluation, or that the first one is still queued. */
export type Standing = StoredEvaluation | { readonly org: string; readonly pending: true };

/** `GET /api/program/impacts/{id}`. */
export interface ImpactReport {
  readonly run: ProgramRun;
  readonly totals: ImpactTotals;
  readonly total: number;
  readonly changes: readonly ImpactChange[];
}

/** The kinds the importers read, and `auto`: recognized from the file's header. */
export const IMPORT_KINDS = ['auto', ...FILE_KINDS] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Only an organization file, which replaces everything, removes records. */
  readonly removed?: number;
}

/** What an import did, or would do on a dry run (`attain import --format json`'s report). */
export interface ImportResult {
  readonly kind: string;
  readonly dryRun: boolean;
  readonly changed: boolean;
  /** Whether the file replaces the organization whole (an organization file) rather than adding records. */
  readonly replace?: boolean;
  readonly rows?: number;
  readonly summary: Readonly<Record<string, ImportCounts>>;
  /** Valid rows deliberately not imported (a course in a trainings export), each with a coded reason. */
  readonly skipped: readonly {
    readonly line: number;
    readonly reason: string;
    readonly params: Readonly<Record<string, unknown>>;
  }[];
  /** Things worth knowing that changed nothing by themselves (a person already known under another name). */
  readonly notices?: readonly { readonly code: string; readonly params: Readonly<Record<string, unknown>> }[];
  /** With `skipInvalid=true`: the rows left out for their problems, the first 1000 problems and every cause counted. */
  readonly leftOut?: {
    readonly rows: number;
    readonly problems: number;
    readonly issues: readonly ApiIssue[];
    readonly groups: readonly ApiIssueGroup[];
  };
}

/** Problems of one cause in an import, counted over the whole file, with the first few of their lines. */
export interface ApiIssueGroup {
  readonly code: string;
  readonly path: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly count: number;
  readonly lines: readonly number[];
}

/**
 * One coded problem of a refused request: a bad row of an import (path = the CSV column's name, or `$[3].amount` in
 * JSON; params.line and params.column = where in the file), a bad field of an organization file.
 */
export interface ApiIssue {
  readonly code: string;
  readonly path?: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The problem in English; the dashboard renders `code` + `params` in the chosen language instead. */
  readonly message?: string;
}
