import { describe, expect, it } from 'vitest';
import { ServedCache } from './served-cache.js';

describe('ServedCache', () => {
  it('keeps at most maxScopes organizations, dropping the one filed first', () => {
    const cache = new ServedCache<number>(60_000, () => 0, 2);
    cache.set('a', 'k', 1);
    cache.set('b', 'k', 2);
    cache.set('b', 'other', 3);
    cache.set('c', 'k', 4);
    expect([cache.get('a', 'k'), cache.get('b', 'k'), cache.get('b', 'other'), cache.get('c', 'k')]).toEqual([
      undefined,
      2,
      3,
      4,
    ]);
  });

  it('expires entries after their time, and keeps any number of organizations by default', () => {
    let now = 0;
    const cache = new ServedCache<number>(1000, () => now);
    for (let i = 0; i < 100; i++) cache.set(`org${i}`, 'k', i);
    expect(cache.get('org0', 'k')).toBe(0);
    now = 1001;
    expect(cache.get('org99', 'k')).toBeUndefined();
  });
});
