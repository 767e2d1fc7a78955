/**
 * Turns for the one PGlite backend. PGlite is a single PostgreSQL session: a statement sent while someone else's
 * transaction is open runs inside it. Kysely's driver and the job engine's pool both take their turn here, so a
 * transaction's statements stay together whoever else is waiting.
 */
export class ConnectionLock {
  /** Resolves when the connection is free; each holder chains its release onto it. */
  private free: Promise<void> = Promise.resolve();

  /** Waits for the connection and returns the function that gives it back (call it exactly once). */
  async acquire(): Promise<() => void> {
    const previous = this.free;
    let release!: () => void;
    this.free = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    return release;
  }

  /** Resolves once everyone who asked before this call has finished. */
  async idle(): Promise<void> {
    (await this.acquire())();
  }
}
