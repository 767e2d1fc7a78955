import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { DatabaseOptions, OpenedDatabase } from '../opened-database.js';
import type { StoreDatabase } from '../store-database.js';
import { keepText, TEXT_TYPES } from '../text-types.js';
import { ConnectionLock } from './connection-lock.js';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PGlitePool } from './pglite-pool.js';

/** graphile-worker's default schema: the embedded store holds one installation. */
const JOB_SCHEMA = 'graphile_worker';

/**
 * Opens (creating when missing) an embedded database in `dataDir`: PostgreSQL's files in `dataDir/pgdata`, and a
 * lock file beside them. PGlite is imported here, on first use, so that nothing else in the program loads its WASM.
 */
export async function openPGliteDatabase(dataDir: string, options: DatabaseOptions = {}): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({
      dataDir: path.join(dataDir, 'pgdata'),
      // PGlite derives the array parsers from these, so date[] and numeric[] come back as text too.
      parsers: { [TEXT_TYPES.date]: keepText, [TEXT_TYPES.numeric]: keepText },
    });
    const client = {
      query: pglite.query.bind(pglite),
      async close() {
        try {
          await pglite.close();
        } finally {
          unlock();
        }
      },
    };
    const lock = new ConnectionLock();
    const db = new Kysely<StoreDatabase>({ dialect: new PGliteDialect(client, lock), ...(options.log && { log: options.log }) });
    return { db, jobs: { pgPool: new PGlitePool(pglite, lock), schema: JOB_SCHEMA }, vacuumsItself: false };
  } catch (error) {
    unlock();
    throw error;
  }
}
