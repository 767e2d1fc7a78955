import type { Day } from '../core/day.js';
import type { Decimal } from '../core/decimal.js';

/** The 2017 program's markets. A catalog declares its own; an organization names one of its catalog's. */
export const MARKETS: readonly string[] = Object.freeze(['developed', 'developing']);
/** One of the catalog's markets (see `OrganizationRules`). */
export type Market = string;

/**
 * A partner organization as the engine reads it: validated, with dates as days and amounts as exact decimals.
 * Records keep their position in the source file so that every warning can point at it.
 */
export interface Organization {
  readonly id: string;
  readonly name: string | null;
  readonly market: Market;
  readonly country: string | null;
  readonly people: readonly Person[];
  readonly customers: readonly Customer[];
  readonly revenue: readonly RevenueRecord[];
  /** Licences held by customers: the seats or entitlements active on a day. */
  readonly subscriptions: readonly Subscription[];
  /** Customers' cloud consumption (Azure consumed revenue), which is not net new revenue. */
  readonly consumption: readonly ConsumptionRecord[];
  /** Devices the partner shipped. */
  readonly devices: readonly DeviceShipment[];
  /** Value in the catalog's currency of one unit of each other currency. */
  readonly fx: ReadonlyMap<string, Decimal>;
}

/** People's display names by id, for reports; people without a name are shown by id. */
export function personNames(organization: Organization): ReadonlyMap<string, string> {
  return new Map(organization.people.flatMap((p) => (p.name ? [[p.id, p.name] as const] : [])));
}

export interface Person {
  readonly id: string;
  readonly name: string | null;
  /**
   * Partner Center's MCID: the certified individual across organizations, which the program counts for one
   * organization at a time. Absent when the file does not say; the id is the file's own.
   */
  readonly mcid?: string;
  /**
   * The individual's email, where the export has it: matched without regard to case, and shown to the operator when
   * two organizations list the same one. Not unique: a shared mailbox must not refuse an import.
   */
  readonly email?: string;
  readonly exams: readonly ExamPass[];
}

/** A credential earned: an exam passed, an assessment completed or a certification held (the catalog says which). */
export interface ExamPass {
  /** The code as written in the file. */
  readonly exam: string;
  readonly passed: Day;
  /** The last day it is valid, when the credential expires (certifications); absent when it does not. */
  readonly expires?: Day;
}

export interface Customer {
  readonly id: string;
  readonly name: string | null;
  /** ISO 3166 country of the customer's tenant (Partner Center's `CustomerTenantCountry`); absent when unknown. */
  readonly country?: string;
  /** Periods in which the customer named this partner its Digital Partner of Record. */
  readonly dpor: readonly Period[];
  /** Periods of the other ways a partner is credited for a customer (absent: none); DPOR periods are in `dpor`. */
  readonly associations?: readonly Association[];
}

/**
 * The ways a partner is credited for a customer (`program.md`, "Associations"). Each requirement names the ones it
 * accepts; DPOR alone unless it says otherwise, so files without associations mean what they always meant.
 */
export const ASSOCIATION_TYPES = Object.freeze([
  'dpor',
  'cpor',
  'transacting-partner',
  'delegated-admin',
  'fasttrack',
  'pal',
] as const);
export type AssociationType = (typeof ASSOCIATION_TYPES)[number];

export interface Association extends Period {
  readonly type: Exclude<AssociationType, 'dpor'>;
}

/** An association period; both ends inclusive, `to` null when still open. */
export interface Period {
  readonly from: Day;
  readonly to: Day | null;
}

export interface RevenueRecord {
  readonly customer: string;
  /** The product as written in the file: an id or alias of the catalog's product registry. */
  readonly product: string;
  readonly date: Day;
  readonly amount: Decimal;
  readonly currency: string;
  readonly netNew: boolean;
  /**
   * How Partner Center credited this partner for the record (its `PartnerAttributionType`); the record then counts
   * under that association alone, whatever the customer's periods say (the export lists a billing once per type it
   * is credited under). Absent when the file does not say: the customer's periods decide.
   */
  readonly attribution?: AssociationType;
}

/** Seats of a product that a customer holds from `from` to `to` (inclusive; open when null). */
export interface Subscription {
  readonly id: string | null;
  readonly customer: string;
  /** The product as written in the file: an id or alias of the catalog's product registry. */
  readonly product: string;
  readonly seats: number;
  readonly from: Day;
  readonly to: Day | null;
  /** Trial seats never count as active entitlements. */
  readonly trial: boolean;
}

/** A customer's consumption on one day (Partner Center reports it by month, dated the month's first day). */
export interface ConsumptionRecord {
  readonly customer: string;
  readonly date: Day;
  readonly amount: Decimal;
  readonly currency: string;
  /** The cloud service consumed (for example an Azure service), when the report names it. */
  readonly service?: string;
}

export interface DeviceShipment {
  readonly product: string;
  readonly date: Day;
  readonly units: number;
}
