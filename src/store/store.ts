import type { AttainError } from '../core/attain-error.js';
import type {
  Association,
  ConsumptionRecord,
  Customer,
  DeviceShipment,
  ExamPass,
  Organization,
  Period,
  Person,
  RevenueRecord,
  Subscription,
} from '../engine/organization.js';
import type { AlertStore } from './alert-store.js';
import type { ClaimedTwicePage } from './claimed-twice.js';
import type { LoadBatch } from './load-batch.js';
import type { McidClaim, TakenMcid } from './mcid-claims.js';
import type { ProgramStore } from './program-store.js';
import type { RecordKind, RecordsPage, RecordsRequest } from './records-page.js';

/** Who may do what through the API. */
export const ROLES = ['admin', 'partner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a change, for the audit log: a token id, or a local command such as `cli:import`. */
export interface Actor {
  readonly kind: 'token' | 'cli' | 'system';
  readonly id: string;
}

export interface TokenRecord {
  readonly id: string;
  readonly role: Role;
  /** The organization a partner or viewer token is scoped to; null for admin. */
  readonly org: string | null;
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface OrganizationSummary {
  readonly id: string;
  readonly name: string | null;
  readonly market: string;
  readonly country: string | null;
  readonly people: number;
  readonly customers: number;
  readonly revenueRecords: number;
  readonly updatedAt: string;
  /**
   * The levels the organization holds by its stored standings (the job system's last evaluation), and as of which
   * day; null until it has been evaluated.
   */
  readonly held: { readonly asOf: string; readonly levels: readonly HeldLevel[] } | null;
}

/** A level an organization holds: attained in its stored standing. */
export interface HeldLevel {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
}

/** Records to add to an organization; an import of CSV rows produces these, never deletions. */
export interface OrganizationAdditions {
  /** New people, or existing people whose name changed (matched by id). */
  readonly people: readonly Omit<Person, 'exams'>[];
  readonly exams: readonly (ExamPass & { readonly person: string })[];
  /** New customers, or existing customers whose name (or country) changed; a missing country keeps the stored one. */
  readonly customers: readonly Omit<Customer, 'dpor' | 'associations'>[];
  readonly dpor: readonly (Period & { readonly customer: string })[];
  readonly revenue: readonly RevenueRecord[];
  /** Associations other than DPOR, appended to their customers' (absent: none). */
  readonly associations?: readonly (Association & { readonly customer: string })[];
  readonly subscriptions?: readonly Subscription[];
  readonly consumption?: readonly ConsumptionRecord[];
  readonly devices?: readonly DeviceShipment[];
}

/**
 * A write that applies only to the organization as it was read: `ifVersion` is the version `readVersioned` gave, or
 * null for an organization read as absent. Otherwise the write throws `store.conflict` and changes nothing.
 */
export interface WriteCondition {
  readonly ifVersion?: string | null;
}

/**
 * What became of one organization of a bulk load (`replaceOrganizations`): written (`created` or `replaced`) with
 * its batch, `refused` before any write (a bad organization; the others go on), or `failed` with its batch, which
 * rolled back whole.
 */
export type LoadOutcome =
  | { readonly id: string; readonly status: 'created' | 'replaced'; readonly batch: number }
  | { readonly id: string; readonly status: 'refused'; readonly error: AttainError }
  | { readonly id: string; readonly status: 'failed'; readonly batch: number; readonly error: AttainError };

/**
 * What became of one batch of a bulk load (`writeLoadBatch`): written, with the ids it created (the others were
 * replaced), or rolled back whole, with why.
 */
export type LoadBatchOutcome = { readonly created: readonly string[] } | { readonly error: AttainError };

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: Actor;
  readonly org: string | null;
  /** A stable action name: `org.replace`, `org.delete`, `import.revenue`, `token.create`, `token.revoke`, … */
  readonly action: string;
  readonly detail: unknown;
}

/**
 * Everything attain keeps. Every write is one transaction (it lands whole or not at all) and appends to the audit log
 * in the same transaction. Implementations: `openStore` over PGlite (embedded) or PostgreSQL (`DATABASE_URL`).
 */
export interface Store {
  /** The program's stored standings, transitions, lifecycle decisions and runs. */
  readonly program: ProgramStore;
  /** Webhook subscriptions to organizations' lapses and at-risk levels, and what was sent. */
  readonly alerts: AlertStore;
  listOrganizations(): Promise<readonly OrganizationSummary[]>;
  getOrganization(id: string): Promise<Organization | undefined>;
  /** Whether the organization exists: one indexed lookup, none of its records read. */
  hasOrganization(id: string): Promise<boolean>;
  /**
   * The organization with the version of its data (which every write advances), for a change planned from it and
   * written with `ifVersion`; undefined when it does not exist.
   */
  readVersioned(id: string): Promise<{ readonly organization: Organization; readonly version: string } | undefined>;
  /** The version of the organization's data (which every write advances); undefined when it does not exist. */
  dataVersion(id: string): Promise<string | undefined>;
  /**
   * A page of one kind of the organization's records (people, customers or revenue), filtered, sorted and paged by
   * the database, with the version it was read at; undefined when the organization does not exist.
   */
  recordsPage<K extends RecordKind>(id: string, request: RecordsRequest<K>): Promise<RecordsPage<K> | undefined>;
  /**
   * The claims on individuals (MCIDs) that another organization already has, as a write of them would refuse them
   * (`takenError`): for a dry run, which writes nothing, to say what the write would say.
   */
  takenMcids(claims: readonly McidClaim[]): Promise<readonly TakenMcid[]>;
  /**
   * Individuals that two organizations claim, a page at a time: an email people of several organizations carry, or
   * an MCID whose write was refused (`org.mcid.taken`, logged by every write) while another organization lists it.
   */
  claimedTwice(request?: { readonly offset?: number; readonly limit?: number }): Promise<ClaimedTwicePage>;
  /** Every organization, read in batches without one query per row, for program-wide evaluation. */
  streamOrganizations(): AsyncIterable<Organization>;
  /** Replaces the organization's data whole (creating it when new). Returns whether it was created. */
  replaceOrganization(
    organization: Organization,
    actor: Actor,
    action?: string,
    condition?: WriteCondition,
  ): Promise<{ readonly created: boolean }>;
  /**
   * Replaces many organizations whole (creating the new ones), a batch of `batchSize` (default 500) per transaction:
   * each batch lands whole, with an `org.load` audit entry per organization and their evaluations queued, or not
   * at all. Never throws for one organization or one batch: returns each organization's outcome, in input order.
   */
  replaceOrganizations(
    organizations: readonly Organization[],
    actor: Actor,
    options?: { readonly batchSize?: number },
  ): Promise<readonly LoadOutcome[]>;
  /**
   * Writes a batch that a `LoadBatchEncoder` prepared (perhaps on another thread) in one transaction, as
   * `replaceOrganizations` writes each of its batches: whole, with an audit entry per organization and their
   * evaluations queued, or not at all. Never throws for a failure in the database: returns it.
   */
  writeLoadBatch(batch: LoadBatch, actor: Actor): Promise<LoadBatchOutcome>;
  /** Adds records to an existing organization (import of CSV rows). */
  addToOrganization(
    id: string,
    additions: OrganizationAdditions,
    actor: Actor,
    action: string,
    detail?: unknown,
    condition?: WriteCondition,
  ): Promise<void>;
  /**
   * Deletes an organization with everything of it: its records, its program records and the tokens scoped to it. The
   * `org.delete` audit entry counts each kind of record and lists the tokens.
   */
  deleteOrganization(id: string, actor: Actor): Promise<boolean>;

  /** Creates a token; the secret is returned once and only its hash is stored. */
  createToken(
    input: { readonly role: Role; readonly org: string | null; readonly label?: string },
    actor: Actor,
  ): Promise<{ readonly secret: string; readonly token: TokenRecord }>;
  /** The live (not revoked) token with this secret. */
  authenticate(secret: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<readonly TokenRecord[]>;
  revokeToken(id: string, actor: Actor): Promise<boolean>;

  /** The audit log, newest first: of one organization, and before (older than) an entry's id, for paging. */
  auditLog(filter?: { readonly org?: string; readonly limit?: number; readonly before?: number }): Promise<readonly AuditEntry[]>;

  /**
   * Calls `onChange` whenever any process sharing the store revokes a token or deletes an organization, so that a
   * server can drop the authentications it remembers. `live` says whether changes are being heard right now.
   */
  watchTokens(onChange: () => void): { readonly live: boolean; readonly ready: Promise<void>; close(): Promise<void> };

  /**
   * Resolves when the store answers and can write (a write, rolled back); otherwise throws a store fault:
   * `store.disk-full`, `store.read-only`, `store.unavailable`, `store.fault`.
   */
  checkReady(): Promise<void>;

  close(): Promise<void>;
}
