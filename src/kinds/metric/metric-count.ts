import type { Catalog, ProgramPolicy } from '../../catalog/catalog-types.js';
import { type Day, oneYearBefore } from '../../core/day.js';
import { Decimal } from '../../core/decimal.js';
import { type CreditPeriod, creditedOn, customerCredits } from '../../engine/customer-credits.js';
import { convert } from '../../engine/evaluation-context.js';
import type { Organization } from '../../engine/organization.js';
import type { MetricMeasure, MetricRequirement } from './metric-types.js';

/** What counting a metric reads: the data, the catalog's products and currency, and the association policy. */
export interface MetricInputs {
  readonly catalog: Catalog;
  readonly organization: Organization;
  readonly policy: ProgramPolicy;
}

/**
 * What a metric requirement counts on a day, exactly: a whole number for counts, the catalog's currency for money.
 * One pass over the data the measure reads; the status tracker calls it again on the days its events name.
 */
export function countMetric(requirement: MetricRequirement, inputs: MetricInputs, day: Day): Decimal {
  return COUNTERS[requirement.measure](requirement, inputs, day);
}

type Counter = (requirement: MetricRequirement, inputs: MetricInputs, day: Day) => Decimal;

const COUNTERS: { readonly [M in MetricMeasure]: Counter } = {
  'active-entitlements': (requirement, inputs, day) => {
    const credits = customerCredits(inputs.organization);
    const products = productTest(requirement, inputs.catalog);
    let seats = 0;
    for (const s of inputs.organization.subscriptions) {
      if (s.trial || !activeOn(s, day) || !products(s.product)) continue;
      if ((creditedOn(credits.get(s.customer), day) & requirement.accepts) !== 0) seats += s.seats;
    }
    return Decimal.fromInteger(seats);
  },

  'new-customers': (requirement, inputs, day) => {
    const windowStart = oneYearBefore(day);
    const holders = requirement.products.length === 0 ? null : holdersOn(requirement, inputs, day);
    let customers = 0;
    for (const [customer, { periods }] of customerCredits(inputs.organization)) {
      const first = firstAccepted(periods, requirement);
      if (first === null || first <= windowStart || first > day) continue;
      if (holders === null || holders.has(customer)) customers += 1;
    }
    return Decimal.fromInteger(customers);
  },

  'azure-consumption': (requirement, inputs, day) => {
    const windowStart = oneYearBefore(day);
    const credits = customerCredits(inputs.organization);
    const atAsOf = inputs.policy.revenueAssociation === 'associated-at-as-of';
    // Each currency summed exactly, then converted once, as revenue is.
    const byCurrency = new Map<string, Decimal>();
    for (const record of inputs.organization.consumption) {
      if (record.date <= windowStart || record.date > day) continue;
      const credited = creditedOn(credits.get(record.customer), atAsOf ? day : record.date);
      if ((credited & requirement.accepts) === 0) continue;
      byCurrency.set(record.currency, (byCurrency.get(record.currency) ?? Decimal.ZERO).add(record.amount));
    }
    let total = Decimal.ZERO;
    for (const [currency, amount] of byCurrency) total = total.add(convert(inputs, amount, currency));
    return total;
  },

  'devices-shipped': (requirement, inputs, day) => {
    const windowStart = oneYearBefore(day);
    const products = productTest(requirement, inputs.catalog);
    let units = 0;
    for (const shipment of inputs.organization.devices) {
      if (shipment.date > windowStart && shipment.date <= day && products(shipment.product)) units += shipment.units;
    }
    return Decimal.fromInteger(units);
  },
};

/** Whether a subscription (or anything with from/to) is active on a day; both ends inclusive. */
export function activeOn(period: { readonly from: Day; readonly to: Day | null }, day: Day): boolean {
  return period.from <= day && (period.to === null || day <= period.to);
}

/** The first day of a customer's first association period of a type the requirement accepts; null when none. */
export function firstAccepted(periods: readonly CreditPeriod[], requirement: MetricRequirement): Day | null {
  let first: Day | null = null;
  for (const p of periods) if ((p.mask & requirement.accepts) !== 0 && (first === null || p.from < first)) first = p.from;
  return first;
}

/** Customers holding a non-trial subscription on one of the requirement's products on a day. */
function holdersOn(requirement: MetricRequirement, inputs: MetricInputs, day: Day): Set<string> {
  const products = productTest(requirement, inputs.catalog);
  const holders = new Set<string>();
  for (const s of inputs.organization.subscriptions)
    if (!s.trial && activeOn(s, day) && products(s.product)) holders.add(s.customer);
  return holders;
}

/** Whether a product as a file writes it (id or alias) is one of the requirement's; lookups remembered per call. */
function productTest(requirement: MetricRequirement, catalog: Catalog): (written: string) => boolean {
  const wanted = new Set(requirement.products);
  const known = new Map<string, boolean>();
  return (written) => {
    let found = known.get(written);
    if (found === undefined) {
      const id = catalog.findProduct(written)?.id;
      found = id !== undefined && wanted.has(id);
      known.set(written, found);
    }
    return found;
  };
}
