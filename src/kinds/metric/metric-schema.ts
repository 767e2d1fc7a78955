import { z } from 'zod';
import { checkThresholds } from '../../catalog/check-thresholds.js';
import { associationsSchema, id, localized, thresholds } from '../../catalog/schema-parts.js';
import type { CheckKind } from '../catalog-kind.js';
import { MEASURES_WITH_PRODUCTS, METRIC_MEASURES, MONEY_MEASURES } from './metric-types.js';

/** A metric requirement as a catalog states it; field names as the revenue requirement's. */
export const metricSchema = z.strictObject({
  kind: z.literal('metric'),
  id,
  name: localized,
  measure: z.enum(METRIC_MEASURES),
  products: z.array(z.string()).default([]),
  /** The association types under which a customer counts; DPOR alone unless the catalog says otherwise. */
  associations: associationsSchema,
  thresholds,
});

export type RawMetricRequirement = z.infer<typeof metricSchema>;

/** Products known and named where the measure needs them; whole thresholds for counts, amounts for money. */
export const checkMetric: CheckKind<'metric'> = (r, path, tools) => {
  r.products.forEach((p, i) => {
    if (!tools.knownProduct(p)) tools.report('catalog.product.unknown', [...path, 'products', i], { id: p });
  });
  if (r.products.length === 0 && MEASURES_WITH_PRODUCTS.includes(r.measure)) {
    tools.report('catalog.metric.products', [...path, 'products'], { measure: r.measure });
  }
  checkThresholds(r.thresholds, path, tools, { whole: !MONEY_MEASURES.includes(r.measure) });
};
