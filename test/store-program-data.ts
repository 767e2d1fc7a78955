import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { Decimal } from '../src/core/decimal.js';
import { ASSOCIATION_TYPES, type Organization } from '../src/engine/organization.js';
import { type OrganizationDocument, organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { applyAdditions } from '../src/importers/apply-additions.js';
import { planImport } from '../src/importers/plan-import.js';
import type { Actor, OrganizationAdditions, Store } from '../src/store/store.js';
import type { StoreDatabase } from '../src/store/store-database.js';

const CLI: Actor = { kind: 'cli', id: 'cli:test' };
const day = (text: string) => parseDay(text) as number;

const START = day('2016-01-01');
const END = day('2019-06-30');
const dayText = fc.integer({ min: START, max: END }).map(formatDay);
/** A period as the file writes it, `to` absent (open) or on or after `from`. */
const period = fc
  .tuple(fc.integer({ min: START, max: END }), fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }))
  .map(([from, length]) => ({ from: formatDay(from), ...(length !== undefined && { to: formatDay(from + length) }) }));
const amount = fc
  .tuple(fc.integer({ min: -1_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, scale]) => (Decimal.parse(String(units)) as Decimal).toString() + (scale > 0 ? `.${'5'.repeat(scale)}` : ''));
const text = fc.constantFrom('SQL Database', 'Virtual Machines', 'Storage', '台北', '서울');
const others = ASSOCIATION_TYPES.filter((t) => t !== 'dpor');

/**
 * An organization document with every kind of the program's data, each optional field sometimes there and sometimes
 * not: customers' countries and associations, passes that expire, attributed revenue, subscriptions (trials, open
 * ends, ids), consumption (services) and devices.
 */
export const programDataDocument = (id: string) =>
  fc
    .integer({ min: 1, max: 4 })
    .chain((customerCount) => {
      const customer = fc.integer({ min: 0, max: customerCount - 1 }).map((i) => `c${i}`);
      return fc.record({
        people: fc.array(
          fc.record({
            exams: fc.array(
              fc
                .tuple(fc.constantFrom('MB2-714', 'AZ-900', 'MCSA-O365'), dayText, fc.option(fc.integer({ min: 0, max: 900 })))
                .map(([exam, passed, valid]) => ({
                  exam,
                  passed,
                  ...(valid !== null && { expires: formatDay(day(passed) + valid) }),
                })),
              { maxLength: 4 },
            ),
          }),
          { maxLength: 4 },
        ),
        customers: fc.tuple(
          ...Array.from({ length: customerCount }, () =>
            fc.record(
              {
                country: fc.constantFrom('TW', 'KR', 'US'),
                dpor: fc.array(period, { maxLength: 2 }),
                associations: fc.array(
                  fc.tuple(fc.constantFrom(...others), period).map(([type, p]) => ({ type, ...p })),
                  { minLength: 1, maxLength: 3 },
                ),
              },
              { requiredKeys: ['dpor'] },
            ),
          ),
        ),
        revenue: fc.array(
          fc.record(
            {
              customer,
              product: fc.constantFrom('crm-online', 'd365-plan-1'),
              date: dayText,
              amount,
              currency: fc.constant('USD'),
              netNew: fc.boolean(),
              attribution: fc.constantFrom(...ASSOCIATION_TYPES),
            },
            { requiredKeys: ['customer', 'product', 'date', 'amount', 'currency', 'netNew'] },
          ),
          { maxLength: 6 },
        ),
        subscriptions: fc.array(
          fc
            .tuple(
              fc.option(fc.uuid(), { nil: undefined }),
              customer,
              fc.constantFrom('o365-e3', 'power-bi-pro'),
              fc.integer({ min: 0, max: 100_000 }),
              period,
              fc.boolean(),
            )
            .map(([subscription, c, product, seats, p, trial]) => ({
              ...(subscription !== undefined && { id: subscription }),
              customer: c,
              product,
              seats,
              ...p,
              ...(trial && { trial }),
            })),
          { maxLength: 5 },
        ),
        consumption: fc.array(
          fc.record(
            { customer, date: dayText, amount, currency: fc.constantFrom('USD', 'EUR'), service: text },
            { requiredKeys: ['customer', 'date', 'amount', 'currency'] },
          ),
          { maxLength: 5 },
        ),
        devices: fc.array(fc.record({ product: fc.constantFrom('surface-hub', 'hololens'), date: dayText, units: fc.nat(500) }), {
          maxLength: 4,
        }),
      });
    })
    .map(
      (parts): OrganizationDocument => ({
        id,
        market: 'developed',
        fx: { EUR: '1.1993' },
        people: parts.people.map((p, i) => ({ id: `p${i}`, ...p })),
        customers: parts.customers.map((c, i) => ({ id: `c${i}`, ...c })),
        revenue: parts.revenue,
        // Distinct subscription ids, as the format requires.
        subscriptions: parts.subscriptions.filter((s, i, all) => s.id === undefined || all.findIndex((t) => t.id === s.id) === i),
        consumption: parts.consumption,
        devices: parts.devices,
      }),
    );

/**
 * The program's data beyond revenue and exams, on one backend: every write path (a replace, a bulk load, additions)
 * keeps all of it, as it was and in its order; deleting counts it. `use` gives the contract's store once it is open.
 */
export function defineProgramDataCases(use: () => { readonly store: Store; readonly db: Kysely<StoreDatabase> }): void {
  const plain = (o: Organization | undefined) => o && organizationDocument(o);

  it('keeps associations, countries, expiring passes, attributions, subscriptions, consumption and devices: replace and bulk load', async () => {
    const { store } = use();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(programDataDocument('wide'), async (document) => {
        runs++;
        const original = parseOrganization(document);
        await store.replaceOrganization(original, CLI);
        expect(plain(await store.getOrganization('wide'))).toEqual(plain(original));
        // The bulk load encodes its rows apart from a replace: the same organization under another id, and again
        // over itself, which deletes what the first load wrote.
        const loaded = { ...original, id: 'wide-loaded' };
        for (let i = 0; i < 2; i++) {
          const [outcome] = await store.replaceOrganizations([loaded], CLI);
          expect(outcome?.status).toBe(i === 0 && runs === 1 ? 'created' : 'replaced');
        }
        expect(plain(await store.getOrganization('wide-loaded'))).toEqual(plain(loaded));
      }),
      { numRuns: 12, seed: 20261130 },
    );
    const streamed = new Map<string, Organization>();
    for await (const o of store.streamOrganizations()) streamed.set(o.id, o);
    expect(plain(streamed.get('wide-loaded'))).toEqual(plain(await store.getOrganization('wide-loaded')));
    expect(plain(streamed.get('wide-loaded'))?.subscriptions).toEqual(plain(await store.getOrganization('wide'))?.subscriptions);
  }, 120_000);

  it('stores nothing more for data without the new fields: no expiry days, no attributions', async () => {
    const { store, db } = use();
    const seeds = parseOrganization({
      id: 'seeds-shaped',
      market: 'developed',
      people: [{ id: 'p1', exams: [{ exam: 'MB2-714', passed: '2017-01-01' }] }],
      customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }],
      revenue: [{ customer: 'c1', product: 'x', date: '2017-01-31', amount: '1', currency: 'USD', netNew: true }],
    });
    await store.replaceOrganization(seeds, CLI);
    const stored = await sql<{ expires: boolean; attributions: boolean; associations: boolean }>`select
        (select expires is null from people where org_id = 'seeds-shaped') as expires,
        (select attributions is null from revenue_chunks where org_id = 'seeds-shaped') as attributions,
        (select association_types is null from customers where org_id = 'seeds-shaped') as associations`.execute(db);
    expect(stored.rows[0]).toEqual({ expires: true, attributions: true, associations: true });
    expect(plain(await store.getOrganization('seeds-shaped'))).toEqual(plain(seeds));
  });

  it('adds the program data to a stored organization as applyAdditions says, and counts it in the audit log', async () => {
    const { store, db } = use();
    const base = parseOrganization({
      id: 'program-adds',
      market: 'developed',
      people: [
        { id: 'p1', exams: [{ exam: 'E1', passed: '2017-01-01' }] },
        { id: 'p2', exams: [{ exam: 'E2', passed: '2017-01-01', expires: '2018-01-01' }] },
      ],
      customers: [{ id: 'c1', country: 'TW', dpor: [], associations: [{ type: 'pal', from: '2017-01-01' }] }],
      revenue: [
        { customer: 'c1', product: 'x', date: '2017-01-31', amount: '1', currency: 'USD', netNew: true, attribution: 'pal' },
      ],
      subscriptions: [{ customer: 'c1', product: 'o365', seats: 10, from: '2017-01-01' }],
    });
    await store.replaceOrganization(base, CLI);
    const additions: OrganizationAdditions = {
      people: [],
      // p1 had no expiring pass: its expiry days start now, nulls for the passes before.
      exams: [
        { person: 'p1', exam: 'E3', passed: day('2018-01-01'), expires: day('2020-01-01') },
        { person: 'p2', exam: 'E4', passed: day('2018-01-01') },
      ],
      customers: [
        { id: 'c1', name: null },
        { id: 'c2', name: 'Two', country: 'KR' },
      ],
      dpor: [],
      associations: [
        { customer: 'c2', type: 'transacting-partner', from: day('2018-01-01'), to: day('2018-12-31') },
        { customer: 'c1', type: 'cpor', from: day('2018-02-01'), to: null },
      ],
      revenue: [
        {
          customer: 'c2',
          product: 'y',
          date: day('2018-01-31'),
          amount: Decimal.parse('1') as Decimal,
          currency: 'USD',
          netNew: true,
          attribution: 'transacting-partner',
        },
      ],
      subscriptions: [{ id: 's2', customer: 'c2', product: 'o365', seats: 5, from: day('2018-01-01'), to: null, trial: true }],
      consumption: [{ customer: 'c2', date: day('2018-01-01'), amount: Decimal.parse('12.5') as Decimal, currency: 'USD' }],
      devices: [{ product: 'surface-hub', date: day('2018-03-01'), units: 2 }],
    };
    await store.addToOrganization('program-adds', additions, CLI, 'import.test');
    const expected = applyAdditions(base, additions);
    expect(plain(await store.getOrganization('program-adds'))).toEqual(plain(expected));
    expect(expected.customers[0]?.country).toBe('TW');
    expect(expected.people[0]?.exams.map((e) => e.expires)).toEqual([undefined, day('2020-01-01')]);
    const [entry] = await store.auditLog({ org: 'program-adds', limit: 1 });
    expect(entry?.detail).toEqual({
      people: 0,
      exams: 2,
      customers: 2,
      dpor: 0,
      revenue: 1,
      associations: 2,
      subscriptions: 1,
      consumption: 1,
      devices: 1,
    });
    // A second addition numbers its chunks on from the first's.
    await store.addToOrganization(
      'program-adds',
      { people: [], exams: [], customers: [], dpor: [], revenue: [], devices: [{ product: 'hololens', date: 0, units: 1 }] },
      CLI,
      'import.test',
    );
    const chunks = await sql<{ first_seq: number }>`
      select first_seq from device_chunks where org_id = 'program-adds' order by first_seq`.execute(db);
    expect(chunks.rows.map((r) => r.first_seq)).toEqual([0, 1]);
    expect((await store.getOrganization('program-adds'))?.devices.map((d) => d.product)).toEqual(['surface-hub', 'hololens']);
    await store.deleteOrganization('program-adds', CLI);
    const [deleted] = await store.auditLog({ org: 'program-adds', limit: 1 });
    expect(deleted?.detail).toMatchObject({ associations: 3, subscriptions: 2, consumption: 1, devices: 2, revenue: 2 });
    for (const table of ['subscription_chunks', 'consumption_chunks', 'device_chunks'] as const) {
      const left = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table)} where org_id = 'program-adds'`.execute(db);
      expect([table, left.rows[0]?.n]).toEqual([table, 0]);
    }
  });

  it('stores what the new import kinds plan, as they plan it, and a second import of each changes nothing', async () => {
    const { store } = use();
    const catalog = await loadShippedCatalog();
    const contoso = parseOrganization({ ...JSON.parse(readFileSync('examples/contoso-dynamics.json', 'utf8')), id: 'imported' });
    await store.replaceOrganization(contoso, CLI);
    const files = [
      'contoso-partner-center-subscriptions.csv',
      'contoso-dynamics-365-usage.csv',
      'contoso-partner-center-azure.csv',
      'contoso-partner-center-trainings.csv',
      'contoso-partner-center-revenue.csv',
    ];
    for (const file of files) {
      const text = readFileSync(`examples/imports/${file}`, 'utf8');
      const importOnce = async () => {
        const existing = await store.getOrganization('imported');
        const plan = planImport({ existing, orgId: 'imported', text, file, catalog, skipInvalid: true });
        if (plan.changed) await store.addToOrganization('imported', plan.additions, CLI, `import.${plan.kind}`);
        return plan;
      };
      const plan = await importOnce();
      expect(plan.changed, file).toBe(true);
      expect(plain(await store.getOrganization('imported')), file).toEqual(plain(plan.organization));
      expect((await importOnce()).changed, file).toBe(false);
    }
    const stored = await store.getOrganization('imported');
    expect(stored?.subscriptions.length).toBeGreaterThan(5);
    expect(stored?.consumption).toHaveLength(2);
    expect(stored?.customers.filter((c) => c.associations !== undefined).length).toBeGreaterThan(1);
    await store.deleteOrganization('imported', CLI);
  });

  it('reads what additions bring to an organization that had none of the program data', async () => {
    const { store } = use();
    const plainOne = parseOrganization({
      id: 'program-later',
      market: 'developed',
      people: [{ id: 'p1', exams: [] }],
      customers: [{ id: 'c1', dpor: [] }],
    });
    await store.replaceOrganization(plainOne, CLI);
    const additions: OrganizationAdditions = {
      people: [],
      exams: [{ person: 'p1', exam: 'E', passed: day('2018-01-01'), expires: day('2019-01-01') }],
      customers: [],
      dpor: [],
      revenue: [
        {
          customer: 'c1',
          product: 'x',
          date: day('2018-01-31'),
          amount: Decimal.parse('5') as Decimal,
          currency: 'USD',
          netNew: true,
          attribution: 'pal',
        },
      ],
    };
    await store.addToOrganization('program-later', additions, CLI, 'import.test');
    expect(plain(await store.getOrganization('program-later'))).toEqual(plain(applyAdditions(plainOne, additions)));
    // Replaced by data without any, it reads as that data.
    await store.replaceOrganization(plainOne, CLI);
    expect(plain(await store.getOrganization('program-later'))).toEqual(plain(plainOne));
    await store.deleteOrganization('program-later', CLI);
  });

  it('refuses additions whose associations, subscriptions or consumption name an unknown customer', async () => {
    const { store } = use();
    await store.replaceOrganization(parseOrganization({ id: 'program-refs', market: 'developed' }), CLI);
    const error = await store
      .addToOrganization(
        'program-refs',
        {
          people: [],
          exams: [],
          customers: [],
          dpor: [],
          revenue: [],
          associations: [{ customer: 'x1', type: 'pal', from: 0, to: null }],
          subscriptions: [{ id: null, customer: 'x2', product: 'p', seats: 1, from: 0, to: null, trial: false }],
          consumption: [{ customer: 'x3', date: 0, amount: Decimal.parse('1') as Decimal, currency: 'USD' }],
        },
        CLI,
        'import.test',
      )
      .then(
        () => undefined,
        (e: { issues: { path: string }[] }) => e,
      );
    expect(error?.issues.map((i) => i.path)).toEqual([
      '$.associations[0].customer',
      '$.subscriptions[0].customer',
      '$.consumption[0].customer',
    ]);
  });

  it('reads attributions of a later revenue chunk when an earlier chunk has none', async () => {
    const { store, db } = use();
    const record = (i: number) => ({
      customer: 'c1',
      product: 'x',
      date: '2017-01-31',
      amount: `${i}`,
      currency: 'USD',
      netNew: true,
      ...(i === 10_001 && { attribution: 'cpor' as const }),
    });
    const original = parseOrganization({
      id: 'attributed-chunks',
      market: 'developed',
      customers: [{ id: 'c1', dpor: [] }],
      revenue: Array.from({ length: 10_003 }, (_, i) => record(i)),
    });
    await store.replaceOrganization(original, CLI);
    const chunks = await sql<{ none: boolean }>`
      select attributions is null as none from revenue_chunks where org_id = 'attributed-chunks' order by first_seq`.execute(db);
    expect(chunks.rows.map((r) => r.none)).toEqual([true, false]);
    const read = await store.getOrganization('attributed-chunks');
    expect(read?.revenue.flatMap((r, i) => (r.attribution ? [[i, r.attribution]] : []))).toEqual([[10_001, 'cpor']]);
    await store.deleteOrganization('attributed-chunks', CLI);
  });
}
