import type { Day } from '../core/day.js';
import type { Decimal } from '../core/decimal.js';
import type { Customer, ExamPass, Period, Person, RevenueRecord } from '../engine/organization.js';
import type { BulkColumn } from './bulk-insert.js';

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
    return [
      seq(exams.length, first),
      text(
        'person_id',
        exams.map((e) => e.person),
      ),
      text(
        'exam',
        exams.map((e) => e.exam),
      ),
      dates(
        'passed',
        exams.map((e) => e.passed),
      ),
    ];
  },

  dpor(periods: readonly (Period & { readonly customer: string })[], first: number): readonly BulkColumn[] {
    return [
      seq(periods.length, first),
      text(
        'customer_id',
        periods.map((p) => p.customer),
      ),
      dates(
        'from_date',
        periods.map((p) => p.from),
      ),
      dates(
        'to_date',
        periods.map((p) => p.to),
      ),
    ];
  },

  revenue(records: readonly RevenueRecord[], first: number): readonly BulkColumn[] {
    return [
      seq(records.length, first),
      text(
        'customer',
        records.map((r) => r.customer),
      ),
      text(
        'product',
        records.map((r) => r.product),
      ),
      dates(
        'date',
        records.map((r) => r.date),
      ),
      { name: 'amount', type: 'numeric', values: records.map((r) => r.amount) },
      text(
        'currency',
        records.map((r) => r.currency),
      ),
      { name: 'net_new', type: 'boolean', values: records.map((r) => r.netNew) },
    ];
  },
};

function dates(name: string, days: readonly (Day | null)[]): BulkColumn {
  return { name, type: 'date', values: days };
}

function seq(count: number, first: number): BulkColumn {
  return { name: 'seq', type: 'integer', values: Array.from({ length: count }, (_, i) => first + i) };
}

function text(name: string, values: readonly (string | null)[]): BulkColumn {
  return { name, type: 'text', values };
}
