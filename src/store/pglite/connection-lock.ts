import { setImmediate } from 'node:timers';
import { isBackground } from '../background-work.js';

/**
 * Turns for the one PGlite backend. PGlite is a single PostgreSQL session: a statement sent while someone else's
 * transaction is open runs inside it. Kysely's driver and the job engine's pool both take their turn here, so a
 * transaction's statements stay together whoever else is waiting. Turns are first come, first served, except that
 * background work (`inBackground`: the jobs) waits while requests do.
 *
 * PGlite runs each statement on this thread and its promises settle as microtasks, so one turn after another would
 * hold the event loop from the first to the last (up to 1.2 s while a run's jobs took turns): a request arriving
 * meanwhile, even one that never reads the store, waited for all of them. So the next turn is given only after the
 * event loop has run once, and a request that arrived meanwhile gets it before the jobs. Within a turn, statements
 * follow each other at once: a holder never waits for other work while others wait for it.
 */
export class ConnectionLock {
  private held = false;
  private readonly waiting: { readonly foreground: (() => void)[]; readonly background: (() => void)[] } = {
    foreground: [],
    background: [],
  };

  /** Waits for the connection and returns the function that gives it back (call it once; more calls are ignored). */
  async acquire(priority: 'foreground' | 'background' = isBackground() ? 'background' : 'foreground'): Promise<() => void> {
    if (this.held) await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    else this.held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOver();
    };
  }

  /** Resolves once everyone who asked before this call has finished (and any request that came meanwhile). */
  async idle(): Promise<void> {
    (await this.acquire('background'))();
  }

  /**
   * Once the event loop has run, gives the connection to the next request waiting, else to the next background work,
   * else frees it. It stays taken meanwhile, so that whoever asks in between queues and is chosen in order.
   */
  private handOver(): void {
    setImmediate(() => {
      const next = this.waiting.foreground.shift() ?? this.waiting.background.shift();
      if (next) next();
      else this.held = false;
    });
  }
}
