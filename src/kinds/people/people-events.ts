import type { Catalog, Exam } from '../../catalog/catalog-types.js';
import type { Day } from '../../core/day.js';
import { passExpiry } from '../../engine/credential-expiry.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { Schedule } from '../../engine/horizon-events.js';

/**
 * The days on which people's counting exams can change a result: a pass starting to count, an exam's accepted-until
 * date passing for someone whose pass counts, a credential's own validity ending. Per day, the people (by index) to refile.
 */
export function peopleEvents(context: EvaluationContext, schedule: Schedule): ReadonlyMap<Day, number[]> {
  const days = new Map<Day, number[]>();
  const on = (day: Day): number[] | undefined => {
    if (!schedule.at(day)) return undefined;
    let entry = days.get(day);
    if (entry === undefined) {
      entry = [];
      days.set(day, entry);
    }
    return entry;
  };
  passEvents(context, schedule, on);
  const expiry = firstExpiry(context, schedule.next);
  if (expiry !== undefined) schedule.note(expiry);
  return days;
}

function passEvents(context: EvaluationContext, schedule: Schedule, on: (day: Day) => number[] | undefined): void {
  const { catalog, organization, qualified } = context;
  const { from, to } = schedule;
  const expiring = examsExpiringIn(context, from, to);
  const terms = [...catalog.exams.values()].some((e) => e.validForMonths !== null);
  organization.people.forEach((person, p) => {
    for (const pass of person.exams) {
      if (terms || pass.expires !== undefined) {
        // A credential's own term ends the day after its last valid day: that day the person is refiled.
        const exam = catalog.findExam(pass.exam);
        const expires = exam ? passExpiry(exam, pass) : null;
        if (expires !== null && expires >= pass.passed) on(expires + 1)?.push(p);
      }
      // A pass dated on or before `from` was already read by the evaluation: only its exam's expiry is new.
      if (pass.passed <= from || (pass.passed > to && pass.passed >= schedule.next)) continue;
      const exam = catalog.findExam(pass.exam);
      if (!exam) continue;
      on(pass.passed)?.push(p);
      if (exam.acceptedUntil !== null) on(exam.acceptedUntil + 1)?.push(p);
    }
    for (const exam of expiring) {
      if (qualified[p]?.has(exam.code)) on((exam.acceptedUntil as Day) + 1)?.push(p);
    }
  });
}

function examsExpiringIn(context: EvaluationContext, from: Day, to: Day): Exam[] {
  return acceptedUntil(context.catalog).filter((e) => (e.acceptedUntil as Day) + 1 > from && (e.acceptedUntil as Day) + 1 <= to);
}

/**
 * The first day after `from` and before `before` on which an exam someone passed stops being accepted, whether or
 * not the pass counts (as every other event, it is a day on which something in the data happens). Reads every
 * pass only when such an exam exists.
 */
function firstExpiry(context: EvaluationContext, before: Day): Day | undefined {
  const { catalog, organization, asOf } = context;
  const candidates = acceptedUntil(catalog).filter(
    (e) => (e.acceptedUntil as Day) + 1 > asOf && (e.acceptedUntil as Day) + 1 < before,
  );
  if (candidates.length === 0) return undefined;
  const passed = new Set(organization.people.flatMap((p) => p.exams.map((pass) => catalog.findExam(pass.exam)?.code)));
  const first = candidates.find((e) => passed.has(e.code));
  return first ? (first.acceptedUntil as Day) + 1 : undefined;
}

const limited = new WeakMap<Catalog, readonly Exam[]>();

/** The catalog's exams that stop being accepted some day, earliest first; found once per catalog. */
function acceptedUntil(catalog: Catalog): readonly Exam[] {
  let exams = limited.get(catalog);
  if (exams === undefined) {
    exams = [...new Set(catalog.exams.values())]
      .filter((e) => e.acceptedUntil !== null)
      .sort((a, b) => (a.acceptedUntil as Day) - (b.acceptedUntil as Day));
    limited.set(catalog, exams);
  }
  return exams;
}
