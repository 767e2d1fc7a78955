import type { Issue, IssueGroup } from '../core/attain-error.js';
import type { Organization } from '../engine/organization.js';
import type { OrganizationAdditions } from '../store/store.js';
import type { ImportKind } from './import-kinds.js';

/** The kinds of record an import touches, in the order a summary lists them. */
export const RECORD_TYPES = [
  'people',
  'exams',
  'customers',
  'dpor',
  'associations',
  'revenue',
  'subscriptions',
  'consumption',
  'devices',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * What an import does to one kind of record. People and customers are `updated` when their name (a customer's
 * country) changes; passes, periods, revenue records, subscriptions, consumption and devices are facts, only ever
 * added. `removed` is non-zero only when an `org` import
 * replaces an organization.
 */
export interface RecordCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
}

export type ImportSummary = Readonly<Record<RecordType, RecordCounts>>;

/** A row deliberately not imported, and why: `reason` is a stable code rendered like any issue. */
export interface SkippedRow {
  readonly line: number;
  readonly reason: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Something the partner should look at that did not stop the import, such as a new person named like an existing one. */
export interface ImportNotice {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * The rows an import asked to leave out bad rows (`skipInvalid`) left out, and why: what the refusal would have
 * said. `issues` lists the first 1000 problems with their line and column, `groups` every cause with its count.
 */
export interface LeftOutRows {
  readonly rows: number;
  readonly problems: number;
  readonly issues: readonly Issue[];
  readonly groups: readonly IssueGroup[];
}

/**
 * The outcome of an import, computed without writing anything: the CLI's `--dry-run` and the API's `?dryRun=true`
 * show it, and a real import applies it. Everything but `organization` and `additions` is plain JSON.
 */
export interface ImportPlan {
  readonly kind: ImportKind;
  /** `org` imports replace the organization whole (`Store.replaceOrganization`); every other kind adds `additions`. */
  readonly replace: boolean;
  /** The organization after the import. */
  readonly organization: Organization;
  /** The records to add (`Store.addToOrganization`); empty when `replace`. */
  readonly additions: OrganizationAdditions;
  readonly summary: ImportSummary;
  /** Data rows read from the file (records, for JSON), the skipped ones included. */
  readonly rows: number;
  readonly skipped: readonly SkippedRow[];
  readonly notices: readonly ImportNotice[];
  /** Present when the import was asked to leave out bad rows and did: the rows left out, and why. */
  readonly leftOut?: LeftOutRows;
  /** False when importing would change nothing, as when the same file is imported again. */
  readonly changed: boolean;
}
