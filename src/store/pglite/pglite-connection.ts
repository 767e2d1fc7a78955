import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { PGliteClient } from './pglite-client.js';

/** Commands whose row count Kysely reports as `numAffectedRows`, as its PostgreSQL driver does. */
const COUNTED_COMMANDS: ReadonlySet<string> = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** The one connection to an embedded PGlite database; the driver hands it to one user at a time. */
export class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGliteClient) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(compiledQuery.sql, [...compiledQuery.parameters], { rowMode: 'object' });
    const counted = result.command !== undefined && COUNTED_COMMANDS.has(result.command);
    return {
      rows: result.rows,
      ...(counted && { numAffectedRows: BigInt(result.affectedRows ?? 0) }),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; the method exists only to satisfy the interface.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming queries are not supported; read in batches instead');
  }
}
