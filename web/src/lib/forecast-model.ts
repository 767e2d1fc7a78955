import type { LevelStatus } from '../../../src/engine/evaluation-types.js';
import type { Forecast, ForecastChange } from '../../../src/planner/forecast.js';

/** A stretch of days over which a level's status does not change; `to` is the first day of the next stretch. */
export interface Segment {
  readonly from: string;
  readonly to: string;
  readonly status: LevelStatus;
}

export interface LevelTimeline {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly segments: readonly Segment[];
  readonly changes: readonly ForecastChange[];
}

/**
 * Each level's status over the forecast as consecutive segments, cut at the dates of change. The day after `to`
 * closes the last segment, so that segment lengths add up to the whole period.
 */
export function levelTimelines(forecast: Forecast, end: string): LevelTimeline[] {
  return forecast.start.map((start) => {
    const changes = forecast.changes.filter(
      (c) => c.competency === start.competency && c.option === start.option && c.level === start.level,
    );
    const segments: Segment[] = [];
    let from = forecast.from;
    let status: LevelStatus = start.attained ? 'attained' : 'not-attained';
    for (const change of changes) {
      if (change.date > from) segments.push({ from, to: change.date, status });
      from = change.date;
      status = change.status;
    }
    if (end > from) segments.push({ from, to: end, status });
    return { competency: start.competency, option: start.option, level: start.level, segments, changes };
  });
}
