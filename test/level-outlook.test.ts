import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyRevenue } from '../src/catalog/every-requirement.js';
import { findLevel } from '../src/catalog/find-level.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { associationBit, creditLookup } from '../src/engine/customer-credits.js';
import { evaluate } from '../src/engine/evaluate.js';
import { latestDataDay } from '../src/engine/latest-data-day.js';
import { levelHeadroom } from '../src/engine/level-headroom.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { acceptedAssociations, revenueRecordStanding } from '../src/engine/revenue-record-standing.js';
import { forecast } from '../src/planner/forecast.js';
import { levelOutlook, nextAction } from '../src/service/level-outlook.js';
import { asOfDate, organization } from './arbitraries.js';

const catalog = await loadShippedCatalog();
const day = (text: string) => parseDay(text) as number;
const contoso = parseOrganization(
  JSON.parse(readFileSync(join(import.meta.dirname, '../examples/contoso-dynamics.json'), 'utf8')),
  catalog.currency,
);
const key = (l: { competency: string; option: string; level: string }) => `${l.competency}/${l.option}/${l.level}`;

describe('the outlook of each level', () => {
  it("finds Contoso's Cloud CRM Gold lapsing on 2018-04-30 and what to cover before then", async () => {
    const outlook = await levelOutlook(catalog, contoso, day('2018-03-31'));
    const gold = outlook.levels.find((l) => key(l) === 'cloud-crm/reseller/gold');
    expect(gold?.status).toBe('attained');
    expect(gold?.atRisk?.date).toBe('2018-04-30');
    expect(gold?.atRisk?.causes.map((c) => c.code)).toEqual(['revenue.leaves']);
    // What Gold lacks on the day it lapses: evaluating that day says the same.
    const then = evaluate(catalog, contoso, { asOf: day('2018-04-30') }).results.find((r) => key(r) === key(gold ?? r));
    const revenue = then?.requirements.find((r) => r.kind === 'revenue');
    expect(revenue?.kind === 'revenue' && revenue.shortfall).toBe('62520.75');
    expect(gold?.action).toEqual({
      code: 'action.revenue',
      params: { requirement: 'revenue', shortfall: '62520.75', currency: 'USD', netNewOnly: true, by: '2018-04-30' },
    });
  });

  it('names the first change of every level that the forecast names, over the same horizon', async () => {
    await fc.assert(
      fc.asyncProperty(organization, asOfDate, async (document, asOfText) => {
        const org = parseOrganization(document);
        const from = day(asOfText);
        const outlook = await levelOutlook(catalog, org, from, { horizonDays: 400 });
        const reference = await forecast(catalog, org, from, from + 400);
        for (const level of outlook.levels) {
          const first = reference.changes.find((c) => key(c) === key(level));
          expect(level.nextChange?.date ?? null).toBe(first?.date ?? null);
          if (level.status === 'attained') {
            const loss = reference.changes.find((c) => key(c) === key(level) && !c.attained);
            expect(level.atRisk?.date ?? null).toBe(loss?.date ?? null);
          } else expect(level.atRisk).toBeNull();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('looks no further than the last day attain reads', async () => {
    const outlook = await levelOutlook(catalog, contoso, day('9999-12-01'));
    expect(outlook.horizonDays).toBe(30);
    expect(outlook.levels.every((l) => l.nextChange === null)).toBe(true);
  });
});

describe('the next action', () => {
  it('is the person nearest to a seat once revenue is not missing: one more exam for a consultant', () => {
    const gaps = evaluate(catalog, contoso, { asOf: day('2018-03-31') }).results.find(
      (r) => key(r) === 'cloud-business-applications/enterprise-customer-engagement/gold',
    )?.gaps;
    expect(nextAction(gaps ?? [], null)?.code).toBe('action.revenue');
    const people = (gaps ?? []).filter((g) => g.code !== 'revenue.shortfall');
    const park = contoso.people.find((p) => p.name === '박지우')?.id;
    expect(nextAction(people, '2018-06-30')).toEqual({
      code: 'action.person-exams',
      params: { person: park, exams: ['MB2-715'], role: 'technical', others: 9, by: '2018-06-30' },
    });
  });

  it('is how many people a pool needs when nobody is near, and nothing for a level with no gap', () => {
    const gap = {
      code: 'people.shortfall',
      path: 'skills/main',
      params: { requirement: 'skills', pool: 'main', roles: [{ id: 'a', count: 2 }], shortfall: 2, nearest: [] },
    };
    expect(nextAction([gap], null)).toEqual({
      code: 'action.people',
      params: { requirement: 'skills', pool: 'main', roles: ['a'], people: 2, by: null },
    });
    expect(nextAction([], null)).toBeNull();
  });
});

describe('headroom and the latest day with data', () => {
  it("measures Contoso's Gold: exact revenue above the threshold, and nobody to spare in either role", () => {
    const gold = evaluate(catalog, contoso, { asOf: day('2018-03-31') }).results.find(
      (r) => key(r) === 'cloud-crm/reseller/gold',
    );
    expect(levelHeadroom(gold ?? { requirements: [] })).toEqual([
      { kind: 'revenue', requirement: 'revenue', above: '21729.25', currency: 'USD' },
      expect.objectContaining({ kind: 'role', above: 0 }),
      expect.objectContaining({ kind: 'role', above: 0 }),
    ]);
  });

  it('is the largest revenue or exam date, as sorting every date finds it', () => {
    fc.assert(
      fc.property(organization, (document) => {
        const org = parseOrganization(document);
        const dates = [...org.revenue.map((r) => r.date), ...org.people.flatMap((p) => p.exams.map((e) => e.passed))].sort(
          (a, b) => a - b,
        );
        const latest = latestDataDay(org);
        expect(latest === null ? null : formatDay(latest)).toBe(dates.length === 0 ? null : formatDay(dates.at(-1) as number));
      }),
    );
  });
});

describe('why a revenue record does not count', () => {
  it('is outside the window from the day a year before, and needs an accepted association on the day the policy names', () => {
    const org = parseOrganization({
      id: 'o',
      market: 'developed',
      people: [],
      customers: [{ id: 'c', dpor: [{ from: '2017-06-01', to: '2017-12-31' }] }],
      revenue: [],
    });
    const on = creditLookup(org);
    const dpor = associationBit('dpor');
    const asOf = day('2018-03-31');
    const at = (date: string, attribution?: 'pal') => ({ customer: 'c', date: day(date), ...(attribution && { attribution }) });
    expect(revenueRecordStanding(at('2017-03-31'), on, asOf, 'within-period', dpor)).toBe('outside-window');
    expect(revenueRecordStanding(at('2017-04-01'), on, asOf, 'within-period', dpor)).toBe('not-associated');
    expect(revenueRecordStanding(at('2017-07-01'), on, asOf, 'within-period', dpor)).toBeNull();
    // Associated at the as-of day: the period ended before it.
    expect(revenueRecordStanding(at('2017-07-01'), on, asOf, 'associated-at-as-of', dpor)).toBe('not-associated');
    expect(revenueRecordStanding({ ...at('2017-07-01'), customer: 'other' }, on, asOf, 'within-period', dpor)).toBe(
      'not-associated',
    );
    // A record attributed to PAL counts under PAL alone, whatever its customer's DPOR says.
    expect(revenueRecordStanding(at('2017-07-01', 'pal'), on, asOf, 'within-period', dpor)).toBe('not-associated');
    expect(revenueRecordStanding(at('2017-07-01', 'pal'), on, asOf, 'within-period', dpor | associationBit('pal'))).toBeNull();
    expect(acceptedAssociations(catalog, asOf)).toBe(dpor);
  });

  it('agrees with the evaluation: the records it finds counting are the records each revenue requirement counts', () => {
    fc.assert(
      fc.property(
        organization,
        asOfDate,
        fc.constantFrom('within-period', 'associated-at-as-of' as const),
        (document, asOfText, association) => {
          const org = parseOrganization(document);
          const asOf = day(asOfText);
          const evaluation = evaluate(catalog, org, { asOf, policy: { revenueAssociation: association } });
          const on = creditLookup(org);
          for (const result of evaluation.results) {
            const level = findLevel(catalog, result, result.catalogVersion)?.level;
            const requirements = everyRevenue(level?.requirements ?? []);
            for (const requirement of requirements) {
              const counted = result.requirements
                .flatMap(function flat(r): typeof result.requirements {
                  return r.kind === 'anyOf' ? r.paths.flatMap((p) => p.requirements.flatMap(flat)) : [r];
                })
                .find((r) => r.kind === 'revenue' && r.id === requirement.id);
              if (counted?.kind !== 'revenue') continue;
              const products = new Set(requirement.products);
              const expected = org.revenue.filter((record) => {
                const product = catalog.findProduct(record.product)?.id;
                if (product === undefined || !products.has(product) || record.date > asOf) return false;
                if (requirement.netNewOnly && !record.netNew) return false;
                return revenueRecordStanding(record, on, asOf, association, requirement.accepts) === null;
              }).length;
              expect(counted.records).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
