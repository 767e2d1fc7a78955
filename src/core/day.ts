/**
 * Calendar dates as whole days since 1970-01-01 (UTC). Comparing numbers is far cheaper than comparing
 * strings or Date objects on the hot path of an evaluation, and a day has no time zone to get wrong.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const DASH = 45;
const ZERO = 48;

/**
 * Parses `YYYY-MM-DD`; returns undefined for anything else, including impossible dates like 2017-02-30. Read
 * character by character and counted by arithmetic, without a regular expression or a Date: imports parse a date
 * per record, millions of them in a bulk load.
 */
export function parseDay(text: string): Day | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** The number written by the ASCII digits `text[from…to)`, or -1 if any is not one. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a date of the proleptic Gregorian calendar (as Date counts them), from the year's
 * 400-year era and the day within it, with years starting in March so that leap days come last.
 */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const formatted = new Map<Day, string>();

/** Formats a day as `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  // Warnings and forecast causes format the same few hundred dates many thousands of times.
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size < 100_000) formatted.set(day, text);
  }
  return text;
}

/** The same calendar date one year earlier; 29 February maps to 28 February. */
export function oneYearBefore(day: Day): Day {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear() - 1;
  const month = date.getUTCMonth() + 1;
  const dom = Math.min(date.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month - 1, dom) / MS_PER_DAY;
}

const outside = new Map<Day, Day>();

/** The first as-of date whose trailing twelve months no longer include a record dated `day`. */
export function firstDayOutside(day: Day): Day {
  // Revenue dates repeat (a few hundred distinct days for a hundred thousand records), so answers are kept.
  let answer = outside.get(day);
  if (answer === undefined) {
    answer = day + 364;
    while (oneYearBefore(answer) < day) answer += 1;
    if (outside.size < 100_000) outside.set(day, answer);
  }
  return answer;
}

/**
 * The same day of the month `months` later (negative: earlier); a day the target month lacks falls on its last
 * (31 January plus one month is 28 or 29 February), as certificates count their validity.
 */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * MS_PER_DAY);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return daysFromCivil(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
}

/** The day of the given instant in UTC. */
export function dayOf(instant: Date): Day {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

/** Converts a day to a Date at midnight UTC, for formatting. */
export function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Counted rather than asked of Date.UTC, which reads the years 0–99 as 1900–1999 (and 1900 is not a leap year).
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}
