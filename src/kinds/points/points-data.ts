import type { Catalog } from '../../catalog/catalog-types.js';
import { type Day, dateOf } from '../../core/day.js';
import { Decimal } from '../../core/decimal.js';
import { convert, whyIgnored } from '../../engine/evaluation-context.js';
import type { AssociationType, Customer, Organization } from '../../engine/organization.js';

/** What scoring reads: no revenue aggregates, so that a tracker can score another day without building a context. */
export interface PointsInput {
  readonly catalog: Catalog;
  readonly organization: Organization;
  readonly asOf: Day;
}

/** A calendar month as a count of months since year 0: months subtract. */
export function monthOf(day: Day): number {
  const date = dateOf(day);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The first day of a month. */
export function monthStart(month: number): Day {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000;
}

/** Consumption the partner is credited with, in the catalog's currency, by month. */
export interface Credited {
  /** Per customer, per month. */
  readonly byCustomer: ReadonlyMap<string, ReadonlyMap<number, Decimal>>;
  readonly byMonth: ReadonlyMap<number, Decimal>;
  /** Per month, per service (lower case): the amount and the service's name as first written. */
  readonly services: ReadonlyMap<number, ReadonlyMap<string, { readonly name: string; amount: Decimal }>>;
  /** Months of every record, credited or not: the months whose leaving the window can change a score. */
  readonly months: readonly number[];
}

const credited = new WeakMap<Organization, Map<string, Credited>>();

/**
 * The organization's consumption from customers associated with the partner (by one of `types`) on the record's
 * date. It depends on no as-of date (the window is applied when reading it), so each organization computes it once
 * per set of association types and catalog currency.
 */
export function creditedConsumption(input: PointsInput, types: readonly AssociationType[]): Credited {
  const { organization, catalog } = input;
  const key = `${catalog.currency}\u0000${[...types].sort().join(',')}`;
  let byKey = credited.get(organization);
  if (byKey === undefined) {
    byKey = new Map();
    credited.set(organization, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const customers = new Map(organization.customers.map((c) => [c.id, c]));
  const accepted = new Set(types);
  const byCustomer = new Map<string, Map<number, Decimal>>();
  const byMonth = new Map<number, Decimal>();
  const services = new Map<number, Map<string, { name: string; amount: Decimal }>>();
  const months = new Set<number>();
  for (const record of organization.consumption) {
    const month = monthOf(record.date);
    months.add(month);
    if (!associatedAs(customers.get(record.customer), accepted, record.date)) continue;
    const amount = convert(input, record.amount, record.currency);
    const mine = byCustomer.get(record.customer) ?? new Map<number, Decimal>();
    byCustomer.set(record.customer, mine);
    mine.set(month, (mine.get(month) ?? Decimal.ZERO).add(amount));
    byMonth.set(month, (byMonth.get(month) ?? Decimal.ZERO).add(amount));
    const service = record.service?.trim();
    if (service) {
      const inMonth = services.get(month) ?? new Map<string, { name: string; amount: Decimal }>();
      services.set(month, inMonth);
      const entry = inMonth.get(service.toLowerCase());
      if (entry) entry.amount = entry.amount.add(amount);
      else inMonth.set(service.toLowerCase(), { name: service, amount });
    }
  }
  const result = { byCustomer, byMonth, services, months: [...months].sort((a, b) => a - b) };
  byKey.set(key, result);
  return result;
}

const revenue = new WeakMap<Organization, Map<string, ReadonlyMap<number, Decimal>>>();

/**
 * The organization's net new revenue by month, in the catalog's currency, on the products (every known product when
 * null), credited to the partner by one of `types`: the record's own attribution when it has one, else the customer's
 * association on the record's date. Computed once per organization, types, products and catalog currency.
 */
export function creditedRevenue(
  input: PointsInput,
  types: readonly AssociationType[],
  products: readonly string[] | null,
): ReadonlyMap<number, Decimal> {
  const { organization, catalog } = input;
  const key = `${catalog.currency}\u0000${[...types].sort().join(',')}\u0000${products === null ? '*' : [...products].sort().join(',')}`;
  let byKey = revenue.get(organization);
  if (byKey === undefined) {
    byKey = new Map();
    revenue.set(organization, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const customers = new Map(organization.customers.map((c) => [c.id, c]));
  const accepted = new Set(types);
  const wanted = products === null ? null : new Set(products);
  const byMonth = new Map<number, Decimal>();
  for (const record of organization.revenue) {
    if (!record.netNew) continue;
    const product = catalog.findProduct(record.product)?.id;
    if (product === undefined || (wanted !== null && !wanted.has(product))) continue;
    const credited =
      record.attribution !== undefined
        ? accepted.has(record.attribution)
        : associatedAs(customers.get(record.customer), accepted, record.date);
    if (!credited) continue;
    const month = monthOf(record.date);
    byMonth.set(month, (byMonth.get(month) ?? Decimal.ZERO).add(convert(input, record.amount, record.currency)));
  }
  byKey.set(key, byMonth);
  return byMonth;
}

/** Whether the customer credits the partner on a day by one of the accepted association types. */
export function associatedAs(customer: Customer | undefined, accepted: ReadonlySet<AssociationType>, day: Day): boolean {
  if (!customer) return false;
  const within = (p: { from: Day; to: Day | null }) => p.from <= day && (p.to === null || day <= p.to);
  if (accepted.has('dpor') && customer.dpor.some(within)) return true;
  return (customer.associations ?? []).some((a) => accepted.has(a.type) && within(a));
}

/** The complete calendar months before the as-of date's month: the last `months` of them, oldest first. */
export function windowMonths(asOf: Day, months: number, before = 0): number[] {
  const current = monthOf(asOf) - before;
  return Array.from({ length: months }, (_, i) => current - months + i);
}

/** An amount by month (credited consumption, or revenue), summed over the months. */
export function sumMonths(data: Pick<Credited, 'byMonth'>, months: readonly number[]): Decimal {
  return months.reduce((sum, m) => sum.add(data.byMonth.get(m) ?? Decimal.ZERO), Decimal.ZERO);
}

/**
 * Per person, the canonical codes of the credentials that count on the as-of date: accepted by the catalog's
 * registry (launched, within a retired exam's grace) and not past their own expiry.
 */
export function heldCredentials(input: PointsInput): readonly ReadonlySet<string>[] {
  return input.organization.people.map((person) => {
    const held = new Set<string>();
    for (const pass of person.exams) {
      const code = whyIgnored(input.catalog, pass, person.id, input.asOf);
      if (typeof code === 'string' && (pass.expires === undefined || input.asOf <= pass.expires)) held.add(code);
    }
    return held;
  });
}
