import type { Decimal } from '../core/decimal.js';
import type { ConsumptionRecord, Customer, DeviceShipment, Person, RevenueRecord, Subscription } from '../engine/organization.js';
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
      { name: 'expires', type: 'date[]', values: people.map(expiries) },
    ];
  },

  /** Customers: id, name and country, for an upsert that leaves their periods alone. */
  customerParties(customers: readonly Omit<Customer, 'dpor'>[], first: number): readonly BulkColumn[] {
    return [
      ...organizationColumns.parties(customers, first),
      text(
        'country',
        customers.map((c) => c.country ?? null),
      ),
    ];
  },

  /** Customers with their country, DPOR periods and other associations, numbered from `first`. */
  customers(customers: readonly Customer[], first: number): readonly CopyColumn[] {
    // Null for a customer without other associations (see migration 0013).
    const associations = customers.map((c) => (c.associations?.length ? c.associations : null));
    return [
      ...organizationColumns.customerParties(customers, first),
      { name: 'dpor_from', type: 'date[]', values: customers.map((c) => c.dpor.map((d) => d.from)) },
      { name: 'dpor_to', type: 'date[]', values: customers.map((c) => c.dpor.map((d) => d.to)) },
      { name: 'association_types', type: 'text[]', values: associations.map((list) => list?.map((a) => a.type) ?? null) },
      { name: 'association_from', type: 'date[]', values: associations.map((list) => list?.map((a) => a.from) ?? null) },
      { name: 'association_to', type: 'date[]', values: associations.map((list) => list?.map((a) => a.to) ?? null) },
    ];
  },

  /** Revenue as chunk rows (`revenue_chunks`): `first_seq`, then one array per field. */
  revenue(records: readonly RevenueRecord[], first: number): readonly [BulkColumn, ...ArrayColumn[]] {
    return chunks(records, first, [
      ['customers', 'text[]', (r) => r.customer],
      ['products', 'text[]', (r) => r.product],
      ['dates', 'date[]', (r) => r.date],
      ['amounts', 'numeric[]', (r) => r.amount],
      ['currencies', 'text[]', (r) => r.currency],
      ['net_new', 'boolean[]', (r) => r.netNew],
      ['attributions', 'text[]', (r) => r.attribution ?? null, 'rare'],
    ]);
  },

  subscriptions(records: readonly Subscription[], first: number): readonly [BulkColumn, ...ArrayColumn[]] {
    return chunks(records, first, [
      ['customers', 'text[]', (s) => s.customer],
      ['ids', 'text[]', (s) => s.id],
      ['products', 'text[]', (s) => s.product],
      ['seats', 'integer[]', (s) => s.seats],
      ['from_dates', 'date[]', (s) => s.from],
      ['to_dates', 'date[]', (s) => s.to],
      ['trials', 'boolean[]', (s) => s.trial],
    ]);
  },

  consumption(records: readonly ConsumptionRecord[], first: number): readonly [BulkColumn, ...ArrayColumn[]] {
    return chunks(records, first, [
      ['customers', 'text[]', (c) => c.customer],
      ['dates', 'date[]', (c) => c.date],
      ['amounts', 'numeric[]', (c) => c.amount],
      ['currencies', 'text[]', (c) => c.currency],
      ['services', 'text[]', (c) => c.service ?? null],
    ]);
  },

  devices(records: readonly DeviceShipment[], first: number): readonly [BulkColumn, ...ArrayColumn[]] {
    return chunks(records, first, [
      ['products', 'text[]', (d) => d.product],
      ['dates', 'date[]', (d) => d.date],
      ['units', 'integer[]', (d) => d.units],
    ]);
  },
};

/** The chunk tables written by `chunks`, with the record kind each holds. */
export const CHUNK_TABLES = ['revenue_chunks', 'subscription_chunks', 'consumption_chunks', 'device_chunks'] as const;

type Element = NonNullable<ArrayColumn['values'][number]>[number];

/**
 * A field of a chunked record: column, type, value, and `rare` for an optional field that most data lacks: its array
 * is null in a chunk where no record has it, so that such data stores and reads nothing more.
 */
type ChunkField<T> = readonly [name: string, type: ArrayColumn['type'], value: (record: T) => Element, rare?: 'rare'];

/** Records as chunk rows of up to `REVENUE_CHUNK_RECORDS`: `first_seq`, then one array per field. */
function chunks<T>(records: readonly T[], first: number, fields: readonly ChunkField<T>[]): [BulkColumn, ...ArrayColumn[]] {
  const starts: number[] = [];
  for (let start = 0; start < records.length; start += REVENUE_CHUNK_RECORDS) starts.push(start);
  const slices = starts.map((start) => records.slice(start, start + REVENUE_CHUNK_RECORDS));
  return [
    { name: 'first_seq', type: 'integer', values: starts.map((start) => first + start) },
    ...fields.map(
      ([name, type, value, rare]): ArrayColumn => ({
        name,
        type,
        values: slices.map((slice) => {
          const values = slice.map(value);
          return rare && values.every((v) => v === null) ? null : values;
        }),
      }),
    ),
  ];
}

/** A person's passes' expiry days, or null while no pass expires (see migration 0013). */
function expiries(person: Person): readonly (number | null)[] | null {
  return person.exams.some((e) => e.expires !== undefined) ? person.exams.map((e) => e.expires ?? null) : null;
}

function seq(count: number, first: number): BulkColumn {
  const values: number[] = new Array(count);
  for (let i = 0; i < count; i++) values[i] = first + i;
  return { name: 'seq', type: 'integer', values };
}

function text(name: string, values: readonly (string | null)[]): BulkColumn {
  return { name, type: 'text', values };
}
