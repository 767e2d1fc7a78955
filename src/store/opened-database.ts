import type { Kysely, LogConfig } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/** A connected database, before migrations: what each backend's opener returns to `openStore`. */
export interface OpenedDatabase {
  readonly db: Kysely<StoreDatabase>;
  /** Where the migration bookkeeping tables live, when not in the default schema. */
  readonly migrationTableSchema?: string;
}

/** Options every backend's opener takes. */
export interface DatabaseOptions {
  /** Kysely's query log, e.g. to time statements or to learn that a write has begun. */
  readonly log?: LogConfig;
}
