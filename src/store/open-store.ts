import type { LogConfig } from 'kysely';
import { DEFAULT_DATA_DIR } from './default-data-dir.js';
import { migrateJobs } from './migrate-jobs.js';
import { migrateStore } from './migrate-store.js';
import type { OpenedDatabase } from './opened-database.js';
import { SqlStore } from './sql-store.js';
import { storeFaultOf } from './store-fault.js';

export { DEFAULT_DATA_DIR } from './default-data-dir.js';

export interface OpenStoreOptions {
  /** The embedded (PGlite) store's directory, created when missing. Ignored when `databaseUrl` is given. */
  readonly dataDir?: string;
  /** A PostgreSQL URL (`postgres://user:password@host:5432/db`); when given, the store lives there. */
  readonly databaseUrl?: string;
  /** PostgreSQL only: keep the tables in this schema (created when missing), so that several stores share a database. */
  readonly schema?: string;
  /** Kysely's query log: `['query', 'error']`, or a function that receives each event (with its duration). */
  readonly log?: LogConfig;
  /**
   * The embedded store only: free disk space below which it refuses writes (`store.disk-full`), default 64 MiB.
   * PostgreSQL servers manage their own disks.
   */
  readonly reserveBytes?: number;
}

/**
 * Opens the store: PostgreSQL when a URL is given, else PGlite in `dataDir`, and migrates its schema.
 * Opening PGlite takes seconds the first time and about a second after: open once per process.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<SqlStore> {
  const { db, migrationTableSchema, jobs, storage, vacuumsItself } = await openStoreDatabase(options);
  try {
    await migrateStore(db, migrationTableSchema);
    await migrateJobs(jobs);
  } catch (error) {
    await db.destroy();
    throw storeFaultOf(error) ?? error;
  }
  return new SqlStore(db, jobs, storage, { vacuumsItself });
}

/**
 * Connects to the backend the options choose, without migrating. Each backend is imported only here, when chosen,
 * so that commands that never open a store do not load PGlite's WASM or pg.
 */
export async function openStoreDatabase(options: OpenStoreOptions): Promise<OpenedDatabase> {
  const log = options.log && { log: options.log };
  if (options.databaseUrl !== undefined) {
    const { openPostgresDatabase } = await import('./postgres/open-postgres-database.js');
    return openPostgresDatabase(options.databaseUrl, { ...log, ...(options.schema !== undefined && { schema: options.schema }) });
  }
  const { openPGliteDatabase } = await import('./pglite/open-pglite-database.js');
  return openPGliteDatabase(options.dataDir ?? DEFAULT_DATA_DIR, {
    ...log,
    ...(options.reserveBytes !== undefined && { reserveBytes: options.reserveBytes }),
  });
}
