import type { Day } from '../core/day.js';
import type { Decimal } from '../core/decimal.js';
import type { Customer, ExamPass, Period, Person, RevenueRecord } from '../engine/organization.js';
import type { BulkColumn } from './bulk-insert.js';
import type { ArrayColumn } from './copy-rows.js';

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

  /** People or customers: id and name. */
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

  exams(exams: readonly (ExamPass & { readonly person: string })[], first: number): readonly BulkColumn[] {
    return examColumns(
      exams.map((e) => e.person),
      exams.map((e) => e.exam),
      exams.map((e) => e.passed),
      first,
    );
  },

  /** A whole organization's exam passes, person by person, numbered from 0. */
  examsOfPeople(people: readonly Person[]): readonly BulkColumn[] {
    const persons: string[] = [];
    const exams: string[] = [];
    const passed: Day[] = [];
    for (const person of people) {
      for (const exam of person.exams) {
        persons.push(person.id);
        exams.push(exam.exam);
        passed.push(exam.passed);
      }
    }
    return examColumns(persons, exams, passed, 0);
  },

  dpor(periods: readonly (Period & { readonly customer: string })[], first: number): readonly BulkColumn[] {
    return dporColumns(
      periods.map((p) => p.customer),
      periods.map((p) => p.from),
      periods.map((p) => p.to),
      first,
    );
  },

  /** A whole organization's DPOR periods, customer by customer, numbered from 0. */
  dporOfCustomers(customers: readonly Customer[]): readonly BulkColumn[] {
    const ids: string[] = [];
    const from: Day[] = [];
    const to: (Day | null)[] = [];
    for (const customer of customers) {
      for (const period of customer.dpor) {
        ids.push(customer.id);
        from.push(period.from);
        to.push(period.to);
      }
    }
    return dporColumns(ids, from, to, 0);
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

function examColumns(
  persons: readonly string[],
  exams: readonly string[],
  passed: readonly Day[],
  first: number,
): readonly BulkColumn[] {
  return [seq(persons.length, first), text('person_id', persons), text('exam', exams), dates('passed', passed)];
}

function dporColumns(
  customers: readonly string[],
  from: readonly Day[],
  to: readonly (Day | null)[],
  first: number,
): readonly BulkColumn[] {
  return [seq(customers.length, first), text('customer_id', customers), dates('from_date', from), dates('to_date', to)];
}

function dates(name: string, days: readonly (Day | null)[]): BulkColumn {
  return { name, type: 'date', values: days };
}

function seq(count: number, first: number): BulkColumn {
  const values: number[] = new Array(count);
  for (let i = 0; i < count; i++) values[i] = first + i;
  return { name: 'seq', type: 'integer', values };
}

function text(name: string, values: readonly (string | null)[]): BulkColumn {
  return { name, type: 'text', values };
}
