import type { Decimal } from '../core/decimal.js';
import type { Customer, Person, RevenueRecord } from '../engine/organization.js';
import type { BulkColumn } from './bulk-insert.js';
import type { ArrayColumn, CopyColumn } from './copy-rows.js';

/**
 * Records per revenue chunk: a chunk's arrays stay well under a megabyte, and a large import is still a few dozen
 * rows. Any size reads back the same.
 */
export const REVENUE_CHUNK_RECORDS = 10_000;

/**
 * An organization's records as the columns `bulkCopy` and `bulkInsert` take. `seq` numbers continue from
 * `first`, so that additions land after what is stored. Dates stay attain's day numbers and amounts their Decimals:
 * COPY encodes both as they are.
 */
export const organizationColumns = {
  fx(fx: ReadonlyMap<string, Decimal>): readonly BulkColumn[] {
    const entries = [...fx];
    return [
      seq(entries.length, 0),
      text(
        'currency',
        entries.map(([currency]) => currency),
      ),
      { name: 'rate', type: 'numeric', values: entries.map(([, rate]) => rate) },
    ];
  },

  /** People or customers: id and name only, for an upsert that leaves their records alone. */
  parties(parties: readonly Pick<Person | Customer, 'id' | 'name'>[], first: number): readonly BulkColumn[] {
    return [
      seq(parties.length, first),
      text(
        'id',
        parties.map((p) => p.id),
      ),
      text(
        'name',
        parties.map((p) => p.name),
      ),
    ];
  },

  /** People: id, name, MCID and email, for an upsert that leaves their passes alone. */
  peopleParties(people: readonly Omit<Person, 'exams'>[], first: number): readonly BulkColumn[] {
    return [
      ...organizationColumns.parties(people, first),
      text(
        'mcid',
        people.map((p) => p.mcid ?? null),
      ),
      text(
        'email',
        people.map((p) => p.email ?? null),
      ),
    ];
  },

  /** People with their MCID and exam passes, numbered from `first`. */
  people(people: readonly Person[], first: number): readonly CopyColumn[] {
    return [
      ...organizationColumns.peopleParties(people, first),
      { name: 'exams', type: 'text[]', values: people.map((p) => p.exams.map((e) => e.exam)) },
      { name: 'passed', type: 'date[]', values: people.map((p) => p.exams.map((e) => e.passed)) },
    ];
  },

  /** Customers with their DPOR periods, numbered from `first`. */
  customers(customers: readonly Customer[], first: number): readonly CopyColumn[] {
    return [
      ...organizationColumns.parties(customers, first),
      { name: 'dpor_from', type: 'date[]', values: customers.map((c) => c.dpor.map((d) => d.from)) },
      { name: 'dpor_to', type: 'date[]', values: customers.map((c) => c.dpor.map((d) => d.to)) },
    ];
  },

  /** Revenue as chunk rows (`revenue_chunks`): `first_seq`, then one array per field. */
  revenue(records: readonly RevenueRecord[], first: number): readonly [BulkColumn, ...ArrayColumn[]] {
    const starts: number[] = [];
    for (let start = 0; start < records.length; start += REVENUE_CHUNK_RECORDS) starts.push(start);
    const chunks = starts.map((start) => records.slice(start, start + REVENUE_CHUNK_RECORDS));
    const chunked = (
      name: string,
      type: ArrayColumn['type'],
      field: (r: RevenueRecord) => ArrayColumn['values'][number][number],
    ): ArrayColumn => ({ name, type, values: chunks.map((chunk) => chunk.map(field)) });
    return [
      { name: 'first_seq', type: 'integer', values: starts.map((start) => first + start) },
      chunked('customers', 'text[]', (r) => r.customer),
      chunked('products', 'text[]', (r) => r.product),
      chunked('dates', 'date[]', (r) => r.date),
      chunked('amounts', 'numeric[]', (r) => r.amount),
      chunked('currencies', 'text[]', (r) => r.currency),
      chunked('net_new', 'boolean[]', (r) => r.netNew),
    ];
  },
};

function seq(count: number, first: number): BulkColumn {
  const values: number[] = new Array(count);
  for (let i = 0; i < count; i++) values[i] = first + i;
  return { name: 'seq', type: 'integer', values };
}

function text(name: string, values: readonly (string | null)[]): BulkColumn {
  return { name, type: 'text', values };
}
