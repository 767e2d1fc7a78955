import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run (timers, sockets, requests) before a statement. PGlite runs each statement on this thread
 * and its promises settle as microtasks, so without this a chain of statements (one transaction's, then the next
 * transaction's, as jobs take turns) would hold the loop from the first to the last: a request arriving meanwhile,
 * even one that never reads the store, would wait for all of them.
 */
export function nextTurn(): Promise<void> {
  return setImmediate();
}
