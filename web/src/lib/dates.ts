import { formatDay, parseDay } from '../../../src/core/day.js';

/** Today in UTC as `YYYY-MM-DD`, the CLI's default as-of date. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isIsoDay(text: string | null | undefined): text is string {
  return typeof text === 'string' && parseDay(text) !== undefined;
}

/** The same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28 Feb). */
export function addMonths(iso: string, months: number): string {
  const day = parseDay(iso);
  if (day === undefined) return iso;
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), last))).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return (parseDay(to) ?? 0) - (parseDay(from) ?? 0);
}

export function addDays(iso: string, days: number): string {
  return formatDay((parseDay(iso) ?? 0) + days);
}
