/** A loaded value, a failure, or a load in progress; `at` is when the data arrived (performance.now()). */
export type Settled<T> =
  | { readonly status: 'ok'; readonly data: T; readonly at: number }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Responses by URL, shared by every page of one session: going from the overview to "Why not Gold?" does not fetch
 * the evaluation again. Writes (imports) invalidate by prefix, and every subscriber reloads.
 */
export class ResourceCache {
  private readonly settled = new Map<string, Settled<unknown>>();
  private readonly pending = new Map<string, Promise<Settled<unknown>>>();
  private readonly listeners = new Set<() => void>();

  peek<T>(url: string): Settled<T> | undefined {
    return this.settled.get(url) as Settled<T> | undefined;
  }

  load<T>(url: string, loader: () => Promise<T>): Promise<Settled<T>> {
    const done = this.settled.get(url);
    if (done) return Promise.resolve(done as Settled<T>);
    let promise = this.pending.get(url);
    if (!promise) {
      promise = loader().then(
        (data): Settled<unknown> => ({ status: 'ok', data, at: performance.now() }),
        (error: unknown): Settled<unknown> => ({ status: 'error', error }),
      );
      this.pending.set(url, promise);
      void promise.then((result) => {
        if (this.pending.get(url) !== promise) return;
        this.pending.delete(url);
        // Failures are not kept: the next visit tries again.
        if (result.status === 'ok') this.settled.set(url, result);
      });
    }
    return promise as Promise<Settled<T>>;
  }

  /** Forgets every response whose URL starts with one of the prefixes, and tells subscribers to reload. */
  invalidate(...prefixes: readonly string[]): void {
    for (const map of [this.settled, this.pending] as const)
      for (const url of [...map.keys()]) if (prefixes.some((p) => url.startsWith(p))) map.delete(url);
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
