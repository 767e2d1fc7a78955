/**
 * A date as three fields (year, month, day) in a language's own order and words, for a date control that follows
 * the page's language: the browser's own date input follows the browser's, whatever the page says.
 */
export type DateField = 'year' | 'month' | 'day';

/** The order a language writes a date's parts in: month-day-year for en-US, year-month-day for zh-TW and ko-KR. */
export function dateFieldOrder(locale: string): DateField[] {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2018, 2, 31)))
    .map((p) => p.type)
    .filter((type): type is DateField => type === 'year' || type === 'month' || type === 'day');
  return parts.length === 3 ? parts : ['year', 'month', 'day'];
}

/** The twelve months' short names in a language, January first ("Mar", "3月", "3월"): the picker sits in the top bar. */
export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2018, m, 1))));
}

/** A day of the month as the language writes it alone ("31", "31日", "31일"). */
export function dayName(locale: string, day: number): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2018, 0, day)));
}

/** A year as the language writes it alone ("2018", "2018年", "2018년"). */
export function yearName(locale: string, year: number): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, 0, 1)));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` from parts, the day clamped to the month (31 March, month set to April: 30 April). */
export function isoOf(year: number, month: number, day: number): string {
  const d = Math.min(day, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The years offered: from 2010 (before the shipped program's first version) to ten years after today, and the
 * chosen year whatever it is, so that a link to any day still shows that day.
 */
export function yearChoices(chosen: number, thisYear: number): number[] {
  const first = Math.min(2010, chosen);
  const last = Math.max(thisYear + 10, chosen);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
