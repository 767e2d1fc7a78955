import type { Finding } from '../../../src/engine/evaluation-types.js';
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
