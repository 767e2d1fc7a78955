import { z } from 'zod';
import { checkThresholds } from '../../catalog/check-thresholds.js';
import { associationsSchema, id, localized, thresholds } from '../../catalog/schema-parts.js';
import type { CheckKind } from '../catalog-kind.js';

/** A revenue requirement as a catalog states it. */
export const revenueSchema = z.strictObject({
  kind: z.literal('revenue'),
  id,
  name: localized,
  products: z.array(z.string()).min(1),
  netNewOnly: z.boolean().default(true),
  /** The association types under which revenue counts; DPOR alone, as the 2017 program's revenue tests read. */
  associations: associationsSchema,
  thresholds,
});

export type RawRevenueRequirement = z.infer<typeof revenueSchema>;

/** Products the catalog knows, and a valid amount for every market of the catalog, or `unpublished`. */
export const checkRevenue: CheckKind<'revenue'> = (r, path, tools) => {
  r.products.forEach((p, i) => {
    if (!tools.knownProduct(p)) tools.report('catalog.product.unknown', [...path, 'products', i], { id: p });
  });
  checkThresholds(r.thresholds, path, tools);
};
