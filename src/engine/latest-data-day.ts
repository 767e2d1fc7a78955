import type { Day } from '../core/day.js';
import type { Organization } from './organization.js';

/** The last day on which the organization's data records something (a revenue record or an exam pass); null when none. */
export function latestDataDay(organization: Organization): Day | null {
  let latest: Day | null = null;
  for (const record of organization.revenue) if (latest === null || record.date > latest) latest = record.date;
  for (const person of organization.people) {
    for (const pass of person.exams) if (latest === null || pass.passed > latest) latest = pass.passed;
  }
  return latest;
}
