import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import { formatDay } from '../src/core/day.js';
import type { Organization } from '../src/engine/organization.js';
import type { OrganizationDocument } from '../src/engine/organization-document.js';
import type { RecordKind, RecordsRequest } from '../src/store/records-page.js';
import type { Actor, Store } from '../src/store/store.js';
import { organization, type StoreFactory } from './store-contract.js';

const ACTOR: Actor = { kind: 'system', id: 'test' };
const WORDS = ['alder', 'birch', 'cedar', 'dogwood', 'elm', 'fir', 'ginkgo', 'hazel'];

/** A small deterministic generator, so that a failure names the same data every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** People, customers and 25,000 revenue records: three chunks, so that pages cross a chunk's end. */
function organizationWithRecords(id: string): Organization {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const customers = Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    ...(i % 5 !== 0 && { name: `${pick(WORDS)} ${pick(WORDS)} ${i}` }),
    dpor: [{ from: '2016-01-01' }],
  }));
  const document: Partial<OrganizationDocument> & { id: string } = {
    id,
    people: Array.from({ length: 120 }, (_, i) => ({
      id: `p${i}`,
      ...(i % 7 !== 0 && { name: `${pick(WORDS)} ${i % 3 === 0 ? '100%' : pick(WORDS)}` }),
      exams: Array.from({ length: Math.floor(next() * 4) }, (_, k) => ({
        exam: pick(['MB2-716', 'MB2-717', 'MB6-894', '70-533']),
        passed: `2017-0${k + 1}-1${k}`,
      })),
    })),
    customers,
    revenue: Array.from({ length: 25_000 }, () => ({
      customer: pick(customers).id,
      product: pick(['crm-online', 'd365-plan-1', 'd365-plan-2']),
      date: formatDay(17_000 + Math.floor(next() * 900)),
      amount: String(Math.floor(next() * 100_000) / 100),
      currency: 'USD',
      netNew: next() < 0.5,
    })),
  };
  return organization(document);
}

type Row = { readonly index: number };

/** The page by brute force over the organization as read whole: what the SQL must give. */
function reference(o: Organization, request: RecordsRequest<RecordKind>): { matched: number; indexes: number[] } {
  const text = request.text?.trim().toLowerCase() ?? '';
  const names = new Map(o.customers.map((c) => [c.id, c.name]));
  type Item = { index: number; searched: string; keys: Record<string, string | number> };
  const items: Item[] =
    request.kind === 'people'
      ? o.people.map((p, index) => ({
          index,
          searched: [p.id, p.name, ...p.exams.map((e) => e.exam)].filter((s) => s).join(' '),
          keys: { file: index, id: p.id, name: p.name ?? p.id, exams: p.exams.length },
        }))
      : request.kind === 'customers'
        ? o.customers.map((c, index) => ({
            index,
            searched: [c.id, c.name].filter((s) => s).join(' '),
            keys: { file: index, id: c.id, name: c.name ?? c.id },
          }))
        : o.revenue.map((r, index) => ({
            index,
            searched: [r.customer, names.get(r.customer), r.product, formatDay(r.date)].filter((s) => s).join(' '),
            keys: {
              file: index,
              date: r.date,
              customer: names.get(r.customer) ?? r.customer,
              product: r.product,
              amount: r.amount.toNumber(),
            },
          }));
  const only = request.only && new Set(request.only);
  const matched = items.filter((item) => item.searched.toLowerCase().includes(text) && (!only || only.has(item.index)));
  const sign = request.descending ? -1 : 1;
  const sort = request.sort ?? 'file';
  matched.sort((a, b) => {
    const x = a.keys[sort] as string | number;
    const y = b.keys[sort] as string | number;
    return sign * (x < y ? -1 : x > y ? 1 : a.index - b.index);
  });
  const offset = request.offset ?? 0;
  return { matched: matched.length, indexes: matched.slice(offset, offset + (request.limit ?? 50)).map((m) => m.index) };
}

/** Pages of records on every backend, checked against the whole organization as the store reads it. */
export function defineRecordsPageContract(name: string, makeFactory: () => Promise<StoreFactory>): void {
  describe(`Records pages: ${name}`, () => {
    let factory: StoreFactory;
    let store: Store;
    let whole: Organization;

    beforeAll(async () => {
      factory = await makeFactory();
      ({ store } = await factory.open());
      await store.replaceOrganization(organizationWithRecords('paged'), ACTOR);
      // An addition that renames a stored person leaves a gap in the people's seq: pages must count past it.
      await store.addToOrganization(
        'paged',
        {
          people: [
            { id: 'p3', name: 'renamed hazel' },
            { id: 'p-new', name: 'newcomer' },
          ],
          exams: [{ person: 'p-new', exam: 'MB2-716', passed: 17_500 }],
          customers: [],
          dpor: [],
          revenue: [],
        },
        ACTOR,
        'import.exams',
      );
      whole = (await store.getOrganization('paged')) as Organization;
    }, 120_000);

    afterAll(async () => {
      await store?.close();
      await factory?.dispose();
    }, 60_000);

    const requests: readonly RecordsRequest<RecordKind>[] = [
      { kind: 'people' },
      { kind: 'people', offset: 100, limit: 30 },
      { kind: 'people', descending: true, offset: 5, limit: 10 },
      { kind: 'people', offset: 500 },
      { kind: 'customers', descending: true, offset: 38 },
      { kind: 'people', sort: 'name', descending: true, limit: 200 },
      { kind: 'people', sort: 'exams', offset: 10, limit: 20 },
      { kind: 'people', text: 'MB6-894', sort: 'id' },
      { kind: 'people', text: '100%' },
      { kind: 'people', text: ' HAZEL ', sort: 'name' },
      { kind: 'people', only: [0, 5, 121, 400], sort: 'name' },
      { kind: 'customers', sort: 'name', limit: 15, offset: 5 },
      { kind: 'customers', text: 'elm', descending: true },
      { kind: 'revenue', offset: 9_990, limit: 20 },
      { kind: 'revenue', offset: 24_990, limit: 50 },
      { kind: 'revenue', offset: 19_999, limit: 1 },
      { kind: 'revenue', descending: true, offset: 3, limit: 7 },
      { kind: 'revenue', descending: true, offset: 14_995, limit: 10 },
      { kind: 'revenue', descending: true, offset: 24_995, limit: 10 },
      { kind: 'revenue', descending: true, offset: 25_000, limit: 10 },
      { kind: 'revenue', sort: 'amount', descending: true, limit: 25 },
      { kind: 'revenue', sort: 'date', offset: 12_000, limit: 25 },
      { kind: 'revenue', sort: 'customer', text: 'plan-2', offset: 40, limit: 25 },
      { kind: 'revenue', text: '2017-01', sort: 'product' },
      { kind: 'revenue', only: [3, 10_000, 24_999], descending: true },
      { kind: 'revenue', only: [24_999, 3, 10_000, 9_999, 3, 77_777, -1], offset: 1, limit: 2 },
      { kind: 'people', only: [121, 0, 5, 400, 3], offset: 1 },
      { kind: 'customers', only: [39, 0], descending: true },
    ];

    it('gives every page the rows, order and counts that filtering and sorting the whole organization gives', async () => {
      for (const request of requests) {
        const page = await store.recordsPage('paged', request);
        const expected = reference(whole, request);
        const total = { people: whole.people.length, customers: whole.customers.length, revenue: whole.revenue.length };
        expect({ matched: page?.matched, indexes: page?.rows.map((r: Row) => r.index) }, JSON.stringify(request)).toEqual(
          expected,
        );
        expect(page?.total).toBe(total[request.kind]);
      }
    });

    it('gives each record as the whole read has it at the same index', async () => {
      const people = await store.recordsPage('paged', { kind: 'people', offset: 118, limit: 5 });
      for (const p of people?.rows ?? []) {
        const read = whole.people[p.index];
        expect(p).toMatchObject({ id: read?.id, name: read?.name ?? null, mcid: null, email: null });
        expect(p.exams).toEqual(read?.exams.map((e) => ({ exam: e.exam, passed: formatDay(e.passed) })));
      }
      expect(people?.rows.map((p) => p.id)).toEqual(['p118', 'p119', 'p-new']);
      const revenue = await store.recordsPage('paged', { kind: 'revenue', offset: 9_999, limit: 2 });
      for (const r of revenue?.rows ?? []) {
        const read = whole.revenue[r.index];
        const customer = whole.customers.find((c) => c.id === read?.customer);
        expect(r).toEqual({
          index: r.index,
          customer: read?.customer,
          customerName: customer?.name ?? null,
          product: read?.product,
          date: formatDay(read?.date ?? 0),
          amount: read?.amount.toString(),
          currency: 'USD',
          netNew: read?.netNew,
        });
      }
      const customers = await store.recordsPage('paged', { kind: 'customers', limit: 1 });
      expect(customers?.rows[0]).toEqual({ index: 0, id: 'c0', name: null, dpor: [{ from: '2016-01-01', to: null }] });
    });

    it("keeps people's email, and lists individuals two organizations claim: one email, or a refused MCID", async () => {
      const person = (id: string, more: Record<string, string>) => ({ id, exams: [], ...more });
      await store.replaceOrganization(
        organization({ id: 'claim-a', name: 'A Corp', people: [person('a1', { mcid: 'MC-1', email: 'Shared@X.com' })] }),
        ACTOR,
      );
      await store.replaceOrganization(organization({ id: 'claim-b', people: [person('b1', { email: 'shared@x.COM' })] }), ACTOR);
      // The email is kept as written, and an addition's email fills in one that is missing.
      expect((await store.getOrganization('claim-a'))?.people[0]?.email).toBe('Shared@X.com');
      await store.addToOrganization(
        'claim-b',
        { people: [{ id: 'b2', name: null, email: 'b2@x.com' }], exams: [], customers: [], dpor: [], revenue: [] },
        ACTOR,
        'import.exams',
      );
      const page = await store.recordsPage('claim-b', { kind: 'people', text: 'B2@X' });
      expect(page?.rows.map((p) => [p.id, p.email])).toEqual([['b2', 'b2@x.com']]);
      const emailOnly = await store.claimedTwice();
      expect(emailOnly.rows).toEqual([
        {
          kind: 'email',
          identity: 'shared@x.com',
          claims: [
            expect.objectContaining({ status: 'listed', org: 'claim-a', orgName: 'A Corp', person: 'a1' }),
            expect.objectContaining({ status: 'listed', org: 'claim-b', orgName: null, person: 'b1' }),
          ],
        },
      ]);
      // A write refused for MC-1 is logged, counted each time, with the refused organization whether stored or not.
      const refused = organization({ id: 'claim-c', people: [person('c1', { mcid: 'MC-1' })] });
      for (let i = 0; i < 2; i++)
        await expect(store.replaceOrganization(refused, ACTOR)).rejects.toMatchObject({ code: 'org.mcid.taken' });
      await expect(
        store.addToOrganization(
          'claim-b',
          { people: [{ id: 'b3', name: null, mcid: 'MC-1' }], exams: [], customers: [], dpor: [], revenue: [] },
          ACTOR,
          'import.exams',
        ),
      ).rejects.toMatchObject({ code: 'org.mcid.taken' });
      const both = await store.claimedTwice();
      expect(both.total).toBe(2);
      const mcid = both.rows.find((r) => r.kind === 'mcid');
      expect(mcid?.identity).toBe('MC-1');
      expect(mcid?.claims).toEqual([
        expect.objectContaining({ status: 'listed', org: 'claim-a', person: 'a1' }),
        expect.objectContaining({ status: 'refused', org: 'claim-c', orgExists: false, person: 'c1', times: 2 }),
        expect.objectContaining({ status: 'refused', org: 'claim-b', orgExists: true, person: 'b3', times: 1 }),
      ]);
      const second = await store.claimedTwice({ offset: 1, limit: 1 });
      expect(second).toMatchObject({ total: 2, offset: 1, limit: 1 });
      expect(second.rows.map((r) => r.identity)).toEqual(['shared@x.com']);
      expect((await store.claimedTwice({ offset: 5 })).total).toBe(2);
      // A holds them no more: the refusals are settled, and the email is one organization's again.
      await store.replaceOrganization(organization({ id: 'claim-a', people: [] }), ACTOR);
      expect(await store.claimedTwice()).toEqual({ total: 0, offset: 0, limit: 50, rows: [] });
    });

    it('counts what matched on a page past the last, says the data version, and knows no other organization', async () => {
      const past = await store.recordsPage('paged', { kind: 'revenue', text: 'plan-1', offset: 30_000 });
      expect(past?.rows).toEqual([]);
      expect(past?.matched).toBe(reference(whole, { kind: 'revenue', text: 'plan-1' }).matched);
      expect(past?.version).toBe(await store.dataVersion('paged'));
      expect(await store.recordsPage('nobody', { kind: 'people' })).toBeUndefined();
      expect(await store.dataVersion('nobody')).toBeUndefined();
      await expect(store.recordsPage('paged', { kind: 'people', offset: -1 })).rejects.toBeInstanceOf(AttainError);
    });
  });
}
