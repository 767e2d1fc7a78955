import { type Day, formatDay, parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import { remembered } from '../core/remembered.js';

/**
 * Amounts in import files are plain decimals ("-1234.50"): no exponent, no thousands separators, no currency sign.
 * A spreadsheet writes 1.23457E+11 for a long number it has already rounded, and "1,234" means different numbers in
 * different countries; refusing them is the only way an amount stays exact.
 */
const PLAIN_AMOUNT = /^-?\d{1,30}(?:\.\d{1,30})?$/;
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

export function parseAmount(text: string): Decimal | undefined {
  return PLAIN_AMOUNT.test(text) ? Decimal.parse(text) : undefined;
}

/** `true`/`false` (also yes/no, 1/0, any case), as spreadsheets and scripts write them. */
export function parseFlag(text: string): boolean | undefined {
  return FLAGS.get(text.toLowerCase());
}

/** The calendar day a month's revenue is dated on, and the month's first day. */
export interface MonthDays {
  readonly first: Day;
  readonly last: Day;
}

/**
 * Parses values once per distinct text: an export repeats the same few dates and months on thousands of rows.
 * One instance per import, so nothing is shared between imports.
 */
export class DayParser {
  private readonly strict = new Map<string, Day | null>();
  private readonly export = new Map<string, Day | null>();
  private readonly months = new Map<string, MonthDays | null>();

  /** `YYYY-MM-DD`, a real calendar day: attain's own formats, the same as the organization file. */
  date(text: string): Day | undefined {
    return remembered(this.strict, text, isoDay);
  }

  /** A Partner Center date: `YYYY-MM-DD` with an optional time, or `M/D/YYYY` with an optional time; the day as written. */
  exportDate(text: string): Day | undefined {
    return remembered(this.export, text, exportDay);
  }

  /** A Partner Center `Month`: `YYYY-MM`, or any date form above (the first of the month, as exports write it). */
  month(text: string): MonthDays | undefined {
    return remembered(this.months, text, monthDays);
  }
}

/**
 * parseDay, and also formatted back to the same text: `Date.UTC` reads years 0–99 as 1900–1999, so "0017-03-10"
 * would otherwise become a day in 1917.
 */
/** Years before this are a slip ("0017" for "2017"), not records of a partner program. */
const EARLIEST_YEAR = 1900;

function isoDay(text: string): Day | undefined {
  const day = parseDay(text);
  return day !== undefined && formatDay(day) === text && Number(text.slice(0, 4)) >= EARLIEST_YEAR ? day : undefined;
}

function exportDay(text: string): Day | undefined {
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) return isoDay(iso[1] as string);
  const us = US_DATE_TIME.exec(text);
  if (!us) return undefined;
  const [, month = '', day = '', year = ''] = us;
  return isoDay(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
}

function monthDays(text: string): MonthDays | undefined {
  const ym = YEAR_MONTH.exec(text);
  const first = ym ? isoDay(`${ym[1]}-${ym[2]}-01`) : exportDay(text);
  if (first === undefined) return undefined;
  const date = new Date(first * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const start = Date.UTC(year, month, 1) / 86_400_000;
  const end = Date.UTC(year, month + 1, 0) / 86_400_000;
  return { first: start, last: end };
}
