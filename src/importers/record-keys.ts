import type { Catalog } from '../catalog/catalog-types.js';
import { examKey } from '../catalog/exam-code.js';
import type { Day } from '../core/day.js';
import type { RevenueRecord } from '../engine/organization.js';

/**
 * Identity keys. A pass is (person, exam, date) with the exam's spellings ("mb2 713", "MB2-713") one exam; a DPOR
 * period is (customer, from, to); a revenue record is all of its fields, with a product's aliases one product and
 * amounts compared by value ("100.50" is "100.5"). NUL cannot appear in a CSV cell that means anything.
 */
export function passKey(person: string, exam: string, passed: Day): string {
  return `${person}\u0000${examKey(exam)}\u0000${passed}`;
}

export function periodKey(customer: string, from: Day, to: Day | null): string {
  return `${customer}\u0000${from}\u0000${to ?? ''}`;
}

/** Builds revenue keys, resolving each distinct product spelling through the catalog once. */
export class RevenueKeys {
  private readonly products = new Map<string, string>();

  constructor(private readonly catalog: Catalog) {}

  key(r: RevenueRecord): string {
    let product = this.products.get(r.product);
    if (product === undefined) {
      product = this.catalog.findProduct(r.product)?.id ?? r.product.toLowerCase();
      this.products.set(r.product, product);
    }
    return `${r.customer}\u0000${product}\u0000${r.date}\u0000${r.amount.toString()}\u0000${r.currency}\u0000${r.netNew ? 1 : 0}`;
  }
}
