import type { RawCatalog } from '../catalog/catalog-schema.js';
import type { Catalog } from '../catalog/catalog-types.js';
import type { Store, TokenRecord } from '../store/store.js';
import type { CatalogSource } from './compute/compute-message.js';
import type { ComputePool } from './compute/compute-pool.js';
import type { JsonText, TaskName, TaskResult } from './compute/compute-tasks.js';
import type { FailureLimitOptions } from './failure-limit.js';
import type { NotCountingIndex } from './not-counting-index.js';
import type { ServedCache } from './served-cache.js';

/** What every route can read from the request context. */
export type AppEnv = {
  Variables: {
    token: TokenRecord;
    /** The request's id: the caller's `x-request-id` when sane, else a new UUID; on its response and its log lines. */
    requestId: string;
  };
};

/** The few members of a pino logger the server uses; tests pass a silent one. */
export interface Logger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** Recently computed answers, shared by the routes of one app. */
export interface AppCaches {
  readonly evaluations: ServedCache<JsonText<TaskResult<'evaluate'>>>;
  /** Whole evaluation responses by token and URL, answered before validation and routing (see create-app). */
  readonly responses: ServedCache<string>;
  readonly tokens: ServedCache<TokenRecord | null>;
  /** What does not count, by organization, day and data version, for the data page's pages. */
  readonly notCounting: ServedCache<Promise<NotCountingIndex>>;
}

/** Drops what the caches hold for an organization: after a write, nothing computed before it is served. */
export function forgetOrganization(caches: AppCaches, org: string): void {
  caches.evaluations.invalidate(org);
  caches.responses.invalidate(org);
  caches.notCounting.invalidate(org);
}

export interface AppOptions {
  readonly store: Store;
  readonly catalog: Catalog;
  /** The catalog's JSON document, served at /api/catalog (names in every language, for the dashboard). */
  readonly catalogDocument?: RawCatalog;
  readonly logger?: Logger;
  /** The built dashboard (dist/web) to serve at `/`; none when absent. */
  readonly webRoot?: string | null;
  /** Largest request body accepted, in bytes (default 32 MiB: a 100,000-row revenue CSV is about 6 MiB). */
  readonly bodyLimit?: number;
  /**
   * How long a computed evaluation or an authenticated token is reused, in ms (default 2000; 0 turns caching off).
   * Authentications are reused only while the store's token watch is live, so a token revoked by any server stops
   * at once on every server.
   */
  readonly cacheMs?: number;
  /** Failed authentications a client address may make per window before it gets 429 (default 20 a minute). */
  readonly authFailures?: FailureLimitOptions;
  /**
   * Addresses of the reverse proxies in front of the server, whose `X-Forwarded-For` names the client (for the
   * failed-authentication limit and the logs). None by default: the socket's address is the client's.
   */
  readonly trustedProxies?: readonly string[];
  /**
   * The worker threads that evaluate, plan and forecast. Given, it is the caller's to close; otherwise the app starts
   * its own on the first such request, and `app.close()` ends it.
   */
  readonly compute?: ComputePool;
  /**
   * Where the app's own threads load the catalog from (the same catalog as `catalog`). Default: `catalogDocument`
   * when given, else the shipped catalog of `catalog.id`.
   */
  readonly catalogSource?: CatalogSource;
  /**
   * Hosts a webhook may reach over plain http (`ATTAIN_ALERT_HTTP_HOSTS`); every other address must be https. None by
   * default: the server posts from inside the network, and an address someone subscribes is a request it makes.
   */
  readonly alertHttpHosts?: readonly string[];
  /** Time limits of the app's own threads, in ms per task (defaults in compute-tasks.ts). */
  readonly timeLimits?: Partial<Record<TaskName, number>>;
}

/** Who may read an organization: an admin, or a token scoped to it. Others are told it does not exist. */
export function canRead(token: TokenRecord, org: string): boolean {
  return token.role === 'admin' || token.org === org;
}

/** Who may change an organization: an admin, or a partner token scoped to it. */
export function canWrite(token: TokenRecord, org: string): boolean {
  return token.role === 'admin' || (token.role === 'partner' && token.org === org);
}
