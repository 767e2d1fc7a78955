import type { RequirementBase } from '../../catalog/catalog-types.js';
import type { Decimal } from '../../core/decimal.js';
import type { AssociationMask } from '../../engine/customer-credits.js';
import type { ResultBase } from '../../engine/evaluation-types.js';
import type { AssociationType } from '../../engine/organization.js';

/**
 * What a metric counts, each with its own unit:
 * - `active-entitlements`: seats of non-trial subscriptions on the products active on the as-of date, from customers
 *   with an accepted association that day;
 * - `new-customers`: customers whose first accepted association starts in the trailing twelve months (and, when the
 *   requirement names products, who hold a non-trial subscription on one of them on the as-of date);
 * - `azure-consumption`: customers' consumption in the trailing twelve months, in the catalog's currency, from
 *   customers associated under the catalog's `revenueAssociation` policy (it is not revenue);
 * - `devices-shipped`: units of the products shipped in the trailing twelve months (no customer is involved).
 */
export const METRIC_MEASURES = Object.freeze([
  'active-entitlements',
  'new-customers',
  'azure-consumption',
  'devices-shipped',
] as const);
export type MetricMeasure = (typeof METRIC_MEASURES)[number];

/** The measures that need products named. */
export const MEASURES_WITH_PRODUCTS: readonly MetricMeasure[] = Object.freeze(['active-entitlements', 'devices-shipped']);
/** The measures counted in money (the catalog's currency); the others count whole things. */
export const MONEY_MEASURES: readonly MetricMeasure[] = Object.freeze(['azure-consumption']);

/** A count other than revenue against a threshold per market. */
export interface MetricRequirement extends RequirementBase {
  readonly kind: 'metric';
  readonly measure: MetricMeasure;
  /** Canonical product ids; empty when the measure does not filter on products. */
  readonly products: readonly string[];
  /** The association types under which a customer counts (DPOR unless the catalog says otherwise). */
  readonly associations: readonly AssociationType[];
  readonly accepts: AssociationMask;
  /** Missing markets have no published threshold: the requirement cannot be decided there. */
  readonly thresholds: ReadonlyMap<string, Decimal>;
}

export interface MetricResult extends ResultBase {
  readonly kind: 'metric';
  readonly measure: MetricMeasure;
  readonly products: readonly string[];
  readonly associations: readonly AssociationType[];
  /** The catalog's currency for a measure of money; null for a count. */
  readonly currency: string | null;
  readonly counted: string;
  /** Null when the catalog publishes no threshold for the organization's market. */
  readonly required: string | null;
  readonly shortfall: string | null;
}
