import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NEEDS_POSTGRES } from './requirements.js';

export type JobStoreBackend = [name: string, open: () => Promise<{ store: SqlStore; dispose: () => Promise<void> }>];

/**
 * The stores the job engine runs on, each opened fresh and disposed of with its job schema: PGlite always, PostgreSQL
 * when ATTAIN_TEST_DATABASE_URL is set (otherwise a skipped test says so, naming `what`).
 */
export function jobStoreBackends(prefix: string, what: string): JobStoreBackend[] {
  const backends: JobStoreBackend[] = [
    [
      'PGlite',
      async () => {
        const dir = mkdtempSync(path.join(tmpdir(), `attain-${prefix}-`));
        const store = await openStore({ dataDir: dir });
        return { store, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    ],
  ];
  const databaseUrl = process.env.ATTAIN_TEST_DATABASE_URL;
  if (!databaseUrl) {
    it.skip(`${what} on PostgreSQL — ${NEEDS_POSTGRES}`, () => undefined);
    return backends;
  }
  backends.push([
    'PostgreSQL',
    async () => {
      const schema = `${prefix}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
      const store = await openStore({ databaseUrl, schema });
      return {
        store,
        dispose: async () => {
          const cleanup = await openStore({ databaseUrl, schema });
          await sql`drop schema ${sql.id(schema)} cascade`.execute(cleanup.db);
          await sql`drop schema ${sql.id(`${schema}_jobs`)} cascade`.execute(cleanup.db);
          await cleanup.close();
        },
      };
    },
  ]);
  return backends;
}
