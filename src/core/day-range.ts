import { type Day, parseDay } from './day.js';
import { type CodedIssue, issue, type TextPosition } from './message-params.js';

/**
 * The calendar days attain reads, from every input alike. Before 1900 a year is a slip ("0017" for "2017"), and
 * PostgreSQL stores year 0 as 1 BC, which no reader can read back; after 9999 a date has no `YYYY-MM-DD` form.
 */
export const FIRST_DAY_TEXT = '1900-01-01';
export const LAST_DAY_TEXT = '9999-12-31';
export const FIRST_DAY = parseDay(FIRST_DAY_TEXT) as Day;
export const LAST_DAY = parseDay(LAST_DAY_TEXT) as Day;

/** A date as read: its day, or why it is not one (`invalid`: not a real `YYYY-MM-DD` day at all). */
export type DayReading = Day | 'invalid' | 'out-of-range';

/** Reads `YYYY-MM-DD`, a real calendar day within the range. */
export function readDay(text: string): DayReading {
  const day = parseDay(text);
  if (day === undefined) return 'invalid';
  return inDayRange(day) ? day : 'out-of-range';
}

export function inDayRange(day: Day): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

/** The one issue every reader reports for a real date outside the range. */
export function dayRangeIssue(path: string, value: string, where: TextPosition = {}): CodedIssue<'input.date.range'> {
  return issue('input.date.range', path, { value, first: FIRST_DAY_TEXT, last: LAST_DAY_TEXT, ...where });
}
