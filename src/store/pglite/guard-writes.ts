import type { PGliteClient } from './pglite-client.js';
import type { PGliteForPool } from './pglite-pool.js';
import { mayWrite, type StorageGuard, writeSize } from './storage-guard.js';

type Query = PGliteClient['query'] & PGliteForPool['query'];
type Guarded = PGliteForPool & { query: Query };

/**
 * graphile-worker retries its own statements that fail with this SQLSTATE (cannot_connect_now: "the database is not
 * accepting work yet"), with backoff for up to hours; any other failure to record a job's end stops its worker pool
 * ("queue is in an inconsistent state"), and with it the server.
 */
const RETRY_LATER = '57P03';

/**
 * PGlite with every statement that may write checked by the storage guard first: a refused statement fails before
 * PostgreSQL sees it. For Kysely's driver it fails as the store fault itself; for the job engine's pool (`forJobs`),
 * as an error the engine retries, so that jobs wait for the disk instead of stopping the server.
 */
export function guardWrites(pglite: Guarded, guard: StorageGuard, forJobs = false): Guarded {
  const check = (bytes: number) => {
    try {
      guard.check(bytes);
    } catch (fault) {
      if (!forJobs) throw fault;
      throw Object.assign(new Error(`${(fault as Error).message} (the job engine retries)`), { code: RETRY_LATER, cause: fault });
    }
  };
  const query = (async (sql: string, params?: unknown[], options?: { readonly blob?: Blob }) => {
    if (mayWrite(sql)) check(writeSize(sql, params, options?.blob));
    return pglite.query(sql, params, options);
  }) as Query;
  return {
    query,
    exec: async (sql, options) => {
      if (mayWrite(sql)) check(writeSize(sql));
      return pglite.exec(sql, options);
    },
    listen: (channel, callback) => pglite.listen(channel, callback),
  };
}
