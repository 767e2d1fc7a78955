import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { firstDayOutside, formatDay, parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { forecast } from '../src/planner/forecast.js';
import { asOfDate, organization } from './arbitraries.js';

const catalog = await loadShippedCatalog();
const day = (text: string) => parseDay(text) as number;

/** The reference: evaluate every single day and note where a level's result differs from the day before. */
function dayByDay(document: unknown, from: number, to: number, policy = {}) {
  const org = parseOrganization(document);
  const changes: string[] = [];
  let previous = evaluate(catalog, org, { asOf: from, policy }).results;
  for (let d = from + 1; d <= to; d++) {
    const today = evaluate(catalog, org, { asOf: d, policy }).results;
    today.forEach((r, i) => {
      const before = previous[i];
      if (before && (before.attained !== r.attained || before.status !== r.status)) {
        changes.push(`${formatDay(d)} ${r.competency}/${r.option}/${r.level} ${r.status}`);
      }
    });
    previous = today;
  }
  return changes;
}

describe('forecast', () => {
  it('finds exactly the days a day-by-day evaluation finds, each with a cause', async () => {
    await fc.assert(
      fc.asyncProperty(
        organization,
        asOfDate,
        fc.integer({ min: 30, max: 400 }),
        fc.constantFrom('within-period', 'associated-at-as-of'),
        async (org, start, length, association) => {
          const from = day(start);
          const policy = { revenueAssociation: association } as const;
          const result = await forecast(catalog, parseOrganization(org), from, from + length, policy);
          expect(result.changes.map((c) => `${c.date} ${c.competency}/${c.option}/${c.level} ${c.status}`)).toEqual(
            dayByDay(org, from, from + length, policy),
          );
          for (const change of result.changes) expect(change.causes.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds changes in the random data, so the comparison above is not vacuous', async () => {
    const samples = fc.sample(fc.tuple(organization, asOfDate), { numRuns: 100, seed: 5 });
    let changed = 0;
    for (const [org, start] of samples) {
      if ((await forecast(catalog, parseOrganization(org), day(start), day(start) + 365)).changes.length > 0) changed += 1;
    }
    expect(changed).toBeGreaterThan(5);
  });

  it('names concrete causes: the grace year ending, revenue leaving the trailing twelve months', async () => {
    const L = ['MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764'].map((exam) => ({ exam, passed: '2017-03-01' }));
    const org = parseOrganization({
      id: 'f',
      market: 'developed',
      people: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, exams: L })),
      customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
      revenue: [
        { customer: 'c', product: 'd365-plan-2', date: '2018-03-15', amount: 30000, currency: 'USD' },
        { customer: 'c', product: 'ax-2012-on-premises', date: '2018-06-30', amount: 80000, currency: 'USD', netNew: false },
      ],
    });
    const result = await forecast(catalog, org, day('2018-06-30'), day('2019-06-30'));
    const ops = result.changes.filter((c) => c.option === 'enterprise-operations' && c.level === 'silver');
    expect(ops.map((c) => [c.date, c.attained])).toEqual([['2019-01-01', false]]);
    expect(ops[0]?.causes.map((c) => c.code)).toEqual(Array(25).fill('exam.expires'));
    expect(ops[0]?.causes[0]?.params).toMatchObject({ exam: 'MB6-705', acceptedUntil: '2018-12-31' });
    const revenueOnly = await forecast(catalog, org, day('2018-06-30'), day('2018-12-31'));
    expect(revenueOnly.changes).toEqual([]);
  });

  it('knows when a record leaves the trailing twelve months, leap days included', () => {
    expect(formatDay(firstDayOutside(day('2017-03-15')))).toBe('2018-03-15');
    expect(formatDay(firstDayOutside(day('2019-02-28')))).toBe('2020-02-28');
    expect(formatDay(firstDayOutside(day('2016-02-29')))).toBe('2017-03-01');
  });
});
