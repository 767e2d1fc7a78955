import type { Catalog, RevenueRequirement } from '../../catalog/catalog-types.js';
import { everyRevenue } from '../../catalog/every-requirement.js';
import { Decimal } from '../../core/decimal.js';
import type { AssociationMask } from '../../engine/customer-credits.js';
import { convert, type EvaluationContext } from '../../engine/evaluation-context.js';
import { countsToward } from './revenue-kind.js';

/**
 * Per revenue requirement of a catalog (every version), the revenue it counts in the catalog's currency, kept as
 * records enter and leave the trailing twelve months: each record changes the few totals of its product by its
 * converted amount, where summing again would read every aggregate each day. Exact decimals: converting each amount
 * and adding gives exactly what converting each currency's sum does, in any order.
 */
export class RevenueTotals {
  private readonly index: TotalsIndex;
  private readonly totals: Decimal[];
  /** Per total, a counter that grows with each change: cached statuses are checked against it. */
  private readonly stamps: number[];

  /** Starts from the revenue aggregates of the context's day. */
  constructor(private readonly context: EvaluationContext) {
    this.index = totalsIndex(context.catalog);
    this.totals = this.index.shared.map(() => Decimal.ZERO);
    this.stamps = this.index.shared.map(() => 0);
    for (const group of context.revenue) this.add(group.product, group.netNew, group.credited, group.currency, group.amount);
  }

  /** Adds (or, negative, takes away) an amount of revenue on a product, credited under the association types of a mask. */
  add(product: string, netNew: boolean, credited: AssociationMask, currency: string, amount: Decimal): void {
    let converted: Decimal | undefined;
    for (const slot of this.index.byProduct.get(product) ?? []) {
      if (!countsToward(this.index.shared[slot] as RevenueRequirement, netNew, credited)) continue;
      converted ??= convert(this.context, amount, currency);
      this.totals[slot] = (this.totals[slot] as Decimal).add(converted);
      this.stamps[slot] = (this.stamps[slot] as number) + 1;
    }
  }

  /** What the requirement counts today, in the catalog's currency. */
  counted(requirement: RevenueRequirement): Decimal {
    return this.totals[this.slotOf(requirement)] ?? Decimal.ZERO;
  }

  /** Changes whenever `counted(requirement)` may have. */
  stamp(requirement: RevenueRequirement): number {
    return this.stamps[this.slotOf(requirement)] ?? 0;
  }

  private slotOf(requirement: RevenueRequirement): number {
    const slot = this.index.slots.get(requirement);
    if (slot === undefined) throw new RangeError(`revenue requirement ${requirement.id} is not of this catalog`);
    return slot;
  }
}

/** Where each requirement's total is kept: requirements that count the same revenue share one. */
interface TotalsIndex {
  /** Per total, one of the requirements that share it. */
  readonly shared: readonly RevenueRequirement[];
  readonly slots: ReadonlyMap<RevenueRequirement, number>;
  /** Per product, the totals it is part of. */
  readonly byProduct: ReadonlyMap<string, readonly number[]>;
}

const indexes = new WeakMap<Catalog, TotalsIndex>();

/** Computed once per catalog. */
function totalsIndex(catalog: Catalog): TotalsIndex {
  let index = indexes.get(catalog);
  if (index === undefined) {
    const shared: RevenueRequirement[] = [];
    const slots = new Map<RevenueRequirement, number>();
    const byKey = new Map<string, number>();
    const byProduct = new Map<string, number[]>();
    const requirements = catalog.competencies.flatMap((c) =>
      c.versions.flatMap((v) => v.options.flatMap((o) => o.levels.flatMap((l) => everyRevenue(l.requirements)))),
    );
    for (const requirement of requirements) {
      const products = [...new Set(requirement.products)];
      // The same products, net new or not, under the same associations: the same revenue, whatever the threshold.
      const key = `${[...products].sort().join('\u0000')}\u0000${requirement.netNewOnly}\u0000${requirement.accepts}`;
      let slot = byKey.get(key);
      if (slot === undefined) {
        slot = shared.push(requirement) - 1;
        byKey.set(key, slot);
        for (const product of products) byProduct.set(product, [...(byProduct.get(product) ?? []), slot]);
      }
      slots.set(requirement, slot);
    }
    index = { shared, slots, byProduct };
    indexes.set(catalog, index);
  }
  return index;
}
