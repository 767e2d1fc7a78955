import { DEFAULT_MIGRATION_TABLE, type Kysely, Migrator, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import type { StoreDatabase } from './store-database.js';
import { storeMigrations } from './store-migrations.js';

/**
 * Brings the schema up to date. Kysely's migrator holds a PostgreSQL advisory lock and runs each migration in a
 * transaction, so two processes opening one database at once apply each migration exactly once; a database
 * migrated by a newer attain (a migration this build does not know) is refused rather than guessed at.
 */
export async function migrateStore(db: Kysely<StoreDatabase>, migrationTableSchema?: string): Promise<void> {
  if (await isCurrent(db, migrationTableSchema)) return;
  const migrator = new Migrator({
    db,
    provider: storeMigrations,
    ...(migrationTableSchema !== undefined && { migrationTableSchema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results.find((r) => r.status === 'Error')?.migrationName ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  throw new AttainError(
    'store.migration.failed',
    `the store's schema could not be migrated${failed && ` (${failed})`}: ${reason}`,
    [{ code: 'store.migration.failed', path: '$', params: { migration: failed, reason } }],
  );
}

/**
 * Whether every migration, and no other, is already applied: one query, where the migrator would introspect the
 * catalog and take a lock (a few hundred milliseconds on PGlite, paid on every open). Any doubt, including a
 * missing table, leaves the decision to the migrator.
 */
async function isCurrent(db: Kysely<StoreDatabase>, schema: string | undefined): Promise<boolean> {
  const table = sql.table(schema === undefined ? DEFAULT_MIGRATION_TABLE : `${schema}.${DEFAULT_MIGRATION_TABLE}`);
  try {
    const applied = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const known = Object.keys(await storeMigrations.getMigrations());
    const names = new Set(applied.rows.map((r) => r.name));
    return names.size === known.length && known.every((name) => names.has(name));
  } catch {
    return false;
  }
}
