import type { RevenueAssociationPolicy } from '../catalog/catalog-types.js';
import { type Day, oneYearBefore } from '../core/day.js';
import type { Period } from './organization.js';

/**
 * Why a revenue record on a known product, dated by the as-of day, counts toward no level: it is older than the
 * trailing twelve months, or its customer does not name the partner as Digital Partner of Record when the policy
 * asks (on the record's date, or on the as-of day). Null when it counts. It reads DPOR periods, what the shipped
 * catalogs' revenue tests accept; a requirement accepting other association types counts more than this says. The evaluation sums records by exactly
 * these rules (`evaluation-context.ts`); the evaluation's warnings cover unknown products and later dates.
 */
export function revenueRecordStanding(
  date: Day,
  periods: readonly Period[] | undefined,
  asOf: Day,
  association: RevenueAssociationPolicy,
): 'outside-window' | 'not-associated' | null {
  if (date > asOf) return null;
  if (date <= oneYearBefore(asOf)) return 'outside-window';
  const day = association === 'within-period' ? date : asOf;
  const associated = periods?.some((p) => p.from <= day && (p.to === null || day <= p.to)) ?? false;
  return associated ? null : 'not-associated';
}
