import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { CopyRows, copyRowsOf } from '../copy-rows.js';
import type { PGliteClient } from './pglite-client.js';

/**
 * Bytes of COPY data per statement: PGlite runs a statement on the JS thread, so each one holds the event loop for
 * as long as the server takes to store it (about a tenth of a second per megabyte of revenue).
 */
const COPY_STATEMENT_BYTES = 2 * 1024 * 1024;

/** Commands whose row count Kysely reports as `numAffectedRows`, as its PostgreSQL driver does. */
const COUNTED_COMMANDS: ReadonlySet<string> = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** The one connection to an embedded PGlite database; the driver hands it to one user at a time. */
export class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGliteClient) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyRowsOf(compiledQuery.parameters);
    if (copy) {
      // PGlite has no COPY FROM STDIN; it reads the rows as the special file /dev/blob instead. One statement per
      // chunk, since PGlite runs each on the JS thread: between them the process answers requests that need no
      // database (the session stays this transaction's).
      const statement = compiledQuery.sql.replace(/ from stdin /i, " from '/dev/blob' ");
      let first = true;
      for (const chunk of copy.chunks(COPY_STATEMENT_BYTES)) {
        if (!first) await nextTurn();
        first = false;
        const blob = new Blob([CopyRows.HEADER, chunk, CopyRows.TRAILER] as Uint8Array<ArrayBuffer>[]);
        await this.client.query(statement, [], { blob });
      }
      return { rows: [] };
    }
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
