import type { Kysely, LogConfig } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/** A connected database, before migrations: what each backend's opener returns to `openStore`. */
export interface OpenedDatabase {
  readonly db: Kysely<StoreDatabase>;
  /** Where the migration bookkeeping tables live, when not in the default schema. */
  readonly migrationTableSchema?: string;
  /** What the job engine (graphile-worker) runs on: a `pg.Pool`, or PGlite's stand-in, and the schema of its tables. */
  readonly jobs: JobDatabase;
  /** The files behind the database, when the backend keeps them in this process (PGlite); absent for a server. */
  readonly storage?: StorageCheck;
  /**
   * Whether the database vacuums its tables by itself (PostgreSQL's autovacuum). PGlite has no autovacuum: the store
   * clears the rows a run replaced itself, and keeps the visibility map that index-only scans need.
   */
  readonly vacuumsItself: boolean;
}

/** Whether the files behind a database can take writes now; readiness asks. */
export interface StorageCheck {
  /** Throws a store fault (`store.disk-full`, `store.read-only`) when they cannot. */
  probe(): void;
}

/** The job engine's connection: graphile-worker's `pgPool` option and `schema`. */
export interface JobDatabase {
  readonly pgPool: unknown;
  readonly schema: string;
  /**
   * True when one process at a time holds the store (PGlite): whatever a job was locked by is then a process that
   * has died. False when any number of processes share it (PostgreSQL).
   */
  readonly exclusive: boolean;
}

/** Options every backend's opener takes. */
export interface DatabaseOptions {
  /** Kysely's query log, e.g. to time statements or to learn that a write has begun. */
  readonly log?: LogConfig;
}
