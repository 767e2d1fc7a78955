import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, oneYearBefore, parseDay } from './day.js';

describe('days', () => {
  it('parses real calendar dates and refuses impossible ones', () => {
    expect(formatDay(parseDay('2020-02-29') as number)).toBe('2020-02-29');
    for (const text of ['2019-02-29', '2017-13-01', '2017-04-31', '2017-1-01', '17-01-01', '2017/01/01', '']) {
      expect(parseDay(text)).toBeUndefined();
    }
  });

  it('round-trips every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 60000 }), (day) => {
        expect(parseDay(formatDay(day))).toBe(day);
      }),
    );
  });

  it('agrees with Date on any text of the shape YYYY-MM-DD, real date or not', () => {
    const twoDigits = fc.integer({ min: 0, max: 39 }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), twoDigits, twoDigits, (year, month, day) => {
        const text = `${String(year).padStart(4, '0')}-${month}-${day}`;
        const date = new Date(0);
        date.setUTCFullYear(year, Number(month) - 1, Number(day));
        const real = date.getUTCFullYear() === year && date.getUTCMonth() === Number(month) - 1;
        expect(parseDay(text)).toBe(real && Number(day) > 0 ? date.getTime() / 86_400_000 : undefined);
      }),
    );
    for (const text of ['2017-0a-01', '2017-01-0１', '２017-01-01', ' 2017-01-01', '2017-01-01 ', '2017-01—01']) {
      expect(parseDay(text)).toBeUndefined();
    }
  });

  it('goes one year back on the same calendar date, 29 February to 28 February', () => {
    expect(formatDay(oneYearBefore(parseDay('2020-02-29') as number))).toBe('2019-02-28');
    expect(formatDay(oneYearBefore(parseDay('2018-03-31') as number))).toBe('2017-03-31');
    expect(formatDay(oneYearBefore(parseDay('2021-03-01') as number))).toBe('2020-03-01');
  });
});

describe('parseDay with years before 100', () => {
  it('keeps the year as written instead of reading 0017 as 1917', () => {
    expect(formatDay(parseDay('0017-03-10') as number)).toBe('0017-03-10');
  });
});
