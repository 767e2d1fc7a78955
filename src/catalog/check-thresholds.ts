import { Decimal } from '../core/decimal.js';
import { amountRangeIssue, readAmount } from '../core/read-amount.js';
import type { CheckTools } from '../kinds/catalog-kind.js';
import { marketsWithoutThreshold } from './expand-thresholds.js';
import type { RawThresholds } from './schema-parts.js';
import { EVERY_MARKET, UNPUBLISHED } from './threshold-words.js';

/**
 * A valid amount for every market of the catalog, or `unpublished`, in any of the forms thresholds take; what every
 * kind with thresholds per market checks. `whole`: the threshold counts things, so fractions are invalid too.
 */
export function checkThresholds(
  thresholds: RawThresholds,
  path: readonly PropertyKey[],
  tools: CheckTools,
  options: { readonly whole?: boolean } = {},
): void {
  const stated = typeof thresholds === 'object' ? Object.entries(thresholds) : [[null, thresholds] as const];
  for (const [market, value] of stated) {
    const at = market === null ? [...path, 'thresholds'] : [...path, 'thresholds', market];
    if (market !== null && market !== EVERY_MARKET && !tools.markets.includes(market)) {
      tools.report('catalog.threshold.unknown-market', at, { market });
    }
    if (value === UNPUBLISHED && market !== null) continue;
    const amount = readAmount(typeof value === 'number' ? String(value) : value, 'decimal');
    if (amount === 'out-of-range') {
      tools.report('input.amount.digits', at, amountRangeIssue('', String(value)).params);
    } else if (!(amount instanceof Decimal) || amount.isNegative() || (options.whole && !isWhole(amount))) {
      tools.report('catalog.threshold.invalid', at, { value: String(value) });
    }
  }
  for (const market of marketsWithoutThreshold(thresholds, tools.markets)) {
    tools.report('catalog.threshold.missing-market', [...path, 'thresholds'], { market });
  }
}

function isWhole(amount: Decimal): boolean {
  return !amount.toString().includes('.');
}
