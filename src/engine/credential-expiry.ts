import type { Exam } from '../catalog/catalog-types.js';
import { addMonths, type Day } from '../core/day.js';
import type { ExamPass } from './organization.js';

/**
 * The last day a pass is valid on its own terms, or null when it does not expire. A date the organization file
 * states wins (it is the certificate's own); otherwise the registry's validity counts from the day of the pass.
 * The registry's launch, retirement and grace rules apply on top of this.
 */
export function passExpiry(exam: Exam, pass: ExamPass): Day | null {
  if (pass.expires !== undefined) return pass.expires;
  return exam.validForMonths === null ? null : addMonths(pass.passed, exam.validForMonths) - 1;
}
