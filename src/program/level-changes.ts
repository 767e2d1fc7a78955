import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import type { Day } from '../core/day.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import type { Organization } from '../engine/organization.js';
import { StatusTracker } from '../engine/status-tracker.js';
import { evaluateJointly, evaluateJointlyIn } from '../planner/evaluate-jointly.js';
import { causesOf } from '../planner/forecast.js';
import { forecastEvents } from '../planner/forecast-events.js';
import type { Cause, LevelKey } from './standing-types.js';

/** A day on which one level's status differs from the day before, assuming no new data. */
export interface LevelChange extends LevelKey {
  readonly day: Day;
  /** Null when the level did not exist the day before (another version of its competency took effect). */
  readonly from: LevelStatus | null;
  readonly to: LevelStatus;
  readonly causes: readonly Cause[];
}

/** One level's status on a day, keyed like the rest of the program. */
export interface KeyedStatus extends LevelKey {
  readonly status: LevelStatus;
}

export interface LevelChanges {
  readonly changes: readonly LevelChange[];
  /** The first day after `from` on which anything in the data can change a result; null when none ever will. */
  readonly nextEvent: Day | null;
}

/**
 * Every change of a level's status in (from, to], from being the context's day, with the events of its day that
 * concern it, exactly as evaluating every day (jointly, when the program caps competencies per person) would find
 * them.
 *
 * Only the days on which something in the data happens are looked at. Without a cap a status tracker moves from
 * one such day to the next, starting from the context (so a caller that just evaluated in it pays for its state
 * once); under a cap levels are decided together, which the tracker cannot do, so each of those days is evaluated
 * jointly instead: slower, but still exact.
 *
 * @param start the statuses on `from`, when the caller already evaluated them (jointly); spares one evaluation
 */
export async function levelChanges(context: EvaluationContext, to: Day, start?: readonly KeyedStatus[]): Promise<LevelChanges> {
  const { catalog, organization, policy, asOf: from } = context;
  const tracker = new StatusTracker(context, to);
  const found: Omit<LevelChange, 'causes'>[] = [];
  const note = (day: Day, level: KeyedStatus, before: LevelStatus | null) => {
    if (before !== level.status) {
      found.push({ competency: level.competency, option: level.option, level: level.level, day, from: before, to: level.status });
    }
  };
  if (policy.maxCompetenciesPerPerson === null) {
    for (let day = tracker.nextChange(); day !== undefined; day = tracker.nextChange()) {
      for (const change of tracker.advanceTo(day)) note(day, change.level, change.from);
    }
  } else {
    let previous = byKey(start ?? (await evaluateJointlyIn(context)).results);
    for (let day = tracker.nextChange(); day !== undefined; day = tracker.nextChange()) {
      tracker.advanceTo(day);
      const today = byKey((await evaluateJointly(catalog, organization, { asOf: day, policy })).results);
      for (const [key, level] of today) note(day, level, previous.get(key)?.status ?? null);
      previous = today;
    }
  }
  return { changes: describe(catalog, organization, policy, from, to, found), nextEvent: tracker.nextEvent };
}

/** Adds the causes, described only for the few days on which something changed (describing costs formatted dates). */
function describe(
  catalog: Catalog,
  organization: Organization,
  policy: ProgramPolicy,
  from: Day,
  to: Day,
  found: readonly Omit<LevelChange, 'causes'>[],
): LevelChange[] {
  if (found.length === 0) return [];
  const events = forecastEvents(catalog, organization, policy, from, to, new Set(found.map((c) => c.day)));
  const capped = policy.maxCompetenciesPerPerson !== null;
  return found.map((change) => ({ ...change, causes: causesOf(catalog, change, change.day, events, capped) }));
}

/** The identity of a level across days and standings. */
export function levelKey(level: LevelKey): string {
  return `${level.competency}/${level.option}/${level.level}`;
}

function byKey(statuses: readonly KeyedStatus[]): Map<string, KeyedStatus> {
  return new Map(statuses.map((s) => [levelKey(s), s]));
}
