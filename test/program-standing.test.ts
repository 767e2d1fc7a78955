import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog, ProgramPolicy } from '../src/catalog/catalog-types.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { firstDayOutside, formatDay, parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { LevelResult } from '../src/engine/evaluation-types.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { touches } from '../src/planner/forecast.js';
import type { ForecastEvent } from '../src/planner/forecast-events.js';
import { levelKey } from '../src/program/level-changes.js';
import { standingOf } from '../src/program/standing-of.js';
import type { DatedChange } from '../src/program/standing-types.js';
import { asOfDate, organization, PRODUCTS } from './arbitraries.js';
import { catalogWithEarlierVersion } from './catalog-with-earlier-version.js';

const shipped = await loadShippedCatalog();
/** The shipped catalog with an earlier version of one competency, whose pools differ, taking turns with it. */
const versioned = catalogWithEarlierVersion();
const day = (text: string) => parseDay(text) as number;

/**
 * The reference: evaluate every day of the horizon; per level of `asOf`, its first change and its first loss, each
 * with the events of its day that concern it (`eventsOn`), and the first day after `asOf` on which anything happens.
 */
async function everyDay(catalog: Catalog, org: Organization, asOf: number, horizon: number, policy: Partial<ProgramPolicy>) {
  const capped = policy.maxCompetenciesPerPerson != null;
  const on = async (d: number): Promise<readonly LevelResult[]> =>
    capped
      ? (await evaluateJointly(catalog, org, { asOf: d, policy })).results
      : evaluate(catalog, org, { asOf: d, policy }).results;
  const start = await on(asOf);
  const next = new Map<string, DatedChange>();
  const lost = new Map<string, DatedChange>();
  let previous = new Map(start.map((r) => [levelKey(r), r.status]));
  for (let d = asOf + 1; d <= asOf + horizon; d++) {
    const results = await on(d);
    const today = new Map(results.map((r) => [levelKey(r), r.status]));
    for (const result of results) {
      const key = levelKey(result);
      if (previous.get(key) === result.status) continue;
      const concerns = touches(catalog, result, d);
      const causes = eventsOn(catalog, org, policy, d)
        .filter(concerns)
        .map(({ code, params }) => ({ code, params }));
      const change = { date: formatDay(d), status: result.status, causes };
      if (!next.has(key)) next.set(key, change);
      if (!lost.has(key) && result.status !== 'attained') lost.set(key, change);
    }
    previous = today;
  }
  const levels = start.map((r) => ({
    key: levelKey(r),
    status: r.status,
    catalogVersion: r.catalogVersion,
    gaps: r.gaps,
    nextChange: next.get(levelKey(r)) ?? null,
    atRisk: r.status === 'attained' ? (lost.get(levelKey(r)) ?? null) : null,
  }));
  return { levels, nextEvent: firstEventAfter(catalog, org, policy, asOf) };
}

/** Every event of one day, found by looking at each record, pass, period and version on its own. */
function eventsOn(catalog: Catalog, org: Organization, policy: Partial<ProgramPolicy>, d: number): ForecastEvent[] {
  const events: ForecastEvent[] = [];
  for (const record of org.revenue) {
    const product = catalog.findProduct(record.product)?.id;
    if (!product) continue;
    const { customer, currency } = record;
    const params = { date: formatDay(record.date), customer, product, amount: record.amount.toString(), currency };
    if (record.date === d) events.push({ day: d, code: 'revenue.enters', params, product });
    if (firstDayOutside(record.date) === d) events.push({ day: d, code: 'revenue.leaves', params, product });
  }
  for (const person of org.people) {
    for (const pass of person.exams) {
      const exam = catalog.findExam(pass.exam);
      if (!exam) continue;
      const params = { person: person.id, exam: exam.code, passed: formatDay(pass.passed) };
      const launched = exam.launched === null || pass.passed >= exam.launched;
      const notRetired = exam.retired === null || pass.passed <= exam.retired;
      if (pass.passed === d && launched && notRetired) events.push({ day: d, code: 'exam.counts', params, exam: exam.code });
      if (exam.acceptedUntil !== null && exam.acceptedUntil + 1 === d) {
        const acceptedUntil = formatDay(exam.acceptedUntil);
        events.push({ day: d, code: 'exam.expires', params: { ...params, acceptedUntil }, exam: exam.code });
      }
    }
  }
  if ((policy.revenueAssociation ?? catalog.policy.revenueAssociation) === 'associated-at-as-of') {
    for (const customer of org.customers) {
      for (const period of customer.dpor) {
        const params = { customer: customer.id };
        if (period.from === d) events.push({ day: d, code: 'dpor.starts', params: { ...params, date: formatDay(period.from) } });
        if (period.to !== null && period.to + 1 === d) {
          events.push({ day: d, code: 'dpor.ends', params: { ...params, date: formatDay(period.to) } });
        }
      }
    }
  }
  for (const competency of catalog.competencies) {
    for (const version of competency.versions) {
      if (version.effective !== d) continue;
      const params = { competency: competency.id, version: version.id };
      events.push({ day: d, code: 'version.starts', params, competency: competency.id });
    }
  }
  return events;
}

/** The first day after `asOf` on which any record, pass, period or version has a date that can matter, however far. */
function firstEventAfter(catalog: Catalog, org: Organization, policy: Partial<ProgramPolicy>, asOf: number): string | null {
  const days: number[] = [];
  for (const record of org.revenue) {
    if (catalog.findProduct(record.product)) days.push(record.date, firstDayOutside(record.date));
  }
  for (const pass of org.people.flatMap((p) => p.exams)) {
    const exam = catalog.findExam(pass.exam);
    if (exam) days.push(pass.passed, ...(exam.acceptedUntil === null ? [] : [exam.acceptedUntil + 1]));
  }
  if ((policy.revenueAssociation ?? catalog.policy.revenueAssociation) === 'associated-at-as-of') {
    for (const period of org.customers.flatMap((c) => c.dpor))
      days.push(period.from, ...(period.to === null ? [] : [period.to + 1]));
  }
  for (const version of catalog.competencies.flatMap((c) => c.versions))
    if (version.effective !== null) days.push(version.effective);
  const after = days.filter((d) => d > asOf);
  return after.length === 0 ? null : formatDay(Math.min(...after));
}

async function standingSummary(
  catalog: Catalog,
  org: Organization,
  asOf: number,
  horizon: number,
  policy: Partial<ProgramPolicy>,
) {
  const standing = await standingOf(catalog, org, asOf, { horizonDays: horizon, policy });
  for (const level of standing.levels) {
    for (const change of [level.nextChange, level.atRisk]) if (change) expect(change.causes.length).toBeGreaterThan(0);
  }
  const levels = standing.levels.map((l) => ({
    key: levelKey(l),
    status: l.status,
    catalogVersion: l.catalogVersion,
    gaps: l.gaps,
    nextChange: l.nextChange,
    atRisk: l.atRisk,
  }));
  return { levels, nextEvent: standing.nextEvent };
}

/** As-of days shortly before the shipped version of a competency replaces the earlier one (2017-10-13). */
const beforeNewVersion = fc.integer({ min: day('2017-08-01'), max: day('2017-10-12') }).map(formatDay);

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

/** Exam kits that fill roles, including both versions' Customer Engagement pools and the AX exams that expire. */
const DENSE_KITS = [
  ['MB2-714', 'MB2-710'],
  ['MB2-713', 'MB2-706'],
  ['MB2-712'],
  ['MB2-715', 'MB2-716', 'MB2-717'],
  ['MB2-715', 'MB2-716'],
  ['MB2-718'],
  ['MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764'],
  ['MB6-894', '70-534', 'MB6-895'],
];

/**
 * Organizations built around an as-of day so that many things happen within a horizon: qualified people (some
 * passing within it), a few large records entering and leaving the window, customers whose association starts or
 * ends within it (under `associated-at-as-of` their in-window revenue moves with them; under `within-period` records
 * on either side of a period's end count differently).
 */
const dense = (from: string, to: string) =>
  fc
    .tuple(
      fc.integer({ min: day(from), max: day(to) }),
      fc.array(fc.tuple(fc.subarray(DENSE_KITS, { minLength: 1 }), fc.integer({ min: -500, max: 60 })), {
        minLength: 4,
        maxLength: 12,
      }),
      fc.array(fc.tuple(fc.integer({ min: -400, max: 100 }), fc.option(fc.integer({ min: 0, max: 400 }), { freq: 2 })), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.array(
        fc.record({
          customer: fc.nat(2),
          // Customer Engagement revenue more often than the rest, and mostly net new, so that levels are in reach.
          product: fc.oneof(
            fc.constantFrom('d365-customer-engagement-plan', 'd365-customer-engagement-app'),
            fc.constantFrom(...PRODUCTS),
          ),
          offset: fc.integer({ min: -380, max: 100 }),
          amount: fc.integer({ min: 20_000, max: 250_000 }),
          netNew: fc.constantFrom(true, true, true, false),
        }),
        { minLength: 2, maxLength: 10 },
      ),
    )
    .map(([asOf, people, periods, records]) => {
      const date = (offset: number) => formatDay(asOf + offset);
      const document = {
        id: 'dense',
        market: 'developed',
        people: people.map(([kits, passed], i) => ({
          id: `p${i}`,
          exams: kits.flat().map((exam) => ({ exam, passed: date(passed) })),
        })),
        customers: periods.map(([start, length], i) => ({
          id: `c${i}`,
          dpor: [length === null ? { from: date(start) } : { from: date(start), to: date(start + length) }],
        })),
        revenue: records.map((r) => ({
          customer: `c${Math.min(r.customer, periods.length - 1)}`,
          product: r.product,
          date: date(r.offset),
          amount: r.amount,
          currency: 'USD',
          netNew: r.netNew,
        })),
      };
      return [document, formatDay(asOf)] as const;
    });

describe('standingOf', () => {
  it("finds each level's next change and first loss, with their causes, as evaluating every day of the horizon does", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(shipped, versioned),
        organization,
        fc.oneof(asOfDate, beforeNewVersion),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom('within-period', 'associated-at-as-of'),
        async (catalog, document, start, horizon, association) => {
          const org = parseOrganization(document);
          const policy = { revenueAssociation: association } as const;
          expect(await standingSummary(catalog, org, day(start), horizon, policy)).toEqual(
            await everyDay(catalog, org, day(start), horizon, policy),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stays exact when much happens within the horizon: passes, associations starting and ending, records, a new version', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          dense('2017-08-01', '2017-10-12').map(([document, start]) => [versioned, document, start] as const),
          dense('2018-01-01', '2018-12-31').map(([document, start]) => [shipped, document, start] as const),
        ),
        fc.integer({ min: 20, max: 120 }),
        fc.constantFrom('within-period', 'associated-at-as-of'),
        async ([catalog, document, start], horizon, association) => {
          const org = parseOrganization(document);
          const policy = { revenueAssociation: association } as const;
          expect(await standingSummary(catalog, org, day(start), horizon, policy)).toEqual(
            await everyDay(catalog, org, day(start), horizon, policy),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('stays exact under a cap on competencies per person, which the forecast refuses', async () => {
    await fc.assert(
      fc.asyncProperty(contestedAt, fc.integer({ min: 1, max: 90 }), async ([document, start], horizon) => {
        const org = parseOrganization(document);
        const policy = { maxCompetenciesPerPerson: 1 };
        expect(await standingSummary(shipped, org, day(start), horizon, policy)).toEqual(
          await everyDay(shipped, org, day(start), horizon, policy),
        );
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('finds changes and losses in the random data, so the comparison above is not vacuous', async () => {
    const samples = fc.sample(fc.oneof(fc.tuple(organization, asOfDate), contestedAt), { numRuns: 60, seed: 7 });
    let changed = 0;
    let lost = 0;
    for (const [document, start] of samples) {
      const standing = await standingOf(shipped, parseOrganization(document), day(start), { horizonDays: 365 });
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
      const alone = evaluate(shipped, org, { asOf: day(start) }).results.filter((r) => r.attained).length;
      const standing = await standingOf(shipped, org, day(start), { horizonDays: 90, policy });
      if (standing.levels.filter((l) => l.status === 'attained').length < alone) binding += 1;
      if (standing.levels.some((l) => l.nextChange)) cappedChanges += 1;
    }
    expect(binding).toBeGreaterThan(0);
    expect(cappedChanges).toBeGreaterThan(0);
    // The dense organizations: changes for every kind of event the tracker applies, under both policies.
    const causes = new Set<string>();
    for (const [document, start] of fc.sample(dense('2018-01-01', '2018-12-31'), { numRuns: 60, seed: 7 })) {
      for (const revenueAssociation of ['within-period', 'associated-at-as-of'] as const) {
        const org = parseOrganization(document);
        const standing = await standingOf(shipped, org, day(start), { horizonDays: 90, policy: { revenueAssociation } });
        for (const level of standing.levels) for (const cause of level.nextChange?.causes ?? []) causes.add(cause.code);
      }
    }
    expect([...causes].sort()).toEqual(['dpor.ends', 'dpor.starts', 'exam.counts', 'revenue.enters', 'revenue.leaves']);
  });

  it('decides the levels of a version that takes effect within the horizon, by the version', async () => {
    // Before 2017-10-13 Customer Engagement needs the same five people for both exam groups; from then on, any five each.
    const exams = (codes: readonly string[]) => codes.map((exam) => ({ exam, passed: '2017-03-01' }));
    const org = parseOrganization({
      id: 'v',
      market: 'developed',
      people: [
        ...['a', 'b', 'c'].map((id) => ({ id, exams: exams(['MB2-715', 'MB2-716', 'MB2-717']) })),
        ...['d', 'e'].map((id) => ({ id, exams: exams(['MB2-715', 'MB2-716']) })),
        ...['f', 'g'].map((id) => ({ id, exams: exams(['MB2-718']) })),
      ],
      customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
      revenue: [{ customer: 'c', product: 'd365-customer-engagement-plan', date: '2017-08-01', amount: 150000, currency: 'USD' }],
    });
    const asOf = day('2017-09-30');
    const standing = await standingOf(versioned, org, asOf, { horizonDays: 30 });
    const silver = standing.levels.find((l) => l.option === 'enterprise-customer-engagement' && l.level === 'silver');
    expect(silver).toMatchObject({ status: 'not-attained', catalogVersion: '2017-06' });
    expect(silver?.nextChange).toMatchObject({ date: '2017-10-13', status: 'attained' });
    expect(silver?.nextChange?.causes.map((c) => c.code)).toContain('version.starts');
    expect(await standingSummary(versioned, org, asOf, 30, {})).toEqual(await everyDay(versioned, org, asOf, 30, {}));
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
    const standing = await standingOf(shipped, org, day('2018-12-01'), { horizonDays: 60 });
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
