import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { levelKey } from '../src/program/level-changes.js';
import { standingOf } from '../src/program/standing-of.js';
import type { OrganizationStanding } from '../src/program/standing-types.js';
import { MAX_REPLAYED_DAYS, transitionsBetween } from '../src/program/transitions-between.js';
import { asOfDate, organization } from './arbitraries.js';

const catalog = await loadShippedCatalog();
const day = (text: string) => parseDay(text) as number;
const same = { dataChanged: false, catalogChanged: false };

/** The reference: every (day, level, from, to) of evaluating each day d0+1 .. d1. */
function dayByDay(org: Organization, d0: number, d1: number, policy = {}) {
  const changes: string[] = [];
  let previous = new Map(evaluate(catalog, org, { asOf: d0, policy }).results.map((r) => [levelKey(r), r.status]));
  for (let d = d0 + 1; d <= d1; d++) {
    const today = new Map(evaluate(catalog, org, { asOf: d, policy }).results.map((r) => [levelKey(r), r.status]));
    for (const [key, status] of today) {
      const before = previous.get(key) ?? null;
      if (before !== status) changes.push(`${formatDay(d)} ${key} ${before} ${status}`);
    }
    previous = today;
  }
  return changes;
}

const standing = (org: Organization, asOf: number, policy = {}) => standingOf(catalog, org, asOf, { horizonDays: 0, policy });

describe('transitionsBetween', () => {
  it('over the same data, gives exactly the changes of evaluating every day in between, each with causes', async () => {
    await fc.assert(
      fc.asyncProperty(
        organization,
        asOfDate,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('within-period', 'associated-at-as-of'),
        async (document, start, length, association) => {
          const org = parseOrganization(document);
          const policy = { revenueAssociation: association } as const;
          const d0 = day(start);
          const previous = await standing(org, d0, policy);
          const next = await standing(org, d0 + length, policy);
          const transitions = await transitionsBetween(catalog, org, previous, next, { ...same, policy });
          expect(transitions.map((t) => `${t.date} ${levelKey(t)} ${t.from} ${t.to}`)).toEqual(
            dayByDay(org, d0, d0 + length, policy),
          );
          for (const t of transitions) {
            expect(t.cause.kind).toBe('date');
            if (t.cause.kind === 'date') expect(t.cause.causes.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('starts every level with a first transition', async () => {
    const org = parseOrganization(fc.sample(organization, { numRuns: 1, seed: 3 })[0]);
    const next = await standing(org, day('2018-03-31'));
    const transitions = await transitionsBetween(catalog, org, undefined, next, same);
    expect(transitions).toHaveLength(next.levels.length);
    expect(transitions.every((t) => t.from === null && t.cause.kind === 'first' && t.date === '2018-03-31')).toBe(true);
  });

  describe('on a level that is lost when its revenue leaves the trailing twelve months', () => {
    const org = parseOrganization({
      id: 't',
      market: 'developed',
      people: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
        id,
        exams: ['MB2-714', 'MB2-710', 'MB2-713', 'MB2-706', 'MB2-712', 'MB2-715', 'MB2-716', 'MB2-717'].map((exam) => ({
          exam,
          passed: '2017-06-01',
        })),
      })),
      customers: [{ id: 'c', dpor: [{ from: '2016-01-01' }] }],
      revenue: [{ customer: 'c', product: 'd365-customer-engagement-plan', date: '2017-10-01', amount: 350000, currency: 'USD' }],
    });
    const attainedThenLost = async () => {
      const previous = await standing(org, day('2018-06-30'));
      const next = await standing(org, day('2018-12-31'));
      return { previous, next };
    };

    it('names the day and the record for time passing', async () => {
      const { previous, next } = await attainedThenLost();
      const transitions = await transitionsBetween(catalog, org, previous, next, same);
      expect(transitions.length).toBeGreaterThan(0);
      for (const t of transitions) {
        expect(t).toMatchObject({ date: '2018-10-01', from: 'attained', to: 'not-attained', cause: { kind: 'date' } });
        if (t.cause.kind === 'date') expect(t.cause.causes[0]).toMatchObject({ code: 'revenue.leaves' });
      }
    });

    it('blames the data, then the catalog, then a rewind, in that order, dated the new day', async () => {
      const { previous, next } = await attainedThenLost();
      const data = await transitionsBetween(catalog, org, previous, next, { dataChanged: true, catalogChanged: true });
      expect(data.length).toBeGreaterThan(0);
      expect(data.every((t) => t.cause.kind === 'data' && t.date === '2018-12-31')).toBe(true);
      const rules = await transitionsBetween(catalog, org, previous, next, { dataChanged: false, catalogChanged: true });
      const versionOf = (t: (typeof data)[number]) => next.levels.find((l) => levelKey(l) === levelKey(t))?.catalogVersion;
      expect(rules.map((t) => t.cause)).toEqual(data.map((t) => ({ kind: 'catalog', catalogVersion: versionOf(t) })));
      const renamed: OrganizationStanding = {
        ...previous,
        levels: previous.levels.map((l) => ({ ...l, catalogVersion: 'withdrawn' })),
      };
      const stale = await transitionsBetween(catalog, org, renamed, next, same);
      expect(stale.every((t) => t.cause.kind === 'catalog')).toBe(true);
      const rewind = await transitionsBetween(catalog, org, next, previous, same);
      expect(rewind.map((t) => [t.from, t.to, t.cause.kind, t.date])).toEqual(
        data.map(() => ['not-attained', 'attained', 'rewind', '2018-06-30']),
      );
    });

    it('does not replay more than three years: one date transition per level that differs, without causes', async () => {
      const { previous } = await attainedThenLost();
      const later = await standing(org, day('2018-06-30') + MAX_REPLAYED_DAYS + 1);
      const transitions = await transitionsBetween(catalog, org, previous, later, same);
      expect(transitions.length).toBeGreaterThan(0);
      for (const t of transitions) expect(t).toMatchObject({ date: later.asOf, cause: { kind: 'date', causes: [] } });
    });
  });
});
