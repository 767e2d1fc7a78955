import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import { parseDay } from '../src/core/day.js';
import { Decimal } from '../src/core/decimal.js';
import type { Organization } from '../src/engine/organization.js';
import { type OrganizationDocument, organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { encodeLoadBatch } from '../src/store/load-batch.js';
import type { Actor, OrganizationAdditions, Store } from '../src/store/store.js';
import type { StoreDatabase } from '../src/store/store-database.js';
import { storeMigrations } from '../src/store/store-migrations.js';
import { defineProgramDataCases } from './store-program-data.js';

/** A store to test, with its database for looking at what is really stored. */
export interface StoreUnderTest {
  readonly store: Store;
  readonly db: Kysely<StoreDatabase>;
}

export interface StoreFactory {
  /** Opens the store; every call opens the same database (the first one creates it). */
  open(): Promise<StoreUnderTest>;
  /** Removes what the factory created (a schema, a directory), after the last store is closed. */
  dispose(): Promise<void>;
}

const EXAMPLES = ['contoso-dynamics.json', 'fabrikam-ops.yaml'].map((f) =>
  fileURLToPath(new URL(`../examples/${f}`, import.meta.url)),
);
const CLI: Actor = { kind: 'cli', id: 'cli:import' };
const API: Actor = { kind: 'token', id: 'tok_test' };
const NO_ADDITIONS: OrganizationAdditions = { people: [], exams: [], customers: [], dpor: [], revenue: [] };
const TABLES = [
  'organizations',
  'fx_rates',
  'people',
  'exam_passes',
  'customers',
  'dpor_periods',
  'revenue_chunks',
  'api_tokens',
  'audit_log',
] as const;

/** An organization from a document, through the same validation as files. */
export function organization(document: Partial<OrganizationDocument> & { readonly id: string }): Organization {
  return parseOrganization({ market: 'developed', people: [], customers: [], revenue: [], ...document });
}

/** Whether any row of any table, as text, contains `needle`. */
async function stored(db: Kysely<StoreDatabase>, needle: string): Promise<boolean> {
  for (const table of TABLES) {
    const hit = await sql<{ hit: boolean }>`
      select exists (select 1 from ${sql.table(table)} t where strpos(t::text, ${needle}) > 0) as hit`.execute(db);
    if (hit.rows[0]?.hit) return true;
  }
  return false;
}

async function rejection(promise: Promise<unknown>): Promise<AttainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AttainError);
  return error as AttainError;
}

/** The whole organization as plain JSON: amounts and dates as the strings they mean, records in order. */
function plain(o: Organization | undefined): OrganizationDocument | undefined {
  return o && organizationDocument(o);
}

/**
 * The behaviour every Store must have, run against each backend with one shared store (opening PGlite takes
 * seconds). Tests use their own organization ids, so their order does not matter except for the last, which reopens.
 */
export function defineStoreContract(name: string, makeFactory: () => Promise<StoreFactory>): void {
  describe(`Store contract: ${name}`, () => {
    let factory: StoreFactory;
    let store: Store;
    let db: Kysely<StoreDatabase>;

    beforeAll(async () => {
      factory = await makeFactory();
      ({ store, db } = await factory.open());
    }, 120_000);

    afterAll(async () => {
      await store?.close();
      await factory?.dispose();
    }, 60_000);

    defineProgramDataCases(() => ({ store, db }));

    it('counts an individual (MCID) for one organization at a time: replace, additions and bulk loads refuse a taken one', async () => {
      const person = (id: string, mcid: string) => ({ id, mcid, exams: [] });
      const ana = organization({ id: 'mcid-a', people: [{ ...person('p1', 'M-100'), name: 'Ana' }] });
      await store.replaceOrganization(ana, API);
      expect((await store.getOrganization('mcid-a'))?.people).toEqual([{ id: 'p1', name: 'Ana', mcid: 'M-100', exams: [] }]);
      // Writing the holder again is no conflict with itself.
      await store.replaceOrganization(ana, API);

      const put = await rejection(
        store.replaceOrganization(organization({ id: 'mcid-b', people: [person('q1', 'M-100')] }), API),
      );
      expect(put.code).toBe('org.mcid.taken');
      expect(put.issues).toEqual([
        { code: 'org.mcid.taken', path: '$.people[0].mcid', params: { mcid: 'M-100', person: 'q1', organization: 'mcid-a' } },
      ]);
      expect(await store.getOrganization('mcid-b')).toBeUndefined();

      await store.replaceOrganization(organization({ id: 'mcid-b' }), API);
      const claim = { ...NO_ADDITIONS, people: [{ id: 'q1', name: 'Ana', mcid: 'M-100' }] };
      const added = await rejection(store.addToOrganization('mcid-b', claim, API, 'import.exams'));
      expect(added.issues[0]?.params).toEqual({ mcid: 'M-100', person: 'q1', organization: 'mcid-a' });
      expect((await store.getOrganization('mcid-b'))?.people).toEqual([]);

      // One organization claiming someone is refused; the others of the load are written.
      const outcomes = await store.replaceOrganizations(
        [
          organization({ id: 'mcid-c', people: [person('r1', 'M-100')] }),
          organization({ id: 'mcid-d', people: [person('s1', 'M-200')] }),
          organization({ id: 'mcid-e', people: [person('t1', 'M-200')] }),
        ],
        API,
      );
      expect(outcomes.map((o) => o.status)).toEqual(['refused', 'created', 'refused']);
      const refusedBy = outcomes.map((o) => ('error' in o ? o.error.issues[0]?.params.organization : undefined));
      expect(refusedBy).toEqual(['mcid-a', undefined, 'mcid-d']);
      // A batch encoded elsewhere (attain load) is checked in its own transaction.
      const batch = await store.writeLoadBatch(
        encodeLoadBatch([organization({ id: 'mcid-f', people: [{ id: 'u0', exams: [] }, person('u1', 'M-200')] })]),
        API,
      );
      expect('error' in batch && batch.error.issues).toEqual([
        { code: 'org.mcid.taken', path: '$.people[1].mcid', params: { mcid: 'M-200', person: 'u1', organization: 'mcid-d' } },
      ]);
      expect(await store.getOrganization('mcid-f')).toBeUndefined();

      // Once the first organization no longer lists them, another may.
      await store.replaceOrganization(organization({ id: 'mcid-a' }), API);
      await store.addToOrganization('mcid-b', claim, API, 'import.exams');
      expect((await store.getOrganization('mcid-b'))?.people).toEqual([{ id: 'q1', name: 'Ana', mcid: 'M-100', exams: [] }]);
      // A writer that skips the check still cannot store one individual twice.
      await expect(
        sql`insert into people (org_id, seq, id, mcid) values ('mcid-d', 9, 'v1', 'M-100')`.execute(db),
      ).rejects.toThrow(/people_mcid/);
    });

    it('round-trips the example organizations through replace and get', async () => {
      for (const file of EXAMPLES) {
        const original = await readOrganizationFile(file);
        const { created } = await store.replaceOrganization(original, CLI);
        expect(created).toBe(true);
        expect(plain(await store.getOrganization(original.id))).toEqual(plain(original));
      }
      expect(await store.getOrganization('no-such-organization')).toBeUndefined();
    });

    it('keeps any market, as catalogs declare their own, and gives it back', async () => {
      const rules = { currency: 'USD', markets: ['tier-1', 'tier-2'] };
      const original = parseOrganization({ id: 'tiered', market: 'tier-2' }, rules);
      await store.replaceOrganization(original, CLI);
      expect((await store.getOrganization('tiered'))?.market).toBe('tier-2');
      await store.deleteOrganization('tiered', CLI);
    });

    it('keeps exact decimals, currencies, fx rates, dates and record order', async () => {
      const amounts = ['0.1', '12345678901234567890.123456', '-42.5', '0.000001', '1000000', '7'];
      const dates = ['2016-02-29', '2017-12-31', '1999-01-01', '2038-01-19', '2016-02-29', '2000-02-29'];
      const currencies = ['USD', 'EUR', 'JPY', 'TWD', 'EUR', 'USD'];
      const original = organization({
        id: 'exact',
        name: '精確 Exact',
        country: 'TW',
        fx: { EUR: '1.0850', JPY: '0.0067', TWD: '0.03125000000000000001' },
        customers: [
          {
            id: 'c-b',
            name: 'Second by name, first in file',
            dpor: [{ from: '2016-02-29', to: '2016-12-31' }, { from: '2017-03-01' }],
          },
          { id: 'c-a', dpor: [] },
        ],
        people: [
          {
            id: 'z',
            name: 'Zoë',
            exams: [
              { exam: 'MB2-716', passed: '2016-02-29' },
              { exam: 'mb2 715', passed: '2015-01-01' },
            ],
          },
        ],
        revenue: amounts.map((amount, i) => ({
          customer: i % 2 ? 'c-a' : 'c-b',
          product: `product-${5 - i}`,
          date: dates[i] ?? '',
          amount,
          currency: currencies[i] ?? '',
          netNew: i % 3 !== 0,
        })),
      });
      await store.replaceOrganization(original, CLI);
      const back = await store.getOrganization('exact');
      expect(plain(back)).toEqual(plain(original));
      expect(back?.revenue.map((r) => r.amount.toString())).toEqual([
        '0.1',
        '12345678901234567890.123456',
        '-42.5',
        '0.000001',
        '1000000',
        '7',
      ]);
      expect(back?.revenue.map((r) => r.date)).toEqual(dates.map((d) => parseDay(d)));
      expect(back?.revenue.map((r) => r.currency)).toEqual(currencies);
      expect(back?.revenue.map((r) => r.netNew)).toEqual([false, true, true, false, true, true]);
      expect([...(back?.fx ?? [])].map(([c, r]) => `${c}=${r}`)).toEqual([
        'EUR=1.085',
        'JPY=0.0067',
        'TWD=0.03125000000000000001',
      ]);
      expect(back?.customers.map((c) => c.id)).toEqual(['c-b', 'c-a']);
      expect(back?.customers[0]?.dpor).toEqual([
        { from: parseDay('2016-02-29'), to: parseDay('2016-12-31') },
        { from: parseDay('2017-03-01'), to: null },
      ]);
      expect(back?.customers[1]?.name).toBeNull();
      expect(back?.people[0]?.exams.map((e) => e.exam)).toEqual(['MB2-716', 'mb2 715']);
      // Amounts are exact Decimals, not floats that print the same.
      expect(back?.revenue[1]?.amount.cmp(Decimal.parse('12345678901234567890.123456') as Decimal)).toBe(0);
    });

    it('reads dates and numerics as the database text, not Date objects or floats', async () => {
      const row = await sql<{ d: unknown; n: unknown; ds: unknown; ns: unknown }>`
        select date '2016-02-29' as d, 12345678901234567890.123456::numeric as n,
          array[date '2000-01-01', null] as ds, array[0.1::numeric, null] as ns`.execute(db);
      expect(row.rows[0]).toEqual({
        d: '2016-02-29',
        n: '12345678901234567890.123456',
        ds: ['2000-01-01', null],
        ns: ['0.1', null],
      });
    });

    it('replaces an organization whole', async () => {
      const first = organization({
        id: 'whole',
        name: 'First',
        fx: { EUR: '1.1' },
        people: [
          { id: 'p1', name: 'One', exams: [{ exam: 'MB2-716', passed: '2017-01-01' }] },
          { id: 'p2', name: 'Two', exams: [] },
        ],
        customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }],
        revenue: [{ customer: 'c1', product: 'crm-online', date: '2017-01-31', amount: '10', currency: 'EUR', netNew: true }],
      });
      const second = organization({
        id: 'whole',
        market: 'developing',
        country: 'VN',
        people: [{ id: 'p3', exams: [{ exam: 'MB6-705', passed: '2018-01-01' }] }],
        customers: [{ id: 'c2', dpor: [] }],
        revenue: [{ customer: 'c2', product: 'ax', date: '2018-01-31', amount: '5', currency: 'USD', netNew: false }],
      });
      expect(await store.replaceOrganization(first, CLI)).toEqual({ created: true });
      expect(await store.replaceOrganization(second, CLI)).toEqual({ created: false });
      expect(plain(await store.getOrganization('whole'))).toEqual(plain(second));
      const summary = (await store.listOrganizations()).find((s) => s.id === 'whole');
      expect(summary).toMatchObject({
        name: null,
        market: 'developing',
        country: 'VN',
        people: 1,
        customers: 1,
        revenueRecords: 1,
      });
    });

    it('adds records: upserts people and customers, appends the rest after what is stored', async () => {
      const base = organization({
        id: 'adds',
        people: [
          { id: 'p1', name: 'Old name', exams: [{ exam: 'E1', passed: '2017-01-01' }] },
          { id: 'p2', name: 'Kept', exams: [] },
        ],
        customers: [{ id: 'c1', name: 'Cust', dpor: [{ from: '2017-01-01' }] }],
        revenue: [{ customer: 'c1', product: 'r0', date: '2017-01-31', amount: '1', currency: 'USD', netNew: true }],
      });
      await store.replaceOrganization(base, CLI);
      const day = (text: string) => parseDay(text) as number;
      await store.addToOrganization(
        'adds',
        {
          people: [
            { id: 'p3', name: null },
            { id: 'p1', name: 'New name' },
            { id: 'p2', name: null },
            { id: 'p3', name: 'Three' },
          ],
          exams: [
            { person: 'p3', exam: 'E3', passed: day('2018-01-02') },
            { person: 'p1', exam: 'E2', passed: day('2018-01-01') },
          ],
          customers: [{ id: 'c2', name: null }],
          dpor: [{ customer: 'c1', from: day('2018-01-01'), to: day('2018-06-30') }],
          revenue: [
            {
              customer: 'c2',
              product: 'r1',
              date: day('2018-01-31'),
              amount: Decimal.parse('0.1') as Decimal,
              currency: 'USD',
              netNew: false,
            },
            {
              customer: 'c1',
              product: 'r2',
              date: day('2016-02-29'),
              amount: Decimal.parse('2.5') as Decimal,
              currency: 'EUR',
              netNew: true,
            },
          ],
        },
        API,
        'import.revenue',
        { file: 'rows.csv' },
      );
      const back = await store.getOrganization('adds');
      expect(back?.people.map((p) => [p.id, p.name, p.exams.map((e) => e.exam)])).toEqual([
        ['p1', 'New name', ['E1', 'E2']],
        ['p2', 'Kept', []],
        ['p3', 'Three', ['E3']],
      ]);
      expect(back?.customers.map((c) => [c.id, c.name, c.dpor.length])).toEqual([
        ['c1', 'Cust', 2],
        ['c2', null, 0],
      ]);
      expect(back?.revenue.map((r) => r.product)).toEqual(['r0', 'r1', 'r2']);
      expect(back?.revenue[2]).toEqual({
        customer: 'c1',
        product: 'r2',
        date: day('2016-02-29'),
        amount: Decimal.parse('2.5'),
        currency: 'EUR',
        netNew: true,
      });
      // A second addition continues after the first.
      await store.addToOrganization(
        'adds',
        {
          ...NO_ADDITIONS,
          revenue: [
            { customer: 'c2', product: 'r3', date: day('2018-02-28'), amount: Decimal.ZERO, currency: 'USD', netNew: true },
          ],
        },
        API,
        'import.revenue',
      );
      expect((await store.getOrganization('adds'))?.revenue.map((r) => r.product)).toEqual(['r0', 'r1', 'r2', 'r3']);
      const [entry] = await store.auditLog({ org: 'adds', limit: 1 });
      expect(entry).toMatchObject({ action: 'import.revenue', actor: API, org: 'adds', detail: { revenue: 1, people: 0 } });
      const [withDetail] = (await store.auditLog({ org: 'adds', limit: 2 })).slice(1);
      expect(withDetail?.detail).toEqual({
        people: 3,
        exams: 2,
        customers: 1,
        dpor: 1,
        revenue: 2,
        detail: { file: 'rows.csv' },
      });
    });

    it('rejects additions to an unknown organization, writing nothing', async () => {
      const auditBefore = await store.auditLog({ limit: 1 });
      const error = await rejection(
        store.addToOrganization('nobody', { ...NO_ADDITIONS, people: [{ id: 'p', name: null }] }, API, 'import.people'),
      );
      expect(error.code).toBe('store.not-found');
      expect(await store.getOrganization('nobody')).toBeUndefined();
      expect(await store.auditLog({ limit: 1 })).toEqual(auditBefore);
    });

    it('rejects additions referring to unknown people or customers, reporting each, and keeps the old data', async () => {
      const base = organization({
        id: 'refs',
        people: [{ id: 'p1', exams: [] }],
        customers: [{ id: 'c1', dpor: [] }],
        revenue: [{ customer: 'c1', product: 'x', date: '2017-01-31', amount: '1', currency: 'USD', netNew: true }],
      });
      await store.replaceOrganization(base, CLI);
      const before = plain(await store.getOrganization('refs'));
      const error = await rejection(
        store.addToOrganization(
          'refs',
          {
            people: [{ id: 'p2', name: 'New' }],
            exams: [
              { person: 'p2', exam: 'ok', passed: 0 },
              { person: 'ghost', exam: 'E', passed: 0 },
            ],
            customers: [],
            dpor: [],
            revenue: [
              { customer: 'c1', product: 'ok', date: 0, amount: Decimal.ZERO, currency: 'USD', netNew: true },
              { customer: 'c9', product: 'bad', date: 0, amount: Decimal.ZERO, currency: 'USD', netNew: true },
            ],
          },
          API,
          'import.revenue',
        ),
      );
      expect(error.code).toBe('store.reference.unknown');
      expect(error.issues.map((i) => [i.code, i.path])).toEqual([
        ['store.person.unknown', '$.exams[1].person'],
        ['store.customer.unknown', '$.revenue[1].customer'],
      ]);
      expect(plain(await store.getOrganization('refs'))).toEqual(before);
      // Revenue has no foreign key to customers: a replace checks them, for organizations assembled in code.
      const dangling = {
        ...base,
        revenue: [...base.revenue, { ...(base.revenue[0] as Organization['revenue'][number]), customer: 'c7' }],
      };
      const replaceError = await rejection(store.replaceOrganization(dangling, CLI));
      expect(replaceError.code).toBe('store.reference.unknown');
      expect(replaceError.issues).toEqual([
        { code: 'store.customer.unknown', path: '$.revenue[1].customer', params: { customer: 'c7' } },
      ]);
      expect(plain(await store.getOrganization('refs'))).toEqual(before);
    });

    it('rolls back a write that fails half-way: the old organization stays, with no audit entry', async () => {
      const base = organization({
        id: 'atomic',
        people: [{ id: 'p1', name: 'Before', exams: [{ exam: 'E', passed: '2017-01-01' }] }],
        customers: [{ id: 'c1', dpor: [] }],
        revenue: [{ customer: 'c1', product: 'before', date: '2017-01-31', amount: '1', currency: 'USD', netNew: true }],
      });
      await store.replaceOrganization(base, CLI);
      const before = plain(await store.getOrganization('atomic'));
      const audit = await store.auditLog({ org: 'atomic' });
      // PostgreSQL refuses a NUL character in text (readers refuse it first: this one is put in past them). The
      // revenue is written last, so by the time the bad product is sent, the old records are deleted and the new
      // people, customers and exams inserted.
      const valid = organization({
        id: 'atomic',
        name: 'After',
        people: [{ id: 'p2', exams: [{ exam: 'E2', passed: '2018-01-01' }] }],
        customers: [{ id: 'c2', dpor: [{ from: '2018-01-01' }] }],
        revenue: Array.from({ length: 3 }, (_, i) => ({
          customer: 'c2',
          product: i === 2 ? 'bad' : 'after',
          date: '2018-01-31',
          amount: '2',
          currency: 'USD',
          netNew: true,
        })),
      });
      const poisoned = {
        ...valid,
        revenue: valid.revenue.map((r) => (r.product === 'bad' ? { ...r, product: 'bad\u0000product' } : r)),
      };
      await expect(store.replaceOrganization(poisoned, CLI)).rejects.toThrow();
      expect(plain(await store.getOrganization('atomic'))).toEqual(before);
      await expect(
        store.addToOrganization(
          'atomic',
          {
            people: [{ id: 'p9', name: 'Added' }],
            exams: [{ person: 'p1', exam: 'E9', passed: 0 }],
            customers: [],
            dpor: [],
            revenue: [{ customer: 'c1', product: '\u0000', date: 0, amount: Decimal.ZERO, currency: 'USD', netNew: true }],
          },
          CLI,
          'import.revenue',
        ),
      ).rejects.toThrow();
      expect(plain(await store.getOrganization('atomic'))).toEqual(before);
      expect(await store.auditLog({ org: 'atomic' })).toEqual(audit);
      // The store is still usable after the failed transactions.
      await store.replaceOrganization({ ...base, name: 'Later' }, CLI);
      expect((await store.getOrganization('atomic'))?.name).toBe('Later');
    });

    it('deletes an organization with everything of it, and keeps the audit log', async () => {
      const doomed = organization({
        id: 'doomed',
        fx: { EUR: '1.1' },
        people: [{ id: 'p1', exams: [{ exam: 'E', passed: '2017-01-01' }] }],
        customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }],
        revenue: [{ customer: 'c1', product: 'x', date: '2017-01-31', amount: '1', currency: 'EUR', netNew: true }],
      });
      await store.replaceOrganization(doomed, CLI);
      const { token } = await store.createToken({ role: 'partner', org: 'doomed' }, CLI);
      expect(await store.hasOrganization('doomed')).toBe(true);
      expect(await store.deleteOrganization('doomed', API)).toBe(true);
      expect(await store.getOrganization('doomed')).toBeUndefined();
      expect(await store.hasOrganization('doomed')).toBe(false);
      expect((await store.listOrganizations()).map((s) => s.id)).not.toContain('doomed');
      expect((await store.listTokens()).map((t) => t.id)).not.toContain(token.id);
      for (const table of TABLES.filter((t) => t !== 'audit_log' && t !== 'organizations')) {
        const left = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where org_id = 'doomed'`.execute(
          db,
        );
        expect([table, left.rows[0]?.n]).toEqual([table, 0]);
      }
      const [entry] = await store.auditLog({ org: 'doomed', limit: 1 });
      expect(entry).toMatchObject({
        action: 'org.delete',
        actor: API,
        org: 'doomed',
        detail: { people: 1, customers: 1, revenue: 1 },
      });
      expect(await store.deleteOrganization('doomed', API)).toBe(false);
      expect((await store.auditLog({ org: 'doomed', limit: 1 }))[0]?.id).toBe(entry?.id);
    });

    it('keeps revenue tied to its organization and its chunks well formed in the database itself', async () => {
      const tied = organization({
        id: 'tied',
        customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }],
        revenue: [{ customer: 'c1', product: 'x', date: '2017-01-31', amount: '1', currency: 'USD', netNew: true }],
      });
      await store.replaceOrganization(tied, CLI);
      const count = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from revenue_records where org_id = 'tied'`.execute(db)).rows[0]?.n;
      // Revenue naming no stored organization, written past the store's own checks.
      await expect(
        sql`insert into revenue_chunks (org_id, first_seq, customers, products, dates, amounts, currencies, net_new)
          values ('nobody', 0, '{c1}', '{x}', '{2017-01-31}', '{1}', '{USD}', '{t}')`.execute(db),
      ).rejects.toMatchObject({ code: '23503', constraint: 'revenue_chunks_org_id_fkey' });
      await expect(sql`update revenue_chunks set org_id = 'nobody' where org_id = 'tied'`.execute(db)).rejects.toMatchObject({
        code: '23503',
      });
      await expect(sql`update organizations set id = 'renamed' where id = 'tied'`.execute(db)).rejects.toMatchObject({
        code: '23503',
      });
      // A chunk whose arrays do not line up would shift every record after the gap.
      await expect(sql`update revenue_chunks set amounts = '{1,2}' where org_id = 'tied'`.execute(db)).rejects.toMatchObject({
        code: '23514',
      });
      expect(await count()).toBe(1);
      // Deleting the organization's row alone takes its revenue along.
      await sql`delete from customers where org_id = 'tied'`.execute(db);
      await sql`delete from organizations where id = 'tied'`.execute(db);
      expect(await count()).toBe(0);
    });

    it('keeps revenue in chunks of 10,000 records, numbered on from the last one by additions', async () => {
      const customers = [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }];
      const record = (i: number) => ({
        customer: 'c1',
        product: 'x',
        date: '2017-01-31',
        amount: `${i}.01`,
        currency: 'USD',
        netNew: true,
      });
      await store.replaceOrganization(
        organization({ id: 'chunky', customers, revenue: Array.from({ length: 10_001 }, (_, i) => record(i)) }),
        CLI,
      );
      const more = organization({ id: 'chunky', customers, revenue: [record(10_001), record(10_002)] }).revenue;
      await store.addToOrganization('chunky', { ...NO_ADDITIONS, revenue: more }, CLI, 'import.revenue');
      const chunks = await sql<{ first_seq: number; n: number }>`
        select first_seq, cardinality(customers) as n from revenue_chunks where org_id = 'chunky' order by first_seq`.execute(db);
      expect(chunks.rows).toEqual([
        { first_seq: 0, n: 10_000 },
        { first_seq: 10_000, n: 1 },
        { first_seq: 10_001, n: 2 },
      ]);
      const read = await store.getOrganization('chunky');
      expect(read?.revenue.map((r) => r.amount.toString())).toEqual(Array.from({ length: 10_003 }, (_, i) => `${i}.01`));
      const view = await sql<{ seq: number; amount: string }>`
        select seq, amount::text as amount from revenue_records where org_id = 'chunky' and seq in (0, 9999, 10000, 10002)
        order by seq`.execute(db);
      expect(view.rows).toEqual([
        { seq: 0, amount: '0.01' },
        { seq: 9999, amount: '9999.01' },
        { seq: 10_000, amount: '10000.01' },
        { seq: 10_002, amount: '10002.01' },
      ]);
      expect((await store.listOrganizations()).find((o) => o.id === 'chunky')?.revenueRecords).toBe(10_003);
      expect(
        (await store.deleteOrganization('chunky', CLI)) && (await store.auditLog({ org: 'chunky', limit: 1 }))[0]?.detail,
      ).toMatchObject({
        revenue: 10_003,
      });
    });

    it('stores only a hash of token secrets; live tokens authenticate, revoked ones do not', async () => {
      await store.replaceOrganization(organization({ id: 'tokens' }), CLI);
      const admin = await store.createToken({ role: 'admin', org: null, label: 'ops' }, CLI);
      const partner = await store.createToken({ role: 'partner', org: 'tokens' }, API);
      for (const { secret } of [admin, partner]) {
        expect(secret).toMatch(/^att_[A-Za-z0-9_-]{43}$/);
        expect(await stored(db, secret)).toBe(false);
        expect(await stored(db, secret.slice(4))).toBe(false);
      }
      // The scan does find what is stored: the hash.
      const { createHash } = await import('node:crypto');
      expect(await stored(db, createHash('sha256').update(admin.secret).digest('hex'))).toBe(true);

      expect(admin.token).toMatchObject({ role: 'admin', org: null, label: 'ops', revokedAt: null });
      expect(partner.token).toMatchObject({ role: 'partner', org: 'tokens', label: null, revokedAt: null });
      expect(await store.authenticate(admin.secret)).toEqual(admin.token);
      expect(await store.authenticate(partner.secret)).toEqual(partner.token);
      expect(await store.authenticate(`${admin.secret}x`)).toBeUndefined();
      expect(await store.authenticate('')).toBeUndefined();
      expect(await store.authenticate('att_')).toBeUndefined();

      expect(await store.revokeToken(partner.token.id, CLI)).toBe(true);
      expect(await store.authenticate(partner.secret)).toBeUndefined();
      expect(await store.authenticate(admin.secret)).toEqual(admin.token);
      expect(await store.revokeToken(partner.token.id, CLI)).toBe(false);
      expect(await store.revokeToken('tok_unknown', CLI)).toBe(false);
      const listed = (await store.listTokens()).filter((t) => t.id === admin.token.id || t.id === partner.token.id);
      expect(listed.find((t) => t.id === partner.token.id)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(listed.find((t) => t.id === admin.token.id)?.revokedAt).toBeNull();

      expect((await rejection(store.createToken({ role: 'admin', org: 'tokens' }, CLI))).code).toBe('store.token.invalid');
      expect((await rejection(store.createToken({ role: 'viewer', org: null }, CLI))).code).toBe('store.token.invalid');
      expect((await rejection(store.createToken({ role: 'viewer', org: 'ghost' }, CLI))).code).toBe('store.not-found');

      const audit = await store.auditLog({ org: 'tokens' });
      expect(audit.map((a) => a.action)).toEqual(['token.revoke', 'token.create', 'org.replace']);
      expect(audit[0]).toMatchObject({ actor: CLI, detail: { id: partner.token.id } });
      const adminAudit = (await store.auditLog()).find((a) => a.action === 'token.create' && a.org === null);
      expect(adminAudit?.detail).toEqual({ id: admin.token.id, role: 'admin', label: 'ops' });
    });

    it('audits every change with its actor, newest first, by organization and limited', async () => {
      const o = organization({ id: 'audited', people: [{ id: 'p', exams: [] }] });
      await store.replaceOrganization(o, CLI);
      await store.replaceOrganization(o, API, 'org.import');
      await store.addToOrganization(
        'audited',
        { ...NO_ADDITIONS, customers: [{ id: 'c', name: 'C' }] },
        API,
        'import.customers',
        {
          rows: 1,
        },
      );
      await store.deleteOrganization('audited', CLI);
      const entries = await store.auditLog({ org: 'audited' });
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['org.delete', CLI],
        ['import.customers', API],
        ['org.import', API],
        ['org.replace', CLI],
      ]);
      expect(entries[3]?.detail).toEqual({ created: true, people: 1, exams: 0, customers: 0, dpor: 0, revenue: 0, fx: 0 });
      expect(entries[2]?.detail).toMatchObject({ created: false });
      expect(entries.every((e) => e.org === 'audited' && /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
      expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
      expect(await store.auditLog({ org: 'audited', limit: 2 })).toEqual(entries.slice(0, 2));
      const all = await store.auditLog({ limit: 1000 });
      expect(all.length).toBeGreaterThan(entries.length);
      expect(all.slice(0, 4)).toEqual(entries);
    });

    it('lists organizations with counts, and streams every one of them', async () => {
      // More than one batch's worth of small organizations, plus everything the other tests left.
      for (let i = 0; i < 105; i++) {
        await store.replaceOrganization(organization({ id: `bulk-${String(i).padStart(3, '0')}`, name: `Bulk ${i}` }), CLI);
      }
      const list = await store.listOrganizations();
      expect(list.map((s) => s.id)).toEqual([...list.map((s) => s.id)].sort());
      const contoso = list.find((s) => s.id === 'contoso');
      const original = await readOrganizationFile(EXAMPLES[0] as string);
      expect(contoso).toMatchObject({
        name: original.name,
        market: original.market,
        country: original.country,
        people: original.people.length,
        customers: original.customers.length,
        revenueRecords: original.revenue.length,
      });
      expect(contoso?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const streamed: Organization[] = [];
      for await (const o of store.streamOrganizations()) streamed.push(o);
      expect(streamed.map((o) => o.id)).toEqual(list.map((s) => s.id));
      expect(plain(streamed.find((o) => o.id === 'contoso'))).toEqual(plain(original));
      expect(plain(streamed.find((o) => o.id === 'exact'))).toEqual(plain(await store.getOrganization('exact')));
    });

    it('keeps everything across a reopen, and reopening does not migrate again', async () => {
      const before = await store.listOrganizations();
      const contoso = plain(await store.getOrganization('contoso'));
      await store.close();
      for (let i = 0; i < 2; i++) {
        ({ store, db } = await factory.open());
        expect(await store.listOrganizations()).toEqual(before);
        expect(plain(await store.getOrganization('contoso'))).toEqual(contoso);
        if (i === 0) await store.close();
      }
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
      expect(migrations.rows.map((r) => r.name)).toEqual(Object.keys(await storeMigrations.getMigrations()).sort());
    });
  });
}
