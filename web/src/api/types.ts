/** The JSON the HTTP API returns. Evaluation, plan and forecast are exactly the CLI's JSON, so their types are shared. */
export type { RawCatalog } from '../../../src/catalog/catalog-schema.js';
export type { Evaluation, Finding, LevelResult, LevelStatus } from '../../../src/engine/evaluation-types.js';
export type { OrganizationDocument } from '../../../src/engine/organization-document.js';
export type { Forecast, ForecastChange } from '../../../src/planner/forecast.js';
export type { Plan } from '../../../src/planner/plan-types.js';

export type { OrganizationSummary, Role } from '../../../src/store/store.js';

import { IMPORT_KINDS as FILE_KINDS } from '../../../src/importers/import-kinds.js';
import type { Role } from '../../../src/store/store.js';

export interface Me {
  readonly role: Role;
  readonly org: string | null;
  readonly tokenId: string;
}

/** A level's standing, as the program overview and history list it. */
export interface LevelStanding {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly status: string;
}

export interface AtRisk {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly date: string;
  /** The causes in English; the dashboard shows the level and date in the chosen language instead. */
  readonly cause?: string;
}

export interface ProgramOverview {
  readonly asOf: string;
  readonly organizations: readonly {
    readonly id: string;
    readonly name: string | null;
    readonly market: string;
    readonly levels: readonly LevelStanding[];
    readonly atRisk: readonly AtRisk[];
  }[];
}

export interface History {
  readonly snapshots: readonly {
    readonly id: number;
    readonly takenAt: string;
    readonly asOf: string;
    readonly catalogVersion: string;
    readonly levels: readonly LevelStanding[];
  }[];
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
