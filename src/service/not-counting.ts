import type { Catalog, RevenueAssociationPolicy } from '../catalog/catalog-types.js';
import { type Day, formatDay } from '../core/day.js';
import { creditLookup } from '../engine/customer-credits.js';
import { evaluate } from '../engine/evaluate.js';
import type { Finding } from '../engine/evaluation-types.js';
import type { Organization } from '../engine/organization.js';
import { acceptedAssociations, revenueRecordStanding } from '../engine/revenue-record-standing.js';

/** Why a revenue record the evaluation sums without a warning counts toward nothing. */
export type RevenueStanding = 'outside-window' | 'not-associated';

/**
 * What of an organization's data counts toward no level as of a day, and why, by each record's place in file order
 * (the place the store's pages give): the evaluation's warnings on exam passes and revenue records, the revenue that
 * falls outside the twelve months or is credited under no association type a revenue test accepts, and the customers none of whose recent revenue
 * counts. Plain JSON, so that it crosses from the thread that computes it.
 */
export interface NotCounting {
  readonly asOf: string;
  readonly association: RevenueAssociationPolicy;
  /** How many warnings (ignored data) the evaluation has in all. */
  readonly warnings: number;
  /** Passes with warnings: person index, pass index, the warnings. */
  readonly exams: readonly (readonly [number, number, readonly Finding[]])[];
  /**
   * Records that do not count, by index in ascending order: by the policy's rules, or with the evaluation's warnings
   * (unknown product, later date). Plain lists of numbers: a large organization has a hundred thousand of them.
   */
  readonly revenue: {
    readonly 'outside-window': readonly number[];
    readonly 'not-associated': readonly number[];
    readonly warned: readonly (readonly [number, readonly Finding[]])[];
  };
  /** Indexes of the customers with recent revenue of which none counts. */
  readonly customers: readonly number[];
}

const EXAM_PATH = /^\$\.people\[(\d+)\]\.exams\[(\d+)\]/;
const REVENUE_PATH = /^\$\.revenue\[(\d+)\]/;

/** Evaluates the organization as of the day and places what does not count on its records. */
export function notCounting(catalog: Catalog, organization: Organization, asOf: Day): NotCounting {
  const evaluation = evaluate(catalog, organization, { asOf });
  const association = evaluation.policy.revenueAssociation;
  const exams = new Map<string, [number, number, Finding[]]>();
  const warned = new Map<number, Finding[]>();
  for (const warning of evaluation.warnings) {
    const exam = EXAM_PATH.exec(warning.path);
    if (exam) {
      const key = `${exam[1]}/${exam[2]}`;
      const entry = exams.get(key) ?? [Number(exam[1]), Number(exam[2]), []];
      entry[2].push(warning);
      exams.set(key, entry);
      continue;
    }
    const record = REVENUE_PATH.exec(warning.path);
    if (record) {
      const index = Number(record[1]);
      warned.set(index, [...(warned.get(index) ?? []), warning]);
    }
  }
  const creditedOn = creditLookup(organization);
  const accepted = acceptedAssociations(catalog, asOf);
  const revenue = { 'outside-window': [] as number[], 'not-associated': [] as number[], warned: [] as [number, Finding[]][] };
  const inWindow = new Map<string, { records: number; counted: number }>();
  organization.revenue.forEach((record, i) => {
    const warnings = warned.get(i);
    if (warnings) {
      revenue.warned.push([i, warnings]);
      return;
    }
    const standing = revenueRecordStanding(record, creditedOn, asOf, association, accepted);
    if (standing !== null) revenue[standing].push(i);
    if (standing === 'outside-window' || record.date > asOf) return;
    const tally = inWindow.get(record.customer) ?? { records: 0, counted: 0 };
    tally.records += 1;
    if (standing === null) tally.counted += 1;
    inWindow.set(record.customer, tally);
  });
  const customers = organization.customers.flatMap((c, i) => {
    const tally = inWindow.get(c.id);
    return tally && tally.records > 0 && tally.counted === 0 ? [i] : [];
  });
  return {
    asOf: formatDay(asOf),
    association,
    warnings: evaluation.warnings.length,
    exams: [...exams.values()],
    revenue,
    customers,
  };
}
