import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgramPolicy } from '../src/catalog/catalog-types.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { LevelResult } from '../src/engine/evaluation-types.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { levelKey } from '../src/program/level-changes.js';
import { standingOf } from '../src/program/standing-of.js';
import { asOfDate, organization } from './arbitraries.js';

const catalog = await loadShippedCatalog();
const day = (text: string) => parseDay(text) as number;

/** The reference: evaluate every day of the horizon; per level of `asOf`, its first change and its first loss. */
async function everyDay(org: Organization, asOf: number, horizon: number, policy: Partial<ProgramPolicy>) {
  const capped = policy.maxCompetenciesPerPerson != null;
  const on = async (d: number): Promise<readonly LevelResult[]> =>
    capped
      ? (await evaluateJointly(catalog, org, { asOf: d, policy })).results
      : evaluate(catalog, org, { asOf: d, policy }).results;
  const start = await on(asOf);
  const next = new Map<string, string>();
  const lost = new Map<string, string>();
  let previous = new Map(start.map((r) => [levelKey(r), r.status]));
  for (let d = asOf + 1; d <= asOf + horizon; d++) {
    const today = new Map((await on(d)).map((r) => [levelKey(r), r.status]));
    for (const [key, status] of today) {
      if (previous.get(key) === status) continue;
      if (!next.has(key)) next.set(key, `${formatDay(d)} ${status}`);
      if (!lost.has(key) && status !== 'attained') lost.set(key, `${formatDay(d)} ${status}`);
    }
    previous = today;
  }
  return start.map((r) => ({
    key: levelKey(r),
    status: r.status,
    nextChange: next.get(levelKey(r)) ?? null,
    atRisk: r.status === 'attained' ? (lost.get(levelKey(r)) ?? null) : null,
  }));
}

async function standingSummary(org: Organization, asOf: number, horizon: number, policy: Partial<ProgramPolicy>) {
  const standing = await standingOf(catalog, org, asOf, { horizonDays: horizon, policy });
  for (const level of standing.levels) {
    for (const change of [level.nextChange, level.atRisk]) if (change) expect(change.causes.length).toBeGreaterThan(0);
  }
  return standing.levels.map((l) => ({
    key: levelKey(l),
    status: l.status,
    nextChange: l.nextChange && `${l.nextChange.date} ${l.nextChange.status}`,
    atRisk: l.atRisk && `${l.atRisk.date} ${l.atRisk.status}`,
  }));
}

/** A few people certified for two competencies and revenue both count, leaving the window around 2018: the cap binds and levels are lost. */
const KITS = [['MB2-714', 'MB2-710'], ['MB2-713', 'MB2-706'], ['MB2-712'], ['MB2-715', 'MB2-716', 'MB2-717']];
const passDate = fc.integer({ min: day('2016-06-01'), max: day('2017-09-30') }).map(formatDay);
const contested = fc
  .tuple(
    fc.array(fc.tuple(fc.subarray(KITS, { minLength: 2 }), passDate), { minLength: 4, maxLength: 6 }),
    fc.integer({ min: 100_000, max: 400_000 }),
    fc.integer({ min: day('2017-03-01'), max: day('2018-03-31') }).map(formatDay),
  )
  .map(([people, amount, date]) => ({
    id: 'contested',
    market: 'developed',
    people: people.map(([kits, passed], i) => ({ id: `p${i}`, exams: kits.flat().map((exam) => ({ exam, passed })) })),
    customers: [{ id: 'c', dpor: [{ from: '2016-01-01' }] }],
    revenue: [{ customer: 'c', product: 'd365-customer-engagement-plan', date, amount, currency: 'USD' }],
  }));
/** An as-of date some months before the revenue leaves the trailing twelve months, so that levels change within a horizon. */
const contestedAsOf = (document: { revenue: readonly { date: string }[] }) =>
  fc.integer({ min: 250, max: 364 }).map((offset) => formatDay(day(document.revenue[0]?.date ?? '2018-01-01') + offset));
const contestedAt = contested.chain((document) => contestedAsOf(document).map((asOf) => [document, asOf] as const));

describe('standingOf', () => {
  it("finds each level's next change and first loss as evaluating every day of the horizon does", async () => {
    await fc.assert(
      fc.asyncProperty(
        organization,
        asOfDate,
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('within-period', 'associated-at-as-of'),
        async (document, start, horizon, association) => {
          const org = parseOrganization(document);
          const policy = { revenueAssociation: association } as const;
          expect(await standingSummary(org, day(start), horizon, policy)).toEqual(
            await everyDay(org, day(start), horizon, policy),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('stays exact under a cap on competencies per person, which the forecast refuses', async () => {
    await fc.assert(
      fc.asyncProperty(contestedAt, fc.integer({ min: 1, max: 90 }), async ([document, start], horizon) => {
        const org = parseOrganization(document);
        const policy = { maxCompetenciesPerPerson: 1 };
        expect(await standingSummary(org, day(start), horizon, policy)).toEqual(await everyDay(org, day(start), horizon, policy));
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('finds changes and losses in the random data, so the comparison above is not vacuous', async () => {
    const samples = fc.sample(fc.oneof(fc.tuple(organization, asOfDate), contestedAt), { numRuns: 60, seed: 7 });
    let changed = 0;
    let lost = 0;
    for (const [document, start] of samples) {
      const standing = await standingOf(catalog, parseOrganization(document), day(start), { horizonDays: 365 });
      if (standing.levels.some((l) => l.nextChange)) changed += 1;
      if (standing.levels.some((l) => l.atRisk)) lost += 1;
    }
    expect(changed).toBeGreaterThan(5);
    expect(lost).toBeGreaterThan(2);
    // Under the cap, with the data the cap test draws from.
    const capped = fc.sample(contestedAt, { numRuns: 20, seed: 7 });
    let binding = 0;
    let cappedChanges = 0;
    for (const [document, start] of capped) {
      const org = parseOrganization(document);
      const policy = { maxCompetenciesPerPerson: 1 };
      const alone = evaluate(catalog, org, { asOf: day(start) }).results.filter((r) => r.attained).length;
      const standing = await standingOf(catalog, org, day(start), { horizonDays: 90, policy });
      if (standing.levels.filter((l) => l.status === 'attained').length < alone) binding += 1;
      if (standing.levels.some((l) => l.nextChange)) cappedChanges += 1;
    }
    expect(binding).toBeGreaterThan(0);
    expect(cappedChanges).toBeGreaterThan(0);
  });

  it('reports the gaps, the catalog version, the next event and the warnings of the day', async () => {
    const L = ['MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764'].map((exam) => ({ exam, passed: '2017-03-01' }));
    const org = parseOrganization({
      id: 'f',
      market: 'developed',
      people: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, exams: [...L, { exam: 'XX-000', passed: '2017-01-01' }] })),
      customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
      revenue: [
        { customer: 'c', product: 'd365-plan-2', date: '2018-03-15', amount: 30000, currency: 'USD' },
        { customer: 'c', product: 'ax-2012-on-premises', date: '2018-06-30', amount: 80000, currency: 'USD', netNew: false },
      ],
    });
    const standing = await standingOf(catalog, org, day('2018-12-01'), { horizonDays: 60 });
    expect(standing).toMatchObject({ org: 'f', asOf: '2018-12-01', horizonDays: 60, warnings: 5, nextEvent: '2019-01-01' });
    const ops = standing.levels.find((l) => l.option === 'enterprise-operations' && l.level === 'silver');
    expect(ops).toMatchObject({ status: 'attained', gaps: [], asOf: '2018-12-01' });
    expect(ops?.atRisk?.date).toBe('2019-01-01');
    expect(ops?.atRisk?.causes[0]).toMatchObject({ code: 'exam.expires', params: { exam: 'MB6-705' } });
    expect(ops?.nextChange).toEqual(ops?.atRisk);
    const gold = standing.levels.find((l) => l.option === 'enterprise-operations' && l.level === 'gold');
    expect(gold?.status).not.toBe('attained');
    expect(gold?.gaps.length).toBeGreaterThan(0);
    expect(gold?.atRisk).toBeNull();
    expect(typeof gold?.catalogVersion).toBe('string');
  });
});
