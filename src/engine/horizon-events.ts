import type { Catalog, Exam } from '../catalog/catalog-types.js';
import { type Day, firstDayOutside, oneYearBefore } from '../core/day.js';
import type { EvaluationContext } from './evaluation-context.js';

/** A revenue record entering (1) or leaving (-1) the trailing twelve months, its product resolved. */
export interface RevenueMove {
  readonly record: number;
  readonly product: string;
  readonly sign: 1 | -1;
}

/** What happens on one day: what may change a result, in the order a status tracker applies it. */
export interface HorizonDay {
  readonly day: Day;
  /** Customers (by id) whose association may change; first, so that revenue entering today is filed under it. */
  readonly customers: string[];
  readonly revenue: RevenueMove[];
  /** People (by index) whose counting exams may change. */
  readonly people: number[];
  /** Whether a version of a competency takes effect. */
  versions: boolean;
}

export interface HorizonEvents {
  /** The days in (from, to] on which something happens, in order. */
  readonly days: readonly HorizonDay[];
  /** The first day after `from` on which anything in the data happens, however far ahead; null when nothing ever will. */
  readonly nextEvent: Day | null;
  /** Under `associated-at-as-of`: per customer whose association changes within the horizon, its records in the window on `from`. */
  readonly moving: ReadonlyMap<string, readonly RevenueMove[]>;
}

/**
 * Every day in (from, to] on which a result can differ from the day before, found from the evaluation's context of
 * `from` in one pass over the data: a record entering or leaving the trailing twelve months, a pass starting to
 * count, an exam's accepted-until date passing for someone whose pass counts, a DPOR period starting or ending (when
 * the policy looks at the as-of date), a catalog version taking effect. What lies outside the horizon costs a date
 * comparison, except for finding the first event after it.
 */
export function horizonEvents(context: EvaluationContext, to: Day): HorizonEvents {
  const schedule = new Schedule(context.asOf, to);
  for (const competency of context.catalog.competencies) {
    for (const version of competency.versions) {
      const day = version.effective === null ? undefined : schedule.at(version.effective);
      if (day) day.versions = true;
    }
  }
  const moving =
    context.policy.revenueAssociation === 'associated-at-as-of' ? customerEvents(context, schedule) : new Set<string>();
  const held = revenueEvents(context, schedule, moving);
  peopleEvents(context, schedule);
  const expiry = firstExpiry(context, schedule.next);
  if (expiry !== undefined) schedule.note(expiry);
  return { days: schedule.days(), nextEvent: schedule.next === Number.POSITIVE_INFINITY ? null : schedule.next, moving: held };
}

/** The horizon's days, and the first event after `from` seen so far. */
class Schedule {
  next = Number.POSITIVE_INFINITY;
  private readonly byDay = new Map<Day, HorizonDay>();

  constructor(
    readonly from: Day,
    readonly to: Day,
  ) {}

  /** Notes an event on a day; the day's entry when it lies within the horizon. */
  at(day: Day): HorizonDay | undefined {
    this.note(day);
    if (day <= this.from || day > this.to) return undefined;
    let entry = this.byDay.get(day);
    if (entry === undefined) {
      entry = { day, customers: [], revenue: [], people: [], versions: false };
      this.byDay.set(day, entry);
    }
    return entry;
  }

  note(day: Day): void {
    if (day > this.from && day < this.next) this.next = day;
  }

  days(): HorizonDay[] {
    return [...this.byDay.values()].sort((a, b) => a.day - b.day);
  }
}

/** The customers whose association changes within the horizon. */
function customerEvents(context: EvaluationContext, schedule: Schedule): Set<string> {
  const moving = new Set<string>();
  for (const customer of context.organization.customers) {
    for (const period of customer.dpor) {
      for (const day of period.to === null ? [period.from] : [period.from, period.to + 1]) {
        const entry = schedule.at(day);
        if (!entry) continue;
        entry.customers.push(customer.id);
        moving.add(customer.id);
      }
    }
  }
  return moving;
}

function revenueEvents(context: EvaluationContext, schedule: Schedule, moving: ReadonlySet<string>): Map<string, RevenueMove[]> {
  const { from, to } = schedule;
  const windowStart = oneYearBefore(from);
  // A record leaves within the horizon exactly when it is dated in (windowStart, lastLeaving].
  const lastLeaving = oneYearBefore(to);
  const products = new Map<string, string | null>();
  const held = new Map<string, RevenueMove[]>([...moving].map((customer) => [customer, []]));
  let firstInWindow = Number.POSITIVE_INFINITY;
  context.organization.revenue.forEach((record, i) => {
    const date = record.date;
    if (date <= windowStart) return;
    const enters = date > from && date <= to;
    const leaves = date <= lastLeaving;
    const kept = date <= from && moving.has(record.customer);
    // Beyond the horizon a record only matters when it is the first to enter or to leave.
    if (!enters && !leaves && !kept && date >= firstInWindow && (date <= from || date >= schedule.next)) return;
    let product = products.get(record.product);
    if (product === undefined) {
      product = context.catalog.findProduct(record.product)?.id ?? null;
      products.set(record.product, product);
    }
    if (product === null) return;
    firstInWindow = Math.min(firstInWindow, date);
    if (date > from) schedule.at(date)?.revenue.push({ record: i, product, sign: 1 });
    if (leaves) schedule.at(firstDayOutside(date))?.revenue.push({ record: i, product, sign: -1 });
    if (kept) held.get(record.customer)?.push({ record: i, product, sign: 1 });
  });
  // Leaving days grow with the record's date, so the first record in the window is the first to leave.
  if (firstInWindow !== Number.POSITIVE_INFINITY) schedule.note(firstDayOutside(firstInWindow));
  return held;
}

function peopleEvents(context: EvaluationContext, schedule: Schedule): void {
  const { catalog, organization, qualified } = context;
  const { from, to } = schedule;
  const expiring = examsExpiringIn(context, from, to);
  organization.people.forEach((person, p) => {
    for (const pass of person.exams) {
      // A pass dated on or before `from` was already read by the evaluation: only its exam's expiry is new.
      if (pass.passed <= from || (pass.passed > to && pass.passed >= schedule.next)) continue;
      const exam = catalog.findExam(pass.exam);
      if (!exam) continue;
      schedule.at(pass.passed)?.people.push(p);
      if (exam.acceptedUntil !== null) schedule.at(exam.acceptedUntil + 1)?.people.push(p);
    }
    for (const exam of expiring) {
      if (qualified[p]?.has(exam.code)) schedule.at((exam.acceptedUntil as Day) + 1)?.people.push(p);
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
