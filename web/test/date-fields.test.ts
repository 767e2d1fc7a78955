import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.js';
import { dateFieldOrder, dayName, isoOf, monthNames, yearChoices, yearName } from '../src/lib/date-fields.js';

describe('date fields in the page language', () => {
  it('follow each language’s order and words', () => {
    expect(dateFieldOrder('en')).toEqual(['month', 'day', 'year']);
    expect(dateFieldOrder('zh-TW')).toEqual(['year', 'month', 'day']);
    expect(dateFieldOrder('ko-KR')).toEqual(['year', 'month', 'day']);
    expect(monthNames('en')[2]).toBe('Mar');
    expect(monthNames('zh-TW')[2]).toBe('3月');
    expect(monthNames('ko-KR')[2]).toBe('3월');
    expect([dayName('en', 31), dayName('zh-TW', 31), dayName('ko-KR', 31)]).toEqual(['31', '31日', '31일']);
    expect([yearName('en', 2018), yearName('zh-TW', 2018), yearName('ko-KR', 2018)]).toEqual(['2018', '2018年', '2018년']);
  });

  it('always make a real day, the day kept when the month has it and else its last', () => {
    expect(isoOf(2018, 4, 31)).toBe('2018-04-30');
    expect(isoOf(2016, 2, 30)).toBe('2016-02-29');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const iso = isoOf(y, m, d);
          expect(parseDay(iso)).toBeDefined();
          const [year, month, day] = iso.split('-').map(Number);
          expect([year, month]).toEqual([y, m]);
          // The same day, or the month's last when it has fewer: the next day is in another month.
          if (day !== d) expect(isoOf(y, m, (day as number) + 1)).toBe(iso);
        },
      ),
    );
  });

  it('offer the chosen year whatever it is', () => {
    expect(yearChoices(2018, 2026)).toContain(2018);
    expect(yearChoices(1999, 2026)[0]).toBe(1999);
    expect(yearChoices(2050, 2026).at(-1)).toBe(2050);
  });
});
