/**
 * Calendar dates as whole days since 1970-01-01 (UTC). Comparing numbers is far cheaper than comparing
 * strings or Date objects on the hot path of an evaluation, and a day has no time zone to get wrong.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns undefined for anything else, including impossible dates like 2017-02-30. */
export function parseDay(text: string): Day | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MS_PER_DAY;
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

/** The day of the given instant in UTC. */
export function dayOf(instant: Date): Day {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

/** Converts a day to a Date at midnight UTC, for formatting. */
export function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
