import type { RawThresholds } from './catalog-schema.js';
import { EVERY_MARKET, UNPUBLISHED } from './threshold-words.js';

/**
 * The threshold of each market, as authored thresholds state it: one amount for every market, or an amount per
 * market where `all` stands for the markets not named. Markets written `unpublished`, and markets with no amount at
 * all (a validation error), have none.
 */
export function expandThresholds(
  thresholds: RawThresholds,
  markets: readonly string[],
  options: { readonly keepUnpublished?: boolean } = {},
): Record<string, number | string> {
  const stated: Record<string, number | string> = typeof thresholds === 'object' ? thresholds : { [EVERY_MARKET]: thresholds };
  const expanded: Record<string, number | string> = {};
  for (const market of [...markets, ...Object.keys(stated).filter((m) => m !== EVERY_MARKET && !markets.includes(m))]) {
    const value = stated[market] ?? stated[EVERY_MARKET];
    if (value !== undefined && (value !== UNPUBLISHED || options.keepUnpublished)) expanded[market] = value;
  }
  return expanded;
}

/** The markets of the catalog that thresholds give no amount, not even `unpublished`. */
export function marketsWithoutThreshold(thresholds: RawThresholds, markets: readonly string[]): string[] {
  if (typeof thresholds !== 'object' || EVERY_MARKET in thresholds) return [];
  return markets.filter((market) => !(market in thresholds));
}
