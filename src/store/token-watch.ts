/** The members of a `pg.Pool` (or PGlite's stand-in) a watch uses: one connection of its own, kept for LISTEN. */
export interface ListenPool {
  connect(): Promise<ListenClient>;
}

interface ListenClient {
  query(text: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { readonly channel: string; readonly payload?: string }) => void): unknown;
  on(event: 'error' | 'end', listener: () => void): unknown;
  removeAllListeners(event?: string): unknown;
  release(error?: Error | boolean): void;
}

const RETRY_MS = 1000;

/**
 * Tells a server when any process, on any machine sharing the database, revoked a token or deleted an organization
 * (whose tokens go with it): PostgreSQL's LISTEN on a channel the store NOTIFYs in the same transaction as the change,
 * so the news arrives when the change is committed. While the connection is down, `live` is false and whoever caches
 * authentication must not trust its cache; `onChange` is called on every notification and whenever the connection
 * is lost or comes back, since notifications sent in between are lost.
 */
export class TokenWatch {
  private client: ListenClient | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private up = false;
  /** Resolves once the watch first listens (or has given up because it was closed). */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly pool: ListenPool,
    readonly channel: string,
    private readonly onChange: () => void,
  ) {
    this.ready = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    void this.connect();
  }

  /** Whether a change made anywhere now reaches `onChange`. */
  get live(): boolean {
    return this.up;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.resolveReady();
    const client = this.client;
    this.client = undefined;
    this.up = false;
    if (!client) return;
    client.removeAllListeners('notification');
    try {
      await client.query(`unlisten ${quote(this.channel)}`);
      client.release();
    } catch {
      client.release(true);
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    let client: ListenClient | undefined;
    try {
      client = await this.pool.connect();
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.onChange();
      });
      const lost = () => this.lost(client as ListenClient);
      client.on('error', lost);
      client.on('end', lost);
      await client.query(`listen ${quote(this.channel)}`);
      if (this.closed) {
        client.release();
        return;
      }
      this.client = client;
      this.up = true;
      // Changes made before the watch listened were not heard: start from nothing.
      this.onChange();
      this.resolveReady();
    } catch {
      client?.release(true);
      this.schedule();
    }
  }

  private lost(client: ListenClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.up = false;
    client.release(true);
    this.onChange();
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), RETRY_MS);
    this.retry.unref();
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
