import { z } from 'zod';
import { marketsWithoutThreshold } from '../../catalog/expand-thresholds.js';
import { id, localized, thresholds } from '../../catalog/schema-parts.js';
import { EVERY_MARKET, UNPUBLISHED } from '../../catalog/threshold-words.js';
import { Decimal } from '../../core/decimal.js';
import { amountRangeIssue, readAmount } from '../../core/read-amount.js';
import type { CheckKind } from '../catalog-kind.js';

/** A revenue requirement as a catalog states it. */
export const revenueSchema = z.strictObject({
  kind: z.literal('revenue'),
  id,
  name: localized,
  products: z.array(z.string()).min(1),
  netNewOnly: z.boolean().default(true),
  thresholds,
});

export type RawRevenueRequirement = z.infer<typeof revenueSchema>;

/** Products the catalog knows, and a valid amount for every market of the catalog, or `unpublished`. */
export const checkRevenue: CheckKind<'revenue'> = (r, path, tools) => {
  r.products.forEach((p, i) => {
    if (!tools.knownProduct(p)) tools.report('catalog.product.unknown', [...path, 'products', i], { id: p });
  });
  const stated = typeof r.thresholds === 'object' ? Object.entries(r.thresholds) : [[null, r.thresholds] as const];
  for (const [market, value] of stated) {
    const at = market === null ? [...path, 'thresholds'] : [...path, 'thresholds', market];
    if (market !== null && market !== EVERY_MARKET && !tools.markets.includes(market)) {
      tools.report('catalog.threshold.unknown-market', at, { market });
    }
    if (value === UNPUBLISHED && market !== null) continue;
    const amount = readAmount(typeof value === 'number' ? String(value) : value, 'decimal');
    if (amount === 'out-of-range') {
      tools.report('input.amount.digits', at, amountRangeIssue('', String(value)).params);
    } else if (!(amount instanceof Decimal) || amount.isNegative()) {
      tools.report('catalog.threshold.invalid', at, { value: String(value) });
    }
  }
  for (const market of marketsWithoutThreshold(r.thresholds, tools.markets)) {
    tools.report('catalog.threshold.missing-market', [...path, 'thresholds'], { market });
  }
};
