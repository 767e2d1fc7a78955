import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyOfKind } from '../src/catalog/every-requirement.js';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { formatDay, oneYearBefore, parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { ASSOCIATION_TYPES } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { countMetric } from '../src/kinds/metric/metric-count.js';
import type { MetricRequirement } from '../src/kinds/metric/metric-types.js';
import { forecast } from '../src/planner/forecast.js';
import { dayByDayChanges } from './day-by-day-changes.js';

// The conformance cases' catalog, with thresholds low enough that small random organizations cross them often.
const source = readFileSync(new URL('./conformance/catalogs/metrics.yaml', import.meta.url), 'utf8')
  .replace('thresholds: { developed: 100, developing: 50 }', 'thresholds: { developed: 60, developing: 30 }')
  .replace('thresholds: 1000', 'thresholds: 300')
  .replace(/thresholds: 3$/m, 'thresholds: 1');
const file = join(mkdtempSync(join(tmpdir(), 'attain-metrics-')), 'metrics.yaml');
writeFileSync(file, source);
const catalog = await loadCatalogFile(file);
const metrics = catalog.competencies.flatMap((c) =>
  c.versions.flatMap((v) => v.options.flatMap((o) => o.levels.flatMap((l) => everyOfKind(l.requirements, 'metric')))),
);
const metric = (id: string) => metrics.find((m) => m.id === id) as MetricRequirement;
const seats = metric('seats');
const newCustomers = metric('customers');
const day = (text: string) => parseDay(text) as number;

const START = day('2016-06-01');
const END = day('2018-12-31');
const date = fc.integer({ min: START, max: END }).map(formatDay);
const period = fc
  .tuple(date, fc.option(date, { freq: 2 }))
  .map(([a, b]) => (b === null ? { from: a } : a <= b ? { from: a, to: b } : { from: b, to: a }));
const CUSTOMERS = 5;
const customer = fc.integer({ min: 0, max: CUSTOMERS - 1 }).map((i) => `c${i}`);
// Ids, aliases and other products: a product is read by the catalog's registry whatever the file writes.
const product = fc.constantFrom('office-365', 'o365', 'surface-hub');
const OTHER_TYPES = ASSOCIATION_TYPES.filter((t) => t !== 'dpor' && t !== 'transacting-partner' && t !== 'delegated-admin');

/** Random organizations with the data metrics read: association periods of every type, subscriptions, consumption, devices. */
const organization = fc.record({
  id: fc.constant('metrics'),
  market: fc.constantFrom('developed', 'developing'),
  customers: fc
    .array(
      fc.record({
        dpor: fc.array(period, { maxLength: 1 }),
        associations: fc.array(
          // Mostly the types the catalog's tests accept, so that counts reach their thresholds.
          fc
            .tuple(fc.constantFrom('transacting-partner', 'transacting-partner', 'delegated-admin', ...OTHER_TYPES), period)
            .map(([type, p]) => ({ type, ...p })),
          { maxLength: 2 },
        ),
      }),
      { minLength: CUSTOMERS, maxLength: CUSTOMERS },
    )
    .map((list) => list.map((c, i) => ({ id: `c${i}`, ...c }))),
  revenue: fc.array(
    fc.record({
      customer,
      product,
      date,
      amount: fc.integer({ min: 0, max: 800 }).map(String),
      currency: fc.constant('USD'),
      attribution: fc.option(fc.constantFrom(...ASSOCIATION_TYPES), { nil: undefined }),
    }),
    { maxLength: 6 },
  ),
  subscriptions: fc.array(
    fc
      .tuple(customer, product, fc.integer({ min: 1, max: 60 }), period, fc.boolean())
      .map(([c, p, n, span, trial]) => ({ customer: c, product: p, seats: n, ...span, ...(trial && { trial: true }) })),
    { maxLength: 10 },
  ),
  consumption: fc.array(
    fc.record({ customer, date, amount: fc.integer({ min: 0, max: 6000 }).map(String), currency: fc.constant('USD') }),
    { maxLength: 6 },
  ),
  devices: fc.array(fc.record({ product, date, units: fc.integer({ min: 1, max: 8 }) }), { maxLength: 8 }),
});
type Document = typeof organization extends fc.Arbitrary<infer T> ? T : never;

/** Whether a period of the file (dates as text, `to` absent when open) covers a day. */
const covers = (p: { from: string; to?: string }, d: number) => day(p.from) <= d && (p.to === undefined || d <= day(p.to));
/** The customer's periods of the types the requirement accepts, read from the file. */
const accepted = (doc: Document, id: string, requirement: MetricRequirement) => {
  const c = doc.customers.find((x) => x.id === id);
  if (!c) return [];
  return [
    ...(requirement.associations.includes('dpor') ? c.dpor : []),
    ...c.associations.filter((a) => requirement.associations.includes(a.type)),
  ];
};
const onProduct = (written: string, requirement: MetricRequirement) =>
  requirement.products.includes(catalog.findProduct(written)?.id ?? '');

/** The reference for active entitlements: every subscription, asked on the day whether it and its customer count. */
function bruteSeats(doc: Document, d: number): number {
  let total = 0;
  for (const s of doc.subscriptions) {
    if ('trial' in s || !covers(s, d) || !onProduct(s.product, seats)) continue;
    if (accepted(doc, s.customer, seats).some((p) => covers(p, d))) total += s.seats;
  }
  return total;
}

/**
 * The reference for new customers: walk every day from the data's start and find each customer's first day with an
 * accepted association; new when that day lies in the trailing twelve months and the customer holds the product.
 */
function bruteNewCustomers(doc: Document, d: number): number {
  let count = 0;
  for (const c of doc.customers) {
    let first: number | null = null;
    for (let x = START; x <= d && first === null; x++) if (accepted(doc, c.id, newCustomers).some((p) => covers(p, x))) first = x;
    if (first === null || first <= oneYearBefore(d)) continue;
    const holds = doc.subscriptions.some(
      (s) => s.customer === c.id && !('trial' in s) && covers(s, d) && onProduct(s.product, newCustomers),
    );
    if (holds) count += 1;
  }
  return count;
}

const asOf = fc.integer({ min: day('2017-01-01'), max: END });

describe('metric measures against brute force', () => {
  it('counts active entitlements as asking every subscription on the day does', () => {
    fc.assert(
      fc.property(organization, fc.array(asOf, { minLength: 1, maxLength: 8 }), (doc, days) => {
        const org = parseOrganization(doc);
        const inputs = { catalog, organization: org, policy: catalog.policy };
        for (const d of days) expect(Number(countMetric(seats, inputs, d).toString())).toBe(bruteSeats(doc, d));
      }),
      { numRuns: 300 },
    );
  });

  it('counts new customers as walking every day to each customer’s first accepted association does', () => {
    fc.assert(
      fc.property(organization, fc.array(asOf, { minLength: 1, maxLength: 4 }), (doc, days) => {
        const org = parseOrganization(doc);
        const inputs = { catalog, organization: org, policy: catalog.policy };
        for (const d of days) expect(Number(countMetric(newCustomers, inputs, d).toString())).toBe(bruteNewCustomers(doc, d));
      }),
      { numRuns: 200 },
    );
  });

  it('the references see non-zero counts, so the comparisons are not vacuous', () => {
    const samples = fc.sample(fc.tuple(organization, asOf), { numRuns: 200, seed: 12 });
    expect(samples.filter(([doc, d]) => bruteSeats(doc, d) > 0).length).toBeGreaterThan(20);
    expect(samples.filter(([doc, d]) => bruteNewCustomers(doc, d) > 0).length).toBeGreaterThan(10);
  });
});

describe('forecast of metrics and accepted association types', () => {
  it('finds exactly the days a day-by-day evaluation finds, each with a cause', async () => {
    await fc.assert(
      fc.asyncProperty(
        organization,
        fc.integer({ min: day('2017-06-01'), max: day('2018-10-31') }),
        fc.integer({ min: 30, max: 240 }),
        fc.constantFrom('within-period', 'associated-at-as-of'),
        async (doc, from, length, association) => {
          const org = parseOrganization(doc);
          const policy = { revenueAssociation: association } as const;
          const result = await forecast(catalog, org, from, from + length, policy);
          const found = result.changes.map((c) => `${c.date} ${c.competency}/${c.option}/${c.level} continues ${c.status}`);
          const expected = await dayByDayChanges((d) => evaluate(catalog, org, { asOf: d, policy }), from, from + length);
          expect(found.sort()).toEqual(expected);
          for (const change of result.changes) expect(change.causes.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds metric changes in the random data, so the comparison above is not vacuous', async () => {
    const samples = fc.sample(organization, { numRuns: 100, seed: 7 });
    const codes = new Set<string>();
    const byLevel = new Map<string, number>();
    for (const doc of samples) {
      const result = await forecast(catalog, parseOrganization(doc), day('2017-06-01'), day('2018-12-31'));
      for (const change of result.changes) {
        byLevel.set(change.competency, (byLevel.get(change.competency) ?? 0) + 1);
        for (const cause of change.causes) codes.add(cause.code);
      }
    }
    // Every competency of the catalog changes somewhere, for the reasons each measure has.
    expect([...byLevel.keys()].sort()).toEqual(['cloud-platform', 'cloud-productivity', 'devices-deployment', 'small-midmarket']);
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'consumption.enters',
        'customer.no-longer-new',
        'devices.enter',
        'subscription.ends',
        'subscription.starts',
      ]),
    );
  });
});
