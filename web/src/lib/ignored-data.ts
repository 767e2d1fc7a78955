import type { RevenueAssociationPolicy } from '../../../src/catalog/catalog-types.js';
import { parseDay } from '../../../src/core/day.js';
import type { Finding } from '../../../src/engine/evaluation-types.js';
import type { Period } from '../../../src/engine/organization.js';
import { revenueRecordStanding } from '../../../src/engine/revenue-record-standing.js';
import type { OrganizationDocument } from '../api/types.js';

/** The evaluation's warnings by the record they are about, for the tables that list those records. */
export interface IgnoredData {
  /** By `person index/exam index` in the organization file. */
  readonly exams: ReadonlyMap<string, readonly Finding[]>;
  /** By revenue record index. */
  readonly revenue: ReadonlyMap<number, readonly Finding[]>;
}

const EXAM_PATH = /^\$\.people\[(\d+)\]\.exams\[(\d+)\]/;
const REVENUE_PATH = /^\$\.revenue\[(\d+)\]/;

/**
 * Places each warning on its record by the JSON path the engine gave it. The organization file and the evaluation
 * are two reads: a warning whose record no longer says what the warning does (an import came between them) is left
 * unplaced rather than shown on another record.
 */
export function ignoredData(warnings: readonly Finding[], document: OrganizationDocument): IgnoredData {
  const exams = new Map<string, Finding[]>();
  const revenue = new Map<number, Finding[]>();
  for (const warning of warnings) {
    const exam = EXAM_PATH.exec(warning.path);
    if (exam) {
      const person = document.people[Number(exam[1])];
      const pass = person?.exams[Number(exam[2])];
      if (!person || !pass || warning.params.person !== person.id) continue;
      const key = `${exam[1]}/${exam[2]}`;
      exams.set(key, [...(exams.get(key) ?? []), warning]);
      continue;
    }
    const record = REVENUE_PATH.exec(warning.path);
    if (record) {
      const index = Number(record[1]);
      const found = document.revenue[index];
      const same =
        found !== undefined &&
        (warning.params.product === undefined || warning.params.product === found.product) &&
        (warning.params.date === undefined || warning.params.date === found.date);
      if (same) revenue.set(index, [...(revenue.get(index) ?? []), warning]);
    }
  }
  return { exams, revenue };
}

/** Revenue that the evaluation sums without a warning but that counts toward nothing, and the customers it is from. */
export interface UncountedRevenue {
  /** By revenue record index: why it does not count. */
  readonly records: ReadonlyMap<number, 'outside-window' | 'not-associated'>;
  /** Customers with revenue in the trailing twelve months of which none counts (no DPOR when it mattered). */
  readonly customers: ReadonlySet<string>;
}

/**
 * Each revenue record's standing as of the evaluation's day under its policy, by the engine's own rule
 * (`revenueRecordStanding`); records the evaluation already warned about (unknown product, later date) are theirs.
 */
export function uncountedRevenue(
  document: OrganizationDocument,
  asOf: string,
  association: RevenueAssociationPolicy,
  warned: IgnoredData,
): UncountedRevenue {
  const day = parseDay(asOf);
  const records = new Map<number, 'outside-window' | 'not-associated'>();
  if (day === undefined) return { records, customers: new Set() };
  const periods = new Map<string, readonly Period[]>(
    document.customers.map((c) => [
      c.id,
      c.dpor.map((d) => ({ from: parseDay(d.from) ?? 0, to: d.to === undefined ? null : (parseDay(d.to) ?? null) })),
    ]),
  );
  const inWindow = new Map<string, { records: number; counted: number }>();
  document.revenue.forEach((record, i) => {
    const date = parseDay(record.date);
    if (date === undefined || warned.revenue.has(i)) return;
    const standing = revenueRecordStanding(date, periods.get(record.customer), day, association);
    if (standing !== null) records.set(i, standing);
    if (standing === 'outside-window' || date > day) return;
    const tally = inWindow.get(record.customer) ?? { records: 0, counted: 0 };
    tally.records += 1;
    if (standing === null) tally.counted += 1;
    inWindow.set(record.customer, tally);
  });
  const customers = new Set([...inWindow].filter(([, t]) => t.records > 0 && t.counted === 0).map(([id]) => id));
  return { records, customers };
}
