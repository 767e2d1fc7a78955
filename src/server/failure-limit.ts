/** How many failed authentications a client address may make in a window before it is refused. */
export interface FailureLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
}

export const DEFAULT_FAILURE_LIMIT: FailureLimitOptions = { limit: 20, windowMs: 60_000 };
/** Addresses remembered at once; beyond it the oldest are forgotten, so that many addresses cannot grow the map. */
const MAX_CLIENTS = 10_000;

/**
 * Failed authentications per client address, in fixed windows: past `limit` failures in a window, the address's
 * further failures are refused until the window ends. Successes neither count nor are refused.
 */
export class FailureLimit {
  private readonly clients = new Map<string, { start: number; failures: number }>();

  constructor(
    readonly options: FailureLimitOptions = DEFAULT_FAILURE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the client may fail again, when it has used up its failures; undefined otherwise. */
  retryAfter(client: string): number | undefined {
    const entry = this.current(client);
    if (!entry || entry.failures < this.options.limit) return undefined;
    return Math.max(1, Math.ceil((entry.start + this.options.windowMs - this.now()) / 1000));
  }

  /** Counts a failure of the client. */
  fail(client: string): void {
    const entry = this.current(client);
    if (entry) {
      entry.failures++;
      return;
    }
    if (this.clients.size >= MAX_CLIENTS) this.forget();
    this.clients.set(client, { start: this.now(), failures: 1 });
  }

  private current(client: string): { start: number; failures: number } | undefined {
    const entry = this.clients.get(client);
    if (entry && this.now() - entry.start >= this.options.windowMs) {
      this.clients.delete(client);
      return undefined;
    }
    return entry;
  }

  /** Drops the windows that ended, then the oldest clients while there are still too many. */
  private forget(): void {
    const now = this.now();
    for (const [client, entry] of this.clients) if (now - entry.start >= this.options.windowMs) this.clients.delete(client);
    for (const client of this.clients.keys()) {
      if (this.clients.size < MAX_CLIENTS) return;
      this.clients.delete(client);
    }
  }
}
