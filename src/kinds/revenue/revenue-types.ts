import type { RequirementBase } from '../../catalog/catalog-types.js';
import type { Decimal } from '../../core/decimal.js';
import type { AssociationMask } from '../../engine/customer-credits.js';
import type { ResultBase } from '../../engine/evaluation-types.js';
import type { AssociationType } from '../../engine/organization.js';

/** Trailing-twelve-month revenue on named products from associated customers, with a threshold per market. */
export interface RevenueRequirement extends RequirementBase {
  readonly kind: 'revenue';
  readonly products: readonly string[];
  readonly netNewOnly: boolean;
  /** The association types under which revenue counts (DPOR unless the catalog says otherwise). */
  readonly associations: readonly AssociationType[];
  /** `associations` as a mask, for the per-aggregate test. */
  readonly accepts: AssociationMask;
  /** Missing markets have no published threshold: the requirement cannot be decided there. */
  readonly thresholds: ReadonlyMap<string, Decimal>;
}

export interface MoneyByCurrency {
  readonly currency: string;
  readonly amount: string;
  /** The amount in the catalog's currency. */
  readonly converted: string;
}

export interface RevenueResult extends ResultBase {
  readonly kind: 'revenue';
  readonly products: readonly string[];
  readonly netNewOnly: boolean;
  readonly currency: string;
  readonly counted: string;
  /** Null when the catalog publishes no threshold for the organization's market. */
  readonly required: string | null;
  readonly shortfall: string | null;
  readonly records: number;
  readonly byCurrency: readonly MoneyByCurrency[];
  /** Revenue on the right products inside the trailing twelve months that did not count, by reason. */
  readonly excluded: {
    readonly notAssociated: { readonly records: number; readonly amount: string };
    readonly notNetNew: { readonly records: number; readonly amount: string };
  };
}
