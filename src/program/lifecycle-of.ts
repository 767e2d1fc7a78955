import { type Day, formatDay, parseDay } from '../core/day.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import type { Lifecycle, LifecycleOverride, Transition } from './standing-types.js';

/** A membership year, from an award or a renewal to its anniversary. */
export const MEMBERSHIP_DAYS = 365;
/** The renewal window opens the day after the anniversary and lasts this many days; benefits continue in it. */
export const RENEWAL_WINDOW_DAYS = 30;

export interface LifecycleInput {
  readonly asOf: Day;
  /** The day the operator last granted the level; null when never. */
  readonly awarded: Day | null;
  /** An operator's override, in force while `asOf` is on or before its `until`. */
  readonly override: LifecycleOverride | null;
  /** The level's evaluated status on any day up to `asOf`. */
  readonly statusOn: (day: Day) => LevelStatus;
}

/**
 * A level's place in the membership lifecycle (`shared/reference/program.md`): never awarded, `qualified` when the
 * level is attained and `started` otherwise; awarded, `active` while attained within the membership year (or in the
 * renewal window) and `at-risk` while not; a renewal window in which the level was attained on some day renews
 * the membership for another year from the old anniversary; a window that passes without it makes the level
 * `lapsed` from the day after, until the next award. An override in force wins over all of this.
 */
export function lifecycleOf(input: LifecycleInput): Lifecycle {
  const { asOf, awarded, statusOn } = input;
  const override = input.override && asOf <= day(input.override.until) ? input.override : null;
  const attainedToday = statusOn(asOf) === 'attained';
  const result = (status: Lifecycle['status'], anniversary: Day | null, window: boolean): Lifecycle => ({
    status: override?.status ?? status,
    awarded: awarded === null ? null : formatDay(awarded),
    anniversary: anniversary === null ? null : formatDay(anniversary),
    renewalWindow:
      anniversary === null || !window
        ? null
        : { from: formatDay(anniversary + 1), to: formatDay(anniversary + RENEWAL_WINDOW_DAYS) },
    override,
  });
  // An award dated after the as-of day has not happened yet.
  if (awarded === null || awarded > asOf) return result(attainedToday ? 'qualified' : 'started', null, false);
  let anniversary = awarded + MEMBERSHIP_DAYS;
  for (;;) {
    if (asOf <= anniversary) return result(attainedToday ? 'active' : 'at-risk', anniversary, true);
    const last = Math.min(asOf, anniversary + RENEWAL_WINDOW_DAYS);
    let renewed = false;
    for (let d = anniversary + 1; d <= last && !renewed; d++) renewed = statusOn(d) === 'attained';
    if (renewed) anniversary += MEMBERSHIP_DAYS;
    else if (asOf <= anniversary + RENEWAL_WINDOW_DAYS) return result(attainedToday ? 'active' : 'at-risk', anniversary, true);
    else return result('lapsed', anniversary, false);
  }
}

/**
 * A level's status on any day, from its transitions (any order): the status the latest transition on or before the
 * day set. Before the first transition nothing was known, which counts as `before` (`not-attained` unless given).
 */
export function statusOnFromTransitions(
  transitions: readonly Pick<Transition, 'date' | 'to'>[],
  before: LevelStatus = 'not-attained',
): (day: Day) => LevelStatus {
  const steps = transitions.map((t) => ({ day: day(t.date), to: t.to })).sort((a, b) => a.day - b.day);
  return (on) => {
    let status: LevelStatus = before;
    for (const step of steps) {
      if (step.day > on) break;
      status = step.to;
    }
    return status;
  };
}

function day(text: string): Day {
  const parsed = parseDay(text);
  if (parsed === undefined) throw new RangeError(`bad date ${text}`);
  return parsed;
}
