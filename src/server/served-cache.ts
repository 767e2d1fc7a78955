/**
 * What the server computed recently, per organization: evaluations as serialized JSON, and authenticated tokens.
 * Entries are dropped when this server changes the organization (or revokes the token), and otherwise after a few
 * seconds, which bounds how long a change made by another process (a CLI import into PostgreSQL) goes unseen.
 */
export class ServedCache<T> {
  private readonly entries = new Map<string, Map<string, { readonly at: number; readonly value: T }>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** At most this many organizations are kept; the one filed first goes when another comes. */
    private readonly maxScopes: number = Number.POSITIVE_INFINITY,
  ) {}

  get(scope: string, key: string): T | undefined {
    const entry = this.entries.get(scope)?.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.get(scope)?.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(scope: string, key: string, value: T): void {
    let scoped = this.entries.get(scope);
    if (!scoped) {
      if (this.entries.size >= this.maxScopes) this.entries.delete(this.entries.keys().next().value as string);
      scoped = new Map();
      this.entries.set(scope, scoped);
    }
    // Bounded: an organization asked for many dates keeps only its latest few hundred answers.
    if (scoped.size >= 256) scoped.delete(scoped.keys().next().value as string);
    scoped.set(key, { at: this.now(), value });
  }

  invalidate(scope: string): void {
    this.entries.delete(scope);
  }

  clear(): void {
    this.entries.clear();
  }
}
