import type { Day } from '../core/day.js';
import type { EvaluationContext } from './evaluation-context.js';

/** A day on which a result can differ from the day before; what happens on it, each kind keeps in its tracker. */
export interface HorizonDay {
  readonly day: Day;
  /** Whether a version of a competency takes effect. */
  versions: boolean;
}

/**
 * The days in (from, to] on which a result can differ from the day before, and the first day after `from` on which
 * anything in the data happens however far ahead. The versions of the catalog are noted here; each kind notes its
 * own events (in its tracker) in one pass over the data. What lies outside the horizon costs a date comparison,
 * except for finding the first event after it.
 */
export class Schedule {
  next = Number.POSITIVE_INFINITY;
  private readonly byDay = new Map<Day, HorizonDay>();

  constructor(
    readonly from: Day,
    readonly to: Day,
  ) {}

  /** The schedule of a context's day up to `to`, with the days on which a catalog version takes effect. */
  static of(context: EvaluationContext, to: Day): Schedule {
    const schedule = new Schedule(context.asOf, to);
    for (const competency of context.catalog.competencies) {
      for (const version of competency.versions) {
        const day = version.effective === null ? undefined : schedule.at(version.effective);
        if (day) day.versions = true;
      }
    }
    return schedule;
  }

  /** Notes an event on a day; the day's entry when it lies within the horizon. */
  at(day: Day): HorizonDay | undefined {
    this.note(day);
    if (day <= this.from || day > this.to) return undefined;
    let entry = this.byDay.get(day);
    if (entry === undefined) {
      entry = { day, versions: false };
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

  /** The first event after `from`, however far; null when nothing will ever happen. */
  nextEvent(): Day | null {
    return this.next === Number.POSITIVE_INFINITY ? null : this.next;
  }
}
