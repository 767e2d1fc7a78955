import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { DatabaseOptions, OpenedDatabase } from '../opened-database.js';
import type { StoreDatabase } from '../store-database.js';
import { isStoreFault, type StoreFaultCode, storeFault, storeFaultOf } from '../store-fault.js';
import { keepText, TEXT_TYPES } from '../text-types.js';
import { ConnectionLock } from './connection-lock.js';
import { lockDataDir } from './data-dir-lock.js';
import { guardWrites } from './guard-writes.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PGlitePool } from './pglite-pool.js';
import { DEFAULT_RESERVE_BYTES, StorageGuard } from './storage-guard.js';

/** graphile-worker's default schema: the embedded store holds one installation. */
const JOB_SCHEMA = 'graphile_worker';

/**
 * Opens (creating when missing) an embedded database in `dataDir`: PostgreSQL's files in `dataDir/pgdata`, and a
 * lock file beside them. PGlite is imported here, on first use, so that nothing else in the program loads its WASM.
 * A directory that cannot be written, or a disk with less than `reserveBytes` free, is refused before PGlite starts
 * (`store.read-only`, `store.disk-full`): its start-up writes would otherwise fail in ways it does not survive.
 */
export async function openPGliteDatabase(
  dataDir: string,
  options: DatabaseOptions & { readonly reserveBytes?: number } = {},
): Promise<OpenedDatabase> {
  const storage = new StorageGuard([dataDir, path.join(dataDir, 'pgdata')], options.reserveBytes ?? DEFAULT_RESERVE_BYTES);
  let unlock: (() => void) | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    storage.probe();
    unlock = lockDataDir(dataDir);
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({
      dataDir: path.join(dataDir, 'pgdata'),
      // PGlite derives the array parsers from these, so date[] and numeric[] come back as text too.
      parsers: { [TEXT_TYPES.date]: keepText, [TEXT_TYPES.numeric]: keepText },
    });
    const release = unlock;
    const client = {
      query: guardWrites(pglite, storage).query,
      async close() {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
    const lock = new ConnectionLock();
    const db = new Kysely<StoreDatabase>({ dialect: new PGliteDialect(client, lock), ...(options.log && { log: options.log }) });
    const pgPool = new PGlitePool(guardWrites(pglite, storage, true), lock);
    return { db, jobs: { pgPool, schema: JOB_SCHEMA, exclusive: true }, storage, vacuumsItself: false };
  } catch (error) {
    unlock?.();
    if (isStoreFault(error)) throw error;
    // The directory itself refused (mkdir, the lock file): say which, for the operator.
    const fault = storeFaultOf(error);
    throw fault ? storeFault(fault.code as StoreFaultCode, `${dataDir}: ${(error as Error).message}`, { dir: dataDir }) : error;
  }
}
