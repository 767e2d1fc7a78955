import { describe, expect, it } from 'vitest';
import { formatDay } from '../core/day.js';
import { DayParser, parseAmount, parseFlag } from './cell-values.js';

describe('import cell values', () => {
  it('reads amounts as exact plain decimals and refuses what a spreadsheet rounded or localized', () => {
    expect(parseAmount('84250.00').toString()).toBe('84250');
    expect(parseAmount('-1250.50').toString()).toBe('-1250.5');
    expect(parseAmount('0.1').toString()).toBe('0.1');
    for (const bad of ['1.2e3', '1.23457E+11', '1,234.56', '$100', '+5', '.5', '5.', '', ' 5', 'NaN']) {
      expect(parseAmount(bad), bad).toBe('invalid');
    }
    // Amounts beyond 28 digits before the point or 20 after are not misread: they are out of range.
    expect(parseAmount('1'.repeat(29))).toBe('out-of-range');
    expect(parseAmount(`0.${'0'.repeat(20)}1`)).toBe('out-of-range');
  });

  it('reads true/false, yes/no and 1/0 in any case', () => {
    expect(['TRUE', 'no', '1', 'False'].map(parseFlag)).toEqual([true, false, true, false]);
    expect(parseFlag('maybe')).toBeUndefined();
  });

  it('reads strict dates, refusing impossible days and two-digit-year surprises', () => {
    const days = new DayParser();
    expect(formatDay(days.date('2016-02-29') as number)).toBe('2016-02-29');
    for (const bad of ['2017-02-29', '2017-13-01', '2017-3-10', '3/10/2017', '2017-03-10T00:00:00']) {
      expect(days.date(bad), bad).toBe('invalid');
    }
    expect(days.date('0017-03-10')).toBe('out-of-range');
  });

  it('reads Partner Center dates: ISO with an optional time, or US month/day/year', () => {
    const days = new DayParser();
    for (const [text, day] of [
      ['2018-01-05', '2018-01-05'],
      ['2018-01-05T13:45:00Z', '2018-01-05'],
      ['2018-01-05 00:00:00', '2018-01-05'],
      ['1/5/2018', '2018-01-05'],
      ['12/31/2017 11:59:59 PM', '2017-12-31'],
    ]) {
      expect(formatDay(days.exportDate(text as string) as number), text).toBe(day);
    }
    expect(days.exportDate('31/12/2017')).toBe('invalid');
    expect(days.exportDate('Jan 5 2018')).toBe('invalid');
  });

  it('reads a month as its first and last day, February of a leap year included', () => {
    const days = new DayParser();
    for (const text of ['2016-02', '2016-02-01', '2/1/2016', '2016-02-15T00:00:00']) {
      const month = days.month(text);
      expect(typeof month === 'object' && [formatDay(month.first), formatDay(month.last)], text).toEqual([
        '2016-02-01',
        '2016-02-29',
      ]);
    }
    expect(days.month('2016-13')).toBe('invalid');
    expect(days.month('1899-12')).toBe('out-of-range');
  });
});
