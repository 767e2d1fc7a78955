import { EventEmitter } from 'node:events';
import type { ConnectionLock } from './connection-lock.js';

/** The members of a PGlite instance the pool uses. */
export interface PGliteForPool {
  query<R>(sql: string, params?: unknown[], options?: object): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string, options?: object): Promise<{ rows: unknown[]; affectedRows?: number }[]>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

type QueryConfig = string | { readonly text: string; readonly values?: readonly unknown[] };

/** int8 as text, as `pg` returns it: graphile-worker keeps job ids as strings. */
const PARSERS = { 20: (text: string) => text };
const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|rollback|end)\s*;?\s*$/i;
/** A text that ends its own transaction, such as `begin; …; commit;`, leaves none open. */
const ENDS_ITSELF = /\b(commit|rollback)\s*;?\s*$/i;
const LISTEN = /^\s*(un)?listen\s+"?([^";]+)"?\s*$/i;

/**
 * The few members of `pg.Pool` that graphile-worker uses, over the one PGlite session: the job engine runs on the
 * embedded store unchanged, with its own SQL, `SKIP LOCKED`, `job_key` and crontab. A client holds the session only
 * for one statement, or from `begin` to `commit`/`rollback`, taking turns on the same lock as Kysely's driver.
 * LISTEN is PGlite's own subscription, delivered as pg's `notification` event.
 */
export class PGlitePool extends EventEmitter {
  constructor(
    readonly pglite: PGliteForPool,
    readonly lock: ConnectionLock,
  ) {
    super();
    // graphile-worker warns about a pool without an error handler; an in-process session has no idle socket to lose.
    this.on('error', () => undefined);
    this.on('connect', () => undefined);
  }

  connect(): Promise<PGlitePoolClient>;
  connect(callback: (error: Error | null, client: PGlitePoolClient, done: () => void) => void): void;
  connect(
    callback?: (error: Error | null, client: PGlitePoolClient, done: () => void) => void,
  ): Promise<PGlitePoolClient> | void {
    const client = new PGlitePoolClient(this);
    if (!callback) return Promise.resolve(client);
    queueMicrotask(() => callback(null, client, () => client.release()));
  }

  async query(config: QueryConfig, values?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number }> {
    const client = new PGlitePoolClient(this);
    try {
      return await client.query(config, values);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {}
}

/** One checkout of the pool; see `PGlitePool`. */
export class PGlitePoolClient extends EventEmitter {
  /** Set while this client has a transaction open: it keeps the session until the transaction ends. */
  private transaction: (() => void) | null = null;
  private readonly listening: (() => Promise<void>)[] = [];

  constructor(private readonly pool: PGlitePool) {
    super();
  }

  async query(config: QueryConfig, values?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number }> {
    const text = typeof config === 'string' ? config : config.text;
    const params = (typeof config === 'string' ? values : (config.values ?? values)) ?? [];
    const statements = text.split(';').filter((s) => s.trim() !== '');
    if (statements.length > 0 && statements.every((s) => LISTEN.test(s))) return this.listen(statements);
    const release = this.transaction ?? (await this.pool.lock.acquire());
    let keep = false;
    try {
      const result =
        params.length === 0
          ? ((await this.pool.pglite.exec(text, { parsers: PARSERS })).at(-1) ?? { rows: [] })
          : await this.pool.pglite.query(text, [...params], { parsers: PARSERS });
      if (BEGIN.test(text)) keep = !ENDS_ITSELF.test(text);
      else if (END.test(text)) this.transaction = null;
      else keep = this.transaction !== null;
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    } catch (error) {
      // A failed statement inside a transaction leaves it open (aborted) until the caller rolls back.
      keep = this.transaction !== null;
      throw error;
    } finally {
      if (keep) this.transaction = release;
      else release();
    }
  }

  /** Gives the session back; a transaction left open is rolled back first, as pg does for a broken client. */
  release(): void {
    const release = this.transaction;
    if (release === null) return;
    this.transaction = null;
    void this.pool.pglite.exec('rollback').finally(release);
  }

  private async listen(statements: readonly string[]): Promise<{ rows: unknown[]; rowCount: number }> {
    for (const statement of statements) {
      const [, un, channel] = LISTEN.exec(statement) as RegExpExecArray;
      if (un) {
        // PGlite's own unsubscribe may not quote the name back; a listener that fails to close is already gone.
        for (const stop of this.listening.splice(0)) await stop().catch(() => undefined);
        continue;
      }
      const name = channel as string;
      // PGlite puts the name into LISTEN as written, so a name such as jobs:insert must arrive quoted.
      const stop = await this.pool.pglite.listen(`"${name}"`, (payload) => this.emit('notification', { channel: name, payload }));
      this.listening.push(stop);
    }
    return { rows: [], rowCount: 0 };
  }
}
