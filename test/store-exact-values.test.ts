import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../src/core/day.js';
import { Decimal } from '../src/core/decimal.js';
import type { RevenueRecord } from '../src/engine/organization.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { openStore, openStoreDatabase } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const SYSTEM = { kind: 'system', id: 'test' } as const;

/** A plain decimal at the limits' edges: up to 28 digits before the point and 20 after, either sign. */
const amount = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.stringMatching(/^[1-9]\d{0,27}$/), fc.constant('0'), fc.stringMatching(/^9{28}$/)),
    fc.option(fc.oneof(fc.stringMatching(/^\d{0,19}[1-9]$/), fc.stringMatching(/^0{19}1$/)), { nil: undefined }),
  )
  .map(([negative, whole, fraction]) => `${negative && whole !== '0' ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
/** Any day attain reads, the first and the last more often. */
const day = fc
  .oneof(
    fc.integer({ min: parseDay('1900-01-01') as number, max: parseDay('9999-12-31') as number }),
    fc.constantFrom(parseDay('1900-01-01') as number, parseDay('9999-12-31') as number),
  )
  .map(formatDay);

const document = fc
  .record({
    amounts: fc.array(fc.tuple(amount, day), { minLength: 1, maxLength: 30 }),
    rate: amount.filter((a) => !a.startsWith('-') && /[1-9]/.test(a)),
    passed: day,
  })
  .map(({ amounts, rate, passed }) => ({
    id: 'exact',
    market: 'developed',
    fx: { EUR: rate },
    people: [{ id: 'p', exams: [{ exam: 'MB2-715', passed }] }],
    customers: [{ id: 'c', dpor: [{ from: '1900-01-01', to: '9999-12-31' }] }],
    revenue: amounts.map(([value, date], i) => ({
      customer: 'c',
      product: 'crm-online',
      date,
      amount: value,
      currency: i % 2 ? 'EUR' : 'USD',
      netNew: true,
    })),
  }));

/** Every amount and date the readers accept reads back from the store as exactly what was sent. */
function defineRoundTrip(name: string, open: () => Promise<{ store: Store; close: () => Promise<void> }>) {
  describe(`exact values through the store: ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    }, 120_000);
    afterAll(async () => close());

    it('round-trips any amount within the limits, and any day from 1900-01-01 to 9999-12-31, exactly', async () => {
      await fc.assert(
        fc.asyncProperty(document, async (doc) => {
          const written = parseOrganization(doc);
          await store.replaceOrganization(written, SYSTEM);
          const read = await store.getOrganization('exact');
          expect(organizationDocument(read as NonNullable<typeof read>)).toEqual(organizationDocument(written));
          // As written, by value: "-0.50" is -0.5; nothing rounded, nothing wrapped.
          expect(read?.revenue.map((r) => r.amount.toString())).toEqual(
            doc.revenue.map((r) => parseOrganization({ ...doc, revenue: [r] }).revenue[0]?.amount.toString() ?? ''),
          );
          expect(read?.fx.get('EUR')?.cmp(written.fx.get('EUR') as NonNullable<ReturnType<typeof written.fx.get>>)).toBe(0);
        }),
        { numRuns: 40 },
      );
    });

    it('refuses to write an amount its numeric cannot hold, rather than wrap it into another number', async () => {
      const base = parseOrganization({
        id: 'wrap',
        market: 'developed',
        customers: [{ id: 'c', dpor: [] }],
        revenue: [{ customer: 'c', product: 'crm-online', date: '2017-01-31', amount: '1', currency: 'USD' }],
      });
      await store.replaceOrganization(base, SYSTEM);
      // Readers refuse these; a caller that builds an organization itself must not get them stored as 1 or 0.
      for (const text of ['1'.padEnd(262_145, '0'), `5${'0'.repeat(160_000)}`, `0.${'0'.repeat(16_384)}1`]) {
        const amount = Decimal.parse(text) as Decimal;
        const huge = { ...base, revenue: Array.from({ length: 20 }, () => ({ ...(base.revenue[0] as RevenueRecord), amount })) };
        await expect(store.replaceOrganization(huge, SYSTEM)).rejects.toThrow();
        expect((await store.getOrganization('wrap'))?.revenue.map((r) => r.amount.toString())).toEqual(['1']);
      }
    });
  });
}

defineRoundTrip('PGlite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'attain-exact-'));
  const store = await openStore({ dataDir: dir });
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(DATABASE_URL === undefined)('PostgreSQL', () => {
  const schema = `attain_test_exact_${process.pid}_${Date.now().toString(36)}`;
  defineRoundTrip('PostgreSQL', async () => {
    const store = await openStore({ databaseUrl: DATABASE_URL as string, schema });
    return {
      store,
      close: async () => {
        await store.close();
        const { db } = await openStoreDatabase({ databaseUrl: DATABASE_URL as string });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
        await db.destroy();
      },
    };
  });
  it('runs against PostgreSQL', () => expect(DATABASE_URL).toBeDefined());
});
