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

export interface ExamPass {
  /** The code as written in the file. */
  readonly exam: string;
  readonly passed: Day;
}

export interface Customer {
  readonly id: string;
  readonly name: string | null;
  readonly dpor: readonly Period[];
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
}
