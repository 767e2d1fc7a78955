import { describe, expect, it } from 'vitest';
import { inBackground } from '../src/store/background-work.js';
import { ConnectionLock } from '../src/store/pglite/connection-lock.js';

describe("PGlite's connection lock", () => {
  it('gives turns in order, but a request waiting goes before background work waiting', async () => {
    const lock = new ConnectionLock();
    const order: string[] = [];
    const take = async (name: string) => {
      const release = await lock.acquire();
      order.push(name);
      await new Promise((resolve) => setTimeout(resolve, 5));
      release();
    };
    const first = take('request 1');
    const jobs = inBackground(() => Promise.all([take('job 1'), take('job 2')]));
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = Promise.all([take('request 2'), take('request 3')]);
    await Promise.all([first, jobs, later]);
    expect(order).toEqual(['request 1', 'request 2', 'request 3', 'job 1', 'job 2']);
  });

  it('holds the connection for one holder at a time, and a second release changes nothing', async () => {
    const lock = new ConnectionLock();
    const release = await lock.acquire();
    let second = false;
    const waiting = lock.acquire().then((r) => {
      second = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(second).toBe(false);
    release();
    release();
    const releaseSecond = await waiting;
    let third = false;
    const thirdTurn = lock.acquire().then((r) => {
      third = true;
      r();
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(third).toBe(false);
    releaseSecond();
    await thirdTurn;
    expect(third).toBe(true);
    await lock.idle();
  });
});
