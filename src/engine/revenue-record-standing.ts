import type { Catalog, RevenueAssociationPolicy } from '../catalog/catalog-types.js';
import { everyRevenue } from '../catalog/every-requirement.js';
import { versionAt } from '../catalog/find-level.js';
import { type Day, oneYearBefore } from '../core/day.js';
import { type AssociationMask, associationBit } from './customer-credits.js';
import type { RevenueRecord } from './organization.js';

/**
 * Why a revenue record on a known product, dated by the as-of day, counts toward no level: it is older than the
 * trailing twelve months, or it is credited under none of the association types any revenue test accepts (its own
 * attribution when it has one, else its customer's periods, on the record's date or on the as-of day as the policy
 * says). Null when it counts. The evaluation sums records by exactly these rules (`evaluation-context.ts`); its
 * warnings cover unknown products and later dates.
 *
 * @param creditedOn the association types a customer credits the partner under on a day (`creditLookup`)
 * @param accepted the types any revenue test accepts (`acceptedAssociations`)
 */
export function revenueRecordStanding(
  record: Pick<RevenueRecord, 'customer' | 'date' | 'attribution'>,
  creditedOn: (customer: string, day: Day) => AssociationMask,
  asOf: Day,
  association: RevenueAssociationPolicy,
  accepted: AssociationMask,
): 'outside-window' | 'not-associated' | null {
  if (record.date > asOf) return null;
  if (record.date <= oneYearBefore(asOf)) return 'outside-window';
  const credited =
    record.attribution !== undefined
      ? associationBit(record.attribution)
      : creditedOn(record.customer, association === 'within-period' ? record.date : asOf);
  return (credited & accepted) !== 0 ? null : 'not-associated';
}

/** The association types that some revenue test of the catalog's versions in effect on the day accepts. */
export function acceptedAssociations(catalog: Catalog, day: Day): AssociationMask {
  let mask = 0;
  for (const competency of catalog.competencies) {
    for (const option of versionAt(competency, day).options) {
      for (const level of option.levels) for (const test of everyRevenue(level.requirements)) mask |= test.accepts;
    }
  }
  return mask;
}
