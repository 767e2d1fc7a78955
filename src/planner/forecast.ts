import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { everyRequirement, everyRole } from '../catalog/every-requirement.js';
import { findLevel } from '../catalog/find-level.js';
import { type Day, formatDay } from '../core/day.js';
import { createEvaluationContext, type EvaluationContext } from '../engine/evaluation-context.js';
import type { LevelResult } from '../engine/evaluation-types.js';
import { formulaExams } from '../engine/exam-formula.js';
import type { Organization } from '../engine/organization.js';
import { type LevelStatus, StatusTracker } from '../engine/status-tracker.js';
import { credentialsOf } from '../kinds/catalog-kinds.js';
import { evaluateJointly, evaluateJointlyIn } from './evaluate-jointly.js';
import { type ForecastEvent, forecastEvents } from './forecast-events.js';

/** The JSON contract of `attain forecast`. */
export interface Forecast {
  readonly from: string;
  readonly to: string;
  /** Each level's standing on `from`. */
  readonly start: readonly {
    readonly competency: string;
    readonly option: string;
    readonly level: string;
    readonly attained: boolean;
  }[];
  readonly changes: readonly ForecastChange[];
}

export interface ForecastChange {
  readonly date: string;
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  /**
   * `starts` when the level did not exist the day before and `ends` when it no longer exists, because a catalog
   * version that took effect that day added or dropped it; `continues` otherwise. An ended level is not attained.
   */
  readonly existence: 'starts' | 'continues' | 'ends';
  readonly attained: boolean;
  readonly status: LevelResult['status'];
  /** The events of that day that concern this level. */
  readonly causes: readonly { readonly code: ForecastEvent['code']; readonly params: Readonly<Record<string, string>> }[];
}

/**
 * Every day in (from, to] on which a level's result differs from the day before, assuming no new data. Only the
 * days on which something in the data happens are evaluated; the tests compare this with evaluating every day.
 *
 * Without a cap on competencies per person a status tracker moves each level from one such day to the next. Under a
 * cap levels are decided together (`evaluateJointly`, an integer program), which the tracker cannot do, so each of
 * those days is evaluated jointly instead: slower, and still exact.
 */
export async function forecast(
  catalog: Catalog,
  organization: Organization,
  from: Day,
  to: Day,
  policy: Partial<ProgramPolicy> = {},
): Promise<Forecast> {
  const effective: ProgramPolicy = { ...catalog.policy, ...policy };
  const context = createEvaluationContext(catalog, organization, from, effective);
  const capped = effective.maxCompetenciesPerPerson !== null;
  const { start, changed, events } = capped ? await decideTogether(context, to) : trackAlone(context, to);
  const changes = changed.map(({ day, result, existence }): ForecastChange => {
    const ended = existence === 'ends';
    return {
      date: formatDay(day),
      competency: result.competency,
      option: result.option,
      level: result.level,
      existence,
      attained: ended ? false : result.attained,
      status: ended ? 'not-attained' : result.status,
      causes: causesOf(catalog, result, day, events, capped),
    };
  });
  const startLevels = start.map(({ competency, option, level, attained }) => ({ competency, option, level, attained }));
  return { from: formatDay(from), to: formatDay(to), start: startLevels, changes };
}

interface Changed {
  readonly day: Day;
  readonly result: LevelStatus;
  readonly existence: ForecastChange['existence'];
}

interface Walk {
  readonly start: readonly LevelStatus[];
  readonly changed: readonly Changed[];
  /** At least the events of the days on which something changed. */
  readonly events: readonly ForecastEvent[];
}

/** Each level on its own: the tracker moves from one day something happens to the next. */
function trackAlone(context: EvaluationContext, to: Day): Walk {
  const { catalog, organization, policy, asOf: from } = context;
  const tracker = new StatusTracker(context, to);
  const start = tracker.statuses();
  const changed: Changed[] = [];
  for (let day = tracker.nextChange(); day !== undefined; day = tracker.nextChange()) {
    for (const { level, from, ended } of tracker.advanceTo(day)) {
      changed.push({ day, result: level, existence: ended ? 'ends' : from === null ? 'starts' : 'continues' });
    }
  }
  // Causes are described only for the few days on which something changed.
  const events = forecastEvents(catalog, organization, policy, from, to, new Set(changed.map((c) => c.day)));
  return { start, changed, events };
}

/**
 * Levels decided together, under a cap: a joint evaluation on `from` and on every day something in the data
 * happens, compared by level with the day before (a level absent the day before starts, one absent today ends).
 */
async function decideTogether(context: EvaluationContext, to: Day): Promise<Walk> {
  const { catalog, organization, policy, asOf: from } = context;
  const start = (await evaluateJointlyIn(context)).results;
  // Every event is described here: the days to evaluate are the days of the events.
  const events = forecastEvents(catalog, organization, policy, from, to);
  const changed: Changed[] = [];
  let previous = byLevel(start);
  for (const day of new Set(events.map((e) => e.day))) {
    const today = byLevel((await evaluateJointly(catalog, organization, { asOf: day, policy })).results);
    for (const [key, result] of today) {
      const before = previous.get(key);
      if (!before) changed.push({ day, result, existence: 'starts' });
      else if (before.status !== result.status) changed.push({ day, result, existence: 'continues' });
    }
    for (const [key, last] of previous) if (!today.has(key)) changed.push({ day, result: last, existence: 'ends' });
    previous = today;
  }
  return { start, changed, events };
}

function byLevel<T extends LevelStatus>(results: readonly T[]): Map<string, T> {
  return new Map(results.map((r) => [`${r.competency}/${r.option}/${r.level}`, r]));
}

/**
 * The events of `day` that concern a level. Under a cap a level can also change because another competency's
 * level did (people move to it), so when nothing of the level's own happened that day, every event of the day is
 * its cause.
 */
export function causesOf(
  catalog: Catalog,
  level: Pick<LevelStatus, 'competency' | 'option' | 'level'>,
  day: Day,
  events: readonly ForecastEvent[],
  capped: boolean,
): ForecastChange['causes'] {
  const concerns = touches(catalog, level, day);
  const ofDay = events.filter((e) => e.day === day);
  const own = ofDay.filter(concerns);
  return (own.length === 0 && capped ? ofDay : own).map(({ code, params }) => ({ code, params }));
}

/** Whether an event can concern a level: its product or exam appears in the level, or it is the level's own version. */
export function touches(
  catalog: Catalog,
  result: Pick<LevelStatus, 'competency' | 'option' | 'level'>,
  day: Day,
): (event: ForecastEvent) => boolean {
  const level = findLevel(catalog, result, day)?.level;
  const requirements = level?.requirements ?? [];
  const all = everyRequirement(requirements);
  const products = new Set(all.flatMap((r) => ('products' in r ? r.products : [])));
  const kinds = new Set(all.map((r) => r.kind));
  const exams = new Set([
    ...everyRole(requirements).flatMap((role) => [
      ...formulaExams(role.exams),
      ...(role.ofWhom ? formulaExams(role.ofWhom.exams) : []),
    ]),
    ...all.flatMap((r) => credentialsOf(r).flatMap(formulaExams)),
  ]);
  return (event) => {
    // A kind's own event concerns the levels with a requirement of that kind, and of its product when it has one.
    if (event.kind !== undefined) return kinds.has(event.kind) && (event.product === undefined || products.has(event.product));
    return (
      (event.product !== undefined && products.has(event.product)) ||
      (event.exam !== undefined && exams.has(event.exam)) ||
      (event.competency !== undefined && event.competency === result.competency) ||
      event.code.startsWith('dpor.') ||
      event.code.startsWith('association.')
    );
  };
}
