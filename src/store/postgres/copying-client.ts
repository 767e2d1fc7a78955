import { once } from 'node:events';
import type pg from 'pg';
import type { ClientConfig } from 'pg';
import type { from as copyFrom } from 'pg-copy-streams';
import { CopyRows, copyRowsOf } from '../copy-rows.js';

/** Bytes encoded at a time while streaming: small enough to overlap with the server's work, large enough to be cheap. */
const STREAM_CHUNK_BYTES = 512 * 1024;

type QueryResultLike = { readonly command: string; readonly rowCount: number; readonly rows: readonly unknown[] };

/**
 * A pg client that runs a statement whose only parameter is a `CopyRows` as COPY FROM STDIN, streaming the rows;
 * every other call is pg's own. Kysely's PostgreSQL dialect calls `client.query(sql, parameters)`, so this is where
 * a COPY can join the transaction Kysely holds on the same connection. Built from the modules given, which
 * `openPostgresDatabase` imports on first use.
 */
export function copyingClient(pgModule: typeof pg, from: typeof copyFrom): new (config?: string | ClientConfig) => pg.Client {
  return class CopyingClient extends pgModule.Client {
    // pg's query has a dozen overloads; this forwards every call but one, untouched.
    override query(...args: unknown[]): never {
      const [text, values] = args;
      const copy = typeof text === 'string' && Array.isArray(values) ? copyRowsOf(values) : undefined;
      const forward = super.query as (...a: unknown[]) => never;
      if (!copy) return forward.apply(this, args);
      return copyIn((stream) => forward.call(this, stream), from(text as string), copy) as never;
    }
  };
}

async function copyIn(
  submit: (stream: ReturnType<typeof copyFrom>) => unknown,
  stream: ReturnType<typeof copyFrom>,
  copy: CopyRows,
): Promise<QueryResultLike> {
  const done = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  submit(stream);
  // One COPY for all the rows, written a chunk at a time: the server stores one chunk while the next is encoded.
  try {
    stream.write(CopyRows.HEADER);
    for (const chunk of copy.chunks(STREAM_CHUNK_BYTES)) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
    }
  } catch (error) {
    // A value that cannot be encoded, found part-way: abandon the COPY (pg-copy-streams sends CopyFail), or the
    // connection would wait for the rest of its data forever and the transaction could never roll back.
    stream.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  }
  stream.end(CopyRows.TRAILER);
  await done;
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}
