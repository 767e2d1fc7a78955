import type { Day } from '../core/day.js';
import { ASSOCIATION_TYPES, type AssociationType, type Organization } from './organization.js';

/**
 * Association types as bits of one number: a record or a customer credited under several types is one mask, and
 * whether a requirement accepts it is one `&`. Kept as numbers so that the seeds' aggregates (DPOR alone, bit 1)
 * group and compare exactly as the booleans they replace did.
 */
export type AssociationMask = number;

export function associationBit(type: AssociationType): AssociationMask {
  return 1 << ASSOCIATION_TYPES.indexOf(type);
}

/** The mask of a list of association types. */
export function associationMask(types: readonly AssociationType[]): AssociationMask {
  let mask = 0;
  for (const type of types) mask |= associationBit(type);
  return mask;
}

/** The association types of a mask, in `ASSOCIATION_TYPES` order. */
export function associationTypes(mask: AssociationMask): AssociationType[] {
  return ASSOCIATION_TYPES.filter((type) => (mask & associationBit(type)) !== 0);
}

/** One period in which a customer credits the partner under one association type; both ends inclusive. */
export interface CreditPeriod {
  readonly mask: AssociationMask;
  readonly from: Day;
  readonly to: Day | null;
}

const credits = new WeakMap<Organization, ReadonlyMap<string, readonly CreditPeriod[]>>();

/**
 * Per customer, every association period with its type's bit: DPOR periods and the other types' alike. Made once per
 * organization, since a forecast makes a context for many days of the same one.
 */
export function customerCredits(organization: Organization): ReadonlyMap<string, readonly CreditPeriod[]> {
  let found = credits.get(organization);
  if (found === undefined) {
    const dpor = associationBit('dpor');
    found = new Map(
      organization.customers.map((c) => [
        c.id,
        [
          ...c.dpor.map((p) => ({ mask: dpor, from: p.from, to: p.to })),
          ...(c.associations ?? []).map((a) => ({ mask: associationBit(a.type), from: a.from, to: a.to })),
        ],
      ]),
    );
    credits.set(organization, found);
  }
  return found;
}

/** The association types (a mask) under which a customer credits the partner on a day; 0 for a customer not listed. */
export function creditedOn(periods: readonly CreditPeriod[] | undefined, day: Day): AssociationMask {
  if (periods === undefined) return 0;
  let mask = 0;
  for (const p of periods) if (p.from <= day && (p.to === null || day <= p.to)) mask |= p.mask;
  return mask;
}
