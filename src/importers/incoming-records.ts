import type { Catalog } from '../catalog/catalog-types.js';
import type {
  Association,
  ConsumptionRecord,
  Customer,
  DeviceShipment,
  ExamPass,
  Organization,
  Period,
  Person,
  RevenueRecord,
  Subscription,
} from '../engine/organization.js';
import type { DayParser } from './cell-values.js';
import type { ImportIssues } from './import-issues.js';
import type { SkippedRow } from './import-plan.js';

/**
 * The records a file holds, validated and converted, before they are compared with the organization. Each reader
 * produces this; one merge decides what is new, so that every kind has the same identity rules.
 */
export interface IncomingRecords {
  /**
   * attain's own formats name people and customers as the partner means them, so a different name is an update.
   * An export's names are whatever someone typed into a profile: they only fill in a name the organization lacks.
   */
  readonly names: 'replace' | 'fill-missing';
  /** Distinct ids; a null name says nothing about the name. */
  readonly people: readonly Omit<Person, 'exams'>[];
  readonly exams: readonly (ExamPass & { readonly person: string })[];
  /** Distinct ids; a null name, or a missing country, says nothing about it. */
  readonly customers: readonly Omit<Customer, 'dpor' | 'associations'>[];
  readonly dpor: readonly (Period & { readonly customer: string })[];
  /** Associations other than DPOR. */
  readonly associations: readonly (Association & { readonly customer: string })[];
  /**
   * Periods (DPOR and the other associations) inferred from an export rather than stated: one adds nothing when the
   * customer's periods of its type already cover it, so that an export of months inside a known association leaves
   * the organization as it was.
   */
  readonly dporInferred: boolean;
  readonly revenue: readonly RevenueRecord[];
  readonly subscriptions: readonly Subscription[];
  readonly consumption: readonly ConsumptionRecord[];
  readonly devices: readonly DeviceShipment[];
  /** Data rows (or JSON records) read, skipped ones included. */
  readonly rows: number;
  readonly skipped: readonly SkippedRow[];
}

/** What every reader is given. */
export interface ImportContext {
  /** The organization records are added to (always present for the additive kinds). */
  readonly existing: Organization | undefined;
  readonly orgId: string;
  readonly catalog: Catalog;
  readonly issues: ImportIssues;
  readonly days: DayParser;
  readonly file: string | undefined;
}

export function emptyIncoming(names: IncomingRecords['names']): IncomingRecords {
  return {
    names,
    people: [],
    exams: [],
    customers: [],
    dpor: [],
    associations: [],
    dporInferred: false,
    revenue: [],
    subscriptions: [],
    consumption: [],
    devices: [],
    rows: 0,
    skipped: [],
  };
}
