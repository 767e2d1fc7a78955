import { expandThresholds } from '../../catalog/expand-thresholds.js';
import { Decimal } from '../../core/decimal.js';
import { associationMask } from '../../engine/customer-credits.js';
import type { CatalogKind } from '../catalog-kind.js';

/** A revenue requirement in a catalog: products by canonical id, a threshold per market. */
export const revenueCatalog: CatalogKind<'revenue'> = {
  compile: (rev, tools) => ({
    kind: 'revenue',
    id: rev.id,
    name: Object.freeze({ ...rev.name }),
    products: Object.freeze(rev.products.map(tools.canonicalProduct)),
    netNewOnly: rev.netNewOnly,
    associations: Object.freeze([...rev.associations]),
    accepts: associationMask(rev.associations),
    thresholds: new Map(Object.entries(expandThresholds(rev.thresholds, tools.markets)).map(([m, v]) => [m, toDecimal(v)])),
  }),
  // `unpublished` stays: the plain form is what the build writes and /api/catalog serves, and an operator's draft
  // made from it must validate again.
  plain: (rev, markets) => ({ ...rev, thresholds: expandThresholds(rev.thresholds, markets, { keepUnpublished: true }) }),
  nested: () => [],
  branch: () => undefined,
  part: () => undefined,
};

function toDecimal(value: number | string): Decimal {
  const parsed = typeof value === 'number' ? Decimal.fromNumber(value) : Decimal.parse(value);
  if (!parsed) throw new Error(`unvalidated threshold ${String(value)}`);
  return parsed;
}
