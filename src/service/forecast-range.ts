import { AttainError, type Issue } from '../core/attain-error.js';
import { type Day, formatDay } from '../core/day.js';
import { dayRangeIssue, LAST_DAY } from '../core/day-range.js';

/** The forecast's horizon when none is asked for: eighteen months. */
export const DEFAULT_FORECAST_DAYS = 548;
/**
 * The longest forecast or at-risk window: ten years. A forecast assumes no new data, and after ten years every exam
 * and every revenue record of today has long stopped counting, so a longer one says nothing more.
 */
export const MAX_FORECAST_DAYS = 3653;

/** Where the range ends: a day, a number of days from its start (an at-risk window), or the default horizon. */
export type RangeEnd = { readonly to: Day } | { readonly atRiskDays: number } | Record<string, never>;

/**
 * The days a forecast covers, after `from` up to `to`, the same for the CLI and the API: within the dates attain
 * reads (the default horizon stops at 9999-12-31 rather than run past it), after its start, and at most ten years.
 */
export function forecastRange(from: Day, end: RangeEnd): { readonly from: Day; readonly to: Day } {
  const [to, path] =
    'to' in end
      ? [end.to, 'to']
      : 'atRiskDays' in end
        ? [from + end.atRiskDays, 'atRisk']
        : [Math.min(from + DEFAULT_FORECAST_DAYS, LAST_DAY), 'to'];
  if (to - from > MAX_FORECAST_DAYS) {
    refuse(`a forecast covers at most ${MAX_FORECAST_DAYS} days, not ${to - from}`, {
      code: 'forecast.range.too-long',
      path,
      params: { days: to - from, max: MAX_FORECAST_DAYS },
    });
  }
  if (to <= from) {
    const params = { from: formatDay(from), to: formatDay(to) };
    refuse(`a forecast must end after it starts (from ${params.from} to ${params.to})`, {
      code: 'forecast.range.reversed',
      path,
      params,
    });
  }
  if (to > LAST_DAY) refuse(`a forecast must end by ${formatDay(LAST_DAY)}`, dayRangeIssue(path, formatDay(to)));
  return { from, to };
}

function refuse(message: string, issue: Issue): never {
  throw new AttainError('forecast.range', message, [issue]);
}
