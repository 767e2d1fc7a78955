import type { Catalog } from '../catalog/catalog-types.js';
import { examKey } from '../catalog/exam-code.js';
import type { Day } from '../core/day.js';
import type { Decimal } from '../core/decimal.js';
import { remembered } from '../core/remembered.js';
import type { ConsumptionRecord, DeviceShipment, RevenueRecord, Subscription } from '../engine/organization.js';

/**
 * Identity. A pass is (person, exam, date) with the exam's spellings ("mb2 713", "MB2-713") one exam; a DPOR period
 * is (customer, from, to), another association (customer, type, from, to); a revenue record, a subscription without
 * an id, a consumption record and a device shipment are all of their fields, with a product's aliases one product and
 * amounts compared by value ("100.50" is "100.5"); a subscription with an id is its id. NUL cannot appear in a CSV
 * cell that means anything.
 */
export function passKey(person: string, exam: string, passed: Day): string {
  return `${person}\u0000${examKey(exam)}\u0000${passed}`;
}

export function periodKey(customer: string, from: Day, to: Day | null): string {
  return `${customer}\u0000${from}\u0000${to ?? ''}`;
}

export function associationKey(customer: string, type: string, from: Day, to: Day | null): string {
  return `${type}\u0000${periodKey(customer, from, to)}`;
}

/** A subscription without an id, by its fields; `product` is its registry id when the catalog knows it. */
export function subscriptionKey(s: Subscription, product: string): string {
  return [s.customer, product, s.seats, s.from, s.to ?? '', s.trial ? 1 : 0].join('\u0000');
}

export function consumptionKey(c: ConsumptionRecord): string {
  return [c.customer, c.date, c.amount.toString(), c.currency, c.service ?? ''].join('\u0000');
}

export function deviceKey(d: DeviceShipment, product: string): string {
  return [product, d.date, d.units].join('\u0000');
}

/** How many copies of one revenue record each side of a comparison has. */
export interface RevenueTally {
  /** Copies in the organization (or, for a replacement, in the organization before). */
  have: number;
  /** Copies in the file. */
  seen: number;
}

interface Bucket extends RevenueTally {
  readonly product: string;
  readonly amount: Decimal;
  readonly currency: string;
  readonly netNew: boolean;
  /** Part of the identity: the export lists one billing once per attribution type, and each is a record. */
  readonly attribution: string | undefined;
}

/** The records of one customer on one day: a short list compared field by field, indexed once it grows. */
interface CustomerDay {
  readonly buckets: Bucket[];
  index?: Map<string, Bucket>;
}

/**
 * Past this many distinct records of one customer on one day, they are found by a key instead of compared one by
 * one. Most customer-days have a handful; a Partner Center export dates a month's rows on one day, and comparing
 * each of 60,000 such rows with all the others took 32 s.
 */
const SCAN_LIMIT = 8;

/**
 * Revenue records counted by identity. Records are filed by customer and date, then compared field by field within
 * the few that share both, which costs far less than building and hashing a string key for each of 100,000 records;
 * only a customer-day with many records gets keys.
 */
export class RevenueTallies {
  private readonly byCustomer = new Map<string, Map<Day, CustomerDay>>();
  private readonly products = new Map<string, string | null>();

  constructor(private readonly catalog: Catalog) {}

  /** The tally of the record's identity, created at zero. */
  of(r: RevenueRecord): RevenueTally {
    let byDate = this.byCustomer.get(r.customer);
    if (!byDate) {
      byDate = new Map();
      this.byCustomer.set(r.customer, byDate);
    }
    let day = byDate.get(r.date);
    if (!day) {
      day = { buckets: [] };
      byDate.set(r.date, day);
    }
    const product = this.product(r.product);
    const { buckets } = day;
    if (day.index) {
      const key = bucketKey(product, r.amount, r.currency, r.netNew, r.attribution);
      let bucket = day.index.get(key);
      if (!bucket) {
        bucket = newBucket(product, r);
        buckets.push(bucket);
        day.index.set(key, bucket);
      }
      return bucket;
    }
    for (const b of buckets) {
      if (
        b.product === product &&
        b.currency === r.currency &&
        b.netNew === r.netNew &&
        b.attribution === r.attribution &&
        b.amount.cmp(r.amount) === 0
      )
        return b;
    }
    const bucket = newBucket(product, r);
    buckets.push(bucket);
    if (buckets.length > SCAN_LIMIT) {
      day.index = new Map(buckets.map((b) => [bucketKey(b.product, b.amount, b.currency, b.netNew, b.attribution), b] as const));
    }
    return bucket;
  }

  *tallies(): Iterable<RevenueTally> {
    for (const byDate of this.byCustomer.values()) for (const day of byDate.values()) yield* day.buckets;
  }

  private product(text: string): string {
    return productIdentity(this.products, this.catalog, text);
  }
}

/** A product's identity: its registry id when the catalog knows it (aliases are one product), else its lower case. */
export function productIdentity(memo: Map<string, string | null>, catalog: Catalog, text: string): string {
  return remembered(memo, text, (t) => catalog.findProduct(t)?.id ?? t.toLowerCase()) as string;
}

function newBucket(product: string, r: RevenueRecord): Bucket {
  return {
    product,
    amount: r.amount,
    currency: r.currency,
    netNew: r.netNew,
    attribution: r.attribution,
    have: 0,
    seen: 0,
  };
}

/** A record's identity within its customer-day; the amount by value, as its normalized text ("100.50" is "100.5"). */
function bucketKey(product: string, amount: Decimal, currency: string, netNew: boolean, attribution: string | undefined): string {
  return `${product}\u0000${currency}\u0000${netNew ? 1 : 0}\u0000${attribution ?? ''}\u0000${amount.toString()}`;
}
