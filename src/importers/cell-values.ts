import type { Day } from '../core/day.js';
import { type DayReading, readDay } from '../core/day-range.js';
import { type AmountReading, readAmount } from '../core/read-amount.js';
import { remembered } from '../core/remembered.js';

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Partner Center is a US product; its exports and an Excel round trip in en-US write M/D/YYYY, with an optional time. */
const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

const FLAGS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
]);

/**
 * Amounts in import files are plain decimals ("-1234.50"): no exponent, no thousands separators, no currency sign.
 * A spreadsheet writes 1.23457E+11 for a long number it has already rounded, and "1,234" means different numbers in
 * different countries; refusing them is the only way an amount stays exact.
 */
export function parseAmount(text: string): AmountReading {
  return readAmount(text, 'plain');
}

/** `true`/`false` (also yes/no, 1/0, any case), as spreadsheets and scripts write them. */
export function parseFlag(text: string): boolean | undefined {
  return FLAGS.get(text.toLowerCase());
}

/** The calendar day a month's revenue is dated on, and the month's first day; or why the text is not a month. */
export type MonthReading = { readonly first: Day; readonly last: Day } | 'invalid' | 'out-of-range';

/**
 * Parses values once per distinct text: an export repeats the same few dates and months on thousands of rows.
 * One instance per import, so nothing is shared between imports. Dates are read by the rule of every input (see
 * `readDay`): a real day from 1900-01-01 to 9999-12-31.
 */
export class DayParser {
  private readonly strict = new Map<string, DayReading | null>();
  private readonly export = new Map<string, DayReading | null>();
  private readonly months = new Map<string, MonthReading | null>();

  /** `YYYY-MM-DD`, a real calendar day: attain's own formats, the same as the organization file. */
  date(text: string): DayReading {
    return remembered(this.strict, text, readDay) as DayReading;
  }

  /** A Partner Center date: `YYYY-MM-DD` with an optional time, or `M/D/YYYY` with an optional time; the day as written. */
  exportDate(text: string): DayReading {
    return remembered(this.export, text, exportDay) as DayReading;
  }

  /** A Partner Center `Month`: `YYYY-MM`, or any date form above (the first of the month, as exports write it). */
  month(text: string): MonthReading {
    return remembered(this.months, text, monthDays) as MonthReading;
  }
}

function exportDay(text: string): DayReading {
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) return readDay(iso[1] as string);
  const us = US_DATE_TIME.exec(text);
  if (!us) return 'invalid';
  const [, month = '', day = '', year = ''] = us;
  return readDay(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

function monthDays(text: string): MonthReading {
  const ym = YEAR_MONTH.exec(text);
  const first = ym ? readDay(`${ym[1]}-${ym[2]}-01`) : exportDay(text);
  if (typeof first !== 'number') return first;
  const date = new Date(first * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const start = Date.UTC(year, month, 1) / 86_400_000;
  const end = Date.UTC(year, month + 1, 0) / 86_400_000;
  return { first: start, last: end };
}

const WHOLE = /^\d{1,15}$/;

/** A count of seats or units: a whole number of zero or more, digits only ("1,200" and "12.0" are refused). */
export function parseCount(text: string): number | undefined {
  return WHOLE.test(text) ? Number(text) : undefined;
}
