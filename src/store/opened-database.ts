import type { Kysely, LogConfig } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/** A connected database, before migrations: what each backend's opener returns to `openStore`. */
export interface OpenedDatabase {
  readonly db: Kysely<StoreDatabase>;
  /** Where the migration bookkeeping tables live, when not in the default schema. */
  readonly migrationTableSchema?: string;
  /** What the job engine (graphile-worker) runs on: a `pg.Pool`, or PGlite's stand-in, and the schema of its tables. */
  readonly jobs: JobDatabase;
  /**
   * Whether the database vacuums its tables by itself (PostgreSQL's autovacuum). PGlite has no autovacuum: the store
   * clears the rows a run replaced itself, and keeps the visibility map that index-only scans need.
   */
  readonly vacuumsItself: boolean;
}

/** The job engine's connection: graphile-worker's `pgPool` option and `schema`. */
export interface JobDatabase {
  readonly pgPool: unknown;
  readonly schema: string;
}

/** Options every backend's opener takes. */
export interface DatabaseOptions {
  /** Kysely's query log, e.g. to time statements or to learn that a write has begun. */
  readonly log?: LogConfig;
}
