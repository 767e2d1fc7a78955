import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../src/catalog/catalog-types.js';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { forecast } from '../src/planner/forecast.js';
import { createApp } from '../src/server/create-app.js';
import { forecastReport } from '../src/service/forecast-report.js';
import { levelOutlook } from '../src/service/level-outlook.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { asOfDate, organization } from './arbitraries.js';
import { dayByDayChanges } from './day-by-day-changes.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'attain-capped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shipped catalog whose policy lets one person count toward one competency only. */
const CAPPED = path.join(dir, 'capped.yaml');
async function cappedCatalog(): Promise<Catalog> {
  const file = CAPPED;
  const text = readFileSync('catalogs/mpn-2017.yaml', 'utf8');
  writeFileSync(file, text.replace('maxCompetenciesPerPerson: null', 'maxCompetenciesPerPerson: 1'));
  return loadCatalogFile(file);
}
const capped = await cappedCatalog();
const day = (text: string) => parseDay(text) as number;
const key = (r: { competency: string; option: string; level: string }) => `${r.competency}/${r.option}/${r.level}`;

/** The reference: evaluate jointly on every day, and note by level what differs from the day before. */
function dayByDay(catalog: Catalog, document: unknown, from: number, to: number): Promise<string[]> {
  const org = parseOrganization(document);
  return dayByDayChanges((d) => evaluateJointly(catalog, org, { asOf: d }), from, to);
}

/**
 * People certified for two or more competencies, and revenue of both competencies' products entering and leaving
 * the trailing twelve months around the range: the cap binds, and which competency keeps the people moves.
 */
const KITS = [['MB2-714', 'MB2-710'], ['MB2-713', 'MB2-706'], ['MB2-712'], ['MB2-715', 'MB2-716', 'MB2-717']];
const PRODUCTS = ['crm-online', 'd365-customer-engagement-plan', 'd365-plan-1'];
const contested = fc.integer({ min: day('2017-11-01'), max: day('2018-10-31') }).chain((from) =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.subarray(KITS, { minLength: 2 }), fc.integer({ min: -500, max: 40 })), {
        minLength: 4,
        maxLength: 6,
      }),
      fc.array(
        fc.tuple(fc.constantFrom(...PRODUCTS), fc.integer({ min: 100_000, max: 400_000 }), fc.integer({ min: -380, max: 40 })),
        { minLength: 1, maxLength: 4 },
      ),
    )
    .map(([people, revenue]) => {
      const document = {
        id: 'contested',
        market: 'developed',
        people: people.map(([kits, offset], i) => ({
          id: `p${i}`,
          exams: kits.flat().map((exam) => ({ exam, passed: formatDay(from + offset) })),
        })),
        customers: [{ id: 'c', dpor: [{ from: '2016-01-01' }] }],
        revenue: revenue.map(([product, amount, offset]) => ({
          customer: 'c',
          product,
          date: formatDay(from + offset),
          amount,
          currency: 'USD',
        })),
      };
      return [document, formatDay(from)] as const;
    }),
);

/**
 * Five or six people, each qualified for Cloud CRM and for the Operations option's legacy role, so that they cannot
 * fill both under the cap; Cloud CRM's revenue counts throughout, Operations' revenue enters or leaves around the
 * range. Operations' products count for no Cloud CRM level: what they change there, they change through the cap.
 */
const OPERATIONS = ['ax-2012-on-premises', 'd365-unified-operations-plan'];
const crossed = fc
  .tuple(
    fc.integer({ min: day('2017-11-01'), max: day('2018-10-31') }),
    fc.integer({ min: 5, max: 6 }),
    fc.array(
      fc.tuple(fc.constantFrom(...OPERATIONS), fc.integer({ min: 30_000, max: 300_000 }), fc.integer({ min: -380, max: 40 })),
      {
        minLength: 2,
        maxLength: 4,
      },
    ),
  )
  .map(([from, people, revenue]) => {
    const kit = ['MB2-714', 'MB2-710', 'MB2-712', 'MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764'];
    const document = {
      id: 'crossed',
      market: 'developed',
      people: Array.from({ length: people }, (_, i) => ({
        id: `p${i}`,
        exams: kit.map((exam) => ({ exam, passed: '2017-06-01' })),
      })),
      customers: [{ id: 'c', dpor: [{ from: '2016-01-01' }] }],
      revenue: [
        { customer: 'c', product: 'crm-online', date: formatDay(from - 30), amount: 150_000, currency: 'USD' },
        ...revenue.map(([product, amount, offset]) => ({
          customer: 'c',
          product,
          date: formatDay(from + offset),
          amount,
          currency: 'USD',
        })),
      ],
    };
    return [document, formatDay(from)] as const;
  });

const cases = fc.oneof(contested, crossed, fc.tuple(organization, asOfDate));

describe('forecast under a cap on competencies per person', () => {
  it('finds exactly what evaluating jointly every day finds, each change with a cause', async () => {
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 5, max: 45 }), async ([document, start], length) => {
        const from = day(start);
        const result = await forecast(capped, parseOrganization(document), from, from + length);
        const found = result.changes.map(
          (c) => `${c.date} ${key(c)} ${c.existence}${c.existence === 'ends' ? '' : ` ${c.status}`}`,
        );
        expect(found.sort()).toEqual(await dayByDay(capped, document, from, from + length));
        for (const change of result.changes) expect(change.causes.length).toBeGreaterThan(0);
        const joint = (await evaluateJointly(capped, parseOrganization(document), { asOf: from })).results;
        expect(result.start).toEqual(
          joint.map(({ competency, option, level, attained }) => ({ competency, option, level, attained })),
        );
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('finds changes that only the cap makes, so the comparison above is not vacuous', async () => {
    let changed = 0;
    let byTheCap = 0;
    for (const [document, start] of fc.sample(contested, { numRuns: 40, seed: 11 })) {
      const org = parseOrganization(document);
      const from = day(start);
      const under = await forecast(capped, org, from, from + 45);
      const alone = await forecast(capped, org, from, from + 45, { maxCompetenciesPerPerson: null });
      if (under.changes.length > 0) changed += 1;
      const text = (f: typeof under) => JSON.stringify(f.changes.map((c) => [c.date, key(c), c.status]));
      if (text(under) !== text(alone)) byTheCap += 1;
    }
    expect(changed).toBeGreaterThan(5);
    expect(byTheCap).toBeGreaterThan(2);
  }, 120_000);

  it('names the other competency’s events as the cause of a change that only the cap makes', async () => {
    let throughTheCap = 0;
    for (const [document, start] of fc.sample(crossed, { numRuns: 30, seed: 5 })) {
      const from = day(start);
      const result = await forecast(capped, parseOrganization(document), from, from + 45);
      for (const change of result.changes.filter((c) => c.competency === 'cloud-crm')) {
        expect(change.causes.length).toBeGreaterThan(0);
        if (change.causes.every((c) => OPERATIONS.includes(String(c.params.product)))) throughTheCap += 1;
      }
    }
    expect(throughTheCap).toBeGreaterThan(0);
  }, 120_000);

  it('gives the outlook and the stored standing the forecast’s first change and first loss, with its causes', async () => {
    let losses = 0;
    for (const [document, start] of fc.sample(fc.oneof(contested, crossed), { numRuns: 20, seed: 3 })) {
      const org = parseOrganization(document);
      const from = day(start);
      const outlook = await levelOutlook(capped, org, from, { horizonDays: 60 });
      const reference = await forecast(capped, org, from, from + 60);
      for (const level of outlook.levels) {
        const first = reference.changes.find((c) => key(c) === key(level) && c.existence !== 'ends');
        expect(level.nextChange?.date ?? null).toBe(first?.date ?? null);
        if (level.nextChange) expect(level.nextChange.causes).toEqual(first?.causes);
        // The stored standing's first loss (the jobs compute the same), with the forecast's causes.
        const loss =
          level.status === 'attained' ? reference.changes.find((c) => key(c) === key(level) && !c.attained) : undefined;
        expect(level.atRisk?.date ?? null).toBe(loss?.date ?? null);
        if (level.atRisk) {
          expect(level.atRisk.causes.length).toBeGreaterThan(0);
          expect(level.atRisk.causes).toEqual(loss?.causes);
          losses += 1;
        }
      }
    }
    expect(losses).toBeGreaterThan(0);
  }, 120_000);
});

describe('forecast under a cap, as the CLI and the API give it', () => {
  const [sample] = fc.sample(crossed, { numRuns: 1, seed: 5 });
  if (!sample) throw new Error('fast-check gave no sample');
  const [document, start] = sample;
  const from = day(start);
  const range = { from, to: from + 90 };
  const to = formatDay(range.to);
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let secret = '';
  beforeAll(async () => {
    store = await openStore({ dataDir: path.join(dir, 'api') });
    secret = (await store.createToken({ role: 'admin', org: null }, { kind: 'system', id: 'test' })).secret;
    await store.replaceOrganization(parseOrganization(document), { kind: 'system', id: 'test' });
    // The compute threads load the capped catalog file themselves.
    app = createApp({ store, catalog: capped, catalogSource: { file: CAPPED } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('answers GET /api/orgs/{id}/forecast from a compute thread with what the library finds', async () => {
    const response = await app.request(`/api/orgs/crossed/forecast?from=${start}&to=${to}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    const expected = (await forecastReport(capped, parseOrganization(document), range, 'en')).report;
    expect(expected.changes.length).toBeGreaterThan(0);
    expect(await response.text()).toBe(JSON.stringify(expected));
  }, 60_000);

  it('prints it with attain forecast --catalog', async () => {
    const file = path.join(dir, 'crossed.json');
    writeFileSync(file, JSON.stringify(document));
    const run = await runCli(['forecast', file, '--catalog', CAPPED, '--from', start, '--to', to, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = (await forecastReport(capped, parseOrganization(document), range, 'en')).report;
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 60_000);
});
