import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPool } from './assign-pool.js';

/** The most seats any assignment can fill, by trying every person in every role or none: the reference. */
function bruteForceFilled(counts: readonly number[], masks: readonly number[]): number {
  let best = 0;
  const used = counts.map(() => 0);
  const visit = (person: number, filled: number) => {
    if (person === masks.length) {
      best = Math.max(best, filled);
      return;
    }
    visit(person + 1, filled);
    counts.forEach((count, r) => {
      if ((masks[person] as number) & (1 << r) && (used[r] as number) < count) {
        used[r] = (used[r] as number) + 1;
        visit(person + 1, filled + 1);
        used[r] = (used[r] as number) - 1;
      }
    });
  };
  visit(0, 0);
  return best;
}

const pools = fc.integer({ min: 1, max: 4 }).chain((roles) =>
  fc.record({
    counts: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: roles, maxLength: roles }),
    masks: fc.array(fc.integer({ min: 0, max: (1 << roles) - 1 }), { maxLength: 7 }),
  }),
);

describe('assignPool', () => {
  it('fills as many seats as an exhaustive search', () => {
    fc.assert(
      fc.property(pools, ({ counts, masks }) => {
        expect(assignPool(counts, masks).filled).toBe(bruteForceFilled(counts, masks));
      }),
      { numRuns: 2000 },
    );
  });

  it('assigns each person at most once, only to roles they qualify for, within each count', () => {
    fc.assert(
      fc.property(pools, ({ counts, masks }) => {
        const { assigned, filled } = assignPool(counts, masks);
        const everyone = assigned.flat();
        expect(new Set(everyone).size).toBe(everyone.length);
        expect(everyone.length).toBe(filled);
        assigned.forEach((people, r) => {
          expect(people.length).toBeLessThanOrEqual(counts[r] as number);
          for (const p of people) expect((masks[p] as number) & (1 << r)).not.toBe(0);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('explains every missing seat by a group of roles whose only candidates are too few (Hall)', () => {
    fc.assert(
      fc.property(pools, ({ counts, masks }) => {
        const { deficiencies, filled } = assignPool(counts, masks);
        const seats = counts.reduce((a, b) => a + b, 0);
        const missing = deficiencies.reduce((sum, d) => sum + d.seats - d.candidates.length, 0);
        expect(missing).toBe(seats - filled);
        for (const d of deficiencies) {
          const groupMask = d.roles.reduce((m, r) => m | (1 << r), 0);
          const qualifying = masks.flatMap((mask, p) => (mask & groupMask ? [p] : []));
          expect(d.candidates).toEqual(qualifying);
          expect(d.candidates.length).toBeLessThan(d.seats);
        }
        const rolesInGroups = deficiencies.flatMap((d) => d.roles);
        expect(new Set(rolesInGroups).size).toBe(rolesInGroups.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the one person two seats of a role depend on', () => {
    const { filled, deficiencies } = assignPool([2], [0, 1, 0]);
    expect(filled).toBe(1);
    expect(deficiencies).toEqual([{ roles: [0], seats: 2, candidates: [1] }]);
  });

  it('handles ten thousand people in a handful of classes', () => {
    const masks = Array.from({ length: 10_000 }, (_, i) => i % 4);
    const { filled, assigned } = assignPool([15, 15], masks);
    expect(filled).toBe(30);
    expect(assigned[0]).toHaveLength(15);
  });
});
