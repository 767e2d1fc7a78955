import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs work that may wait for the requests people are waiting on: the program's jobs. A store with one session
 * (PGlite) lets a request's statements go before background work that is waiting for its turn, so a request waits at
 * most for the transaction already under way, not for every job queued behind it. Everything the work starts
 * (promises, timers, the job engine's own loops) stays in the background.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** Whether the calling code runs inside `inBackground`. */
export function isBackground(): boolean {
  return background.getStore() === true;
}
