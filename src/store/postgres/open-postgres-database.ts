import { Kysely, PostgresDialect } from 'kysely';
import { AttainError } from '../../core/attain-error.js';
import type { DatabaseOptions, OpenedDatabase } from '../opened-database.js';
import type { StoreDatabase } from '../store-database.js';
import { keepText, TEXT_ARRAY_TYPE, TEXT_ARRAY_TYPES, TEXT_TYPES } from '../text-types.js';
import { copyingClient } from './copying-client.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Connects to PostgreSQL through a `pg` pool. Every connection starts with `DateStyle=ISO` (so that a date's text is
 * 'YYYY-MM-DD' whatever the server's default) and, given a schema, `search_path` set to it: tests and several
 * installations can share one database. Type parsers are set on this pool only, not on pg's global registry.
 */
export async function openPostgresDatabase(
  databaseUrl: string,
  options: DatabaseOptions & { readonly schema?: string } = {},
): Promise<OpenedDatabase> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new AttainError('store.schema.invalid', `"${schema}" is not a plain lower-case schema name`, [
      { code: 'store.schema.invalid', path: '$.schema', params: { schema } },
    ]);
  }
  const { default: pg } = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  // pg-types' TypeId enum lists scalar types only; the registry itself takes any oid.
  const builtin = pg.types.getTypeParser as (id: number, format: 'text' | 'binary') => (text: string) => unknown;
  const textArray = builtin(TEXT_ARRAY_TYPE, 'text');
  const parsers: ReadonlyMap<number, (text: string) => unknown> = new Map([
    [TEXT_TYPES.date, keepText],
    [TEXT_TYPES.numeric, keepText],
    [TEXT_ARRAY_TYPES.date, textArray],
    [TEXT_ARRAY_TYPES.numeric, textArray],
  ]);
  const pool = new pg.Pool({
    Client: copyingClient(pg, copyFrom),
    connectionString: databaseUrl,
    options: `-c DateStyle=ISO,YMD${schema ? ` -c search_path=${schema}` : ''}`,
    types: {
      getTypeParser: (id: number, format: 'text' | 'binary' = 'text') =>
        (format === 'text' && parsers.get(id)) || builtin(id, format),
    },
  });
  // An idle connection the server drops is discarded by the pool and replaced on next use; without a handler it
  // would crash the process.
  pool.on('error', () => undefined);
  // graphile-worker checks for a handler of each client's errors too: a broken client is discarded the same way.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }), ...(options.log && { log: options.log }) });
  // Stores sharing a database in their own schemas each get their own job queue beside them.
  const jobs = { pgPool: pool, schema: schema ? `${schema}_jobs` : 'graphile_worker', exclusive: false };
  return { db, jobs, vacuumsItself: true, ...(schema && { migrationTableSchema: schema }) };
}
