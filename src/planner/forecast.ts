import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { everyRevenue, everyRole } from '../catalog/every-requirement.js';
import { findLevel } from '../catalog/find-level.js';
import { AttainError } from '../core/attain-error.js';
import { type Day, formatDay } from '../core/day.js';
import { createEvaluationContext } from '../engine/evaluation-context.js';
import type { LevelResult } from '../engine/evaluation-types.js';
import { formulaExams } from '../engine/exam-formula.js';
import type { Organization } from '../engine/organization.js';
import { type LevelStatus, StatusTracker } from '../engine/status-tracker.js';
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
 */
export function forecast(
  catalog: Catalog,
  organization: Organization,
  from: Day,
  to: Day,
  policy: Partial<ProgramPolicy> = {},
): Forecast {
  const effective = { ...catalog.policy, ...policy };
  if (effective.maxCompetenciesPerPerson !== null) {
    // The tracker decides each level on its own; under a cap levels are decided together (evaluateJointly).
    const cap = effective.maxCompetenciesPerPerson;
    throw new AttainError('forecast.cap-unsupported', `the forecast does not support a cap on competencies per person (${cap})`, [
      { code: 'forecast.cap-unsupported', path: 'policy.maxCompetenciesPerPerson', params: { cap } },
    ]);
  }
  const tracker = new StatusTracker(createEvaluationContext(catalog, organization, from, effective), to);
  const start = tracker.statuses().map(({ competency, option, level, attained }) => ({ competency, option, level, attained }));
  const changed: { day: Day; result: LevelStatus; existence: ForecastChange['existence'] }[] = [];
  for (let day = tracker.nextChange(); day !== undefined; day = tracker.nextChange()) {
    for (const { level, from, ended } of tracker.advanceTo(day)) {
      const existence = ended ? 'ends' : from === null ? 'starts' : 'continues';
      changed.push({ day, result: level, existence });
    }
  }
  // Causes are described only for the few days on which something changed.
  const events = forecastEvents(catalog, organization, effective, from, to, new Set(changed.map((c) => c.day)));
  const changes = changed.map(({ day, result, existence }): ForecastChange => {
    const concerns = touches(catalog, result, day);
    const ended = existence === 'ends';
    return {
      date: formatDay(day),
      competency: result.competency,
      option: result.option,
      level: result.level,
      existence,
      attained: ended ? false : result.attained,
      status: ended ? 'not-attained' : result.status,
      causes: events.filter((e) => e.day === day && concerns(e)).map(({ code, params }) => ({ code, params })),
    };
  });
  return { from: formatDay(from), to: formatDay(to), start, changes };
}

/** Whether an event can concern a level: its product or exam appears in the level, or it is the level's own version. */
export function touches(
  catalog: Catalog,
  result: Pick<LevelStatus, 'competency' | 'option' | 'level'>,
  day: Day,
): (event: ForecastEvent) => boolean {
  const level = findLevel(catalog, result, day)?.level;
  const requirements = level?.requirements ?? [];
  const products = new Set(everyRevenue(requirements).flatMap((r) => r.products));
  const exams = new Set(everyRole(requirements).flatMap((role) => formulaExams(role.exams)));
  return (event) =>
    (event.product !== undefined && products.has(event.product)) ||
    (event.exam !== undefined && exams.has(event.exam)) ||
    (event.competency !== undefined && event.competency === result.competency) ||
    event.code.startsWith('dpor.');
}
