import { expandThresholds } from '../../catalog/expand-thresholds.js';
import { Decimal } from '../../core/decimal.js';
import { associationMask } from '../../engine/customer-credits.js';
import type { CatalogKind } from '../catalog-kind.js';

/** A metric requirement in a catalog: products by canonical id, accepted associations, a threshold per market. */
export const metricCatalog: CatalogKind<'metric'> = {
  compile: (metric, tools) => ({
    kind: 'metric',
    id: metric.id,
    name: Object.freeze({ ...metric.name }),
    measure: metric.measure,
    products: Object.freeze(metric.products.map(tools.canonicalProduct)),
    associations: Object.freeze([...metric.associations]),
    accepts: associationMask(metric.associations),
    thresholds: new Map(Object.entries(expandThresholds(metric.thresholds, tools.markets)).map(([m, v]) => [m, toDecimal(v)])),
  }),
  plain: (metric, markets) => ({
    ...metric,
    thresholds: expandThresholds(metric.thresholds, markets, { keepUnpublished: true }),
  }),
  nested: () => [],
  branch: () => undefined,
  part: () => undefined,
};

function toDecimal(value: number | string): Decimal {
  const parsed = typeof value === 'number' ? Decimal.fromNumber(value) : Decimal.parse(value);
  if (!parsed) throw new Error(`unvalidated threshold ${String(value)}`);
  return parsed;
}
