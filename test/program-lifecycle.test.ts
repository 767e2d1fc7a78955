import { describe, expect, it } from 'vitest';
import { parseDay } from '../src/core/day.js';
import type { LevelStatus } from '../src/engine/evaluation-types.js';
import { lifecycleOf, statusOnFromTransitions } from '../src/program/lifecycle-of.js';

const day = (text: string) => parseDay(text) as number;
/** Attained on exactly the days of the given ranges (inclusive). */
const attainedDuring =
  (...ranges: [string, string][]) =>
  (d: number): LevelStatus =>
    ranges.some(([from, to]) => day(from) <= d && d <= day(to)) ? 'attained' : 'not-attained';
const always = (): LevelStatus => 'attained';
const never = (): LevelStatus => 'not-attained';

describe('lifecycleOf', () => {
  it('is started, then qualified, while never awarded', () => {
    expect(lifecycleOf({ asOf: day('2018-01-10'), awarded: null, override: null, statusOn: never })).toEqual({
      status: 'started',
      awarded: null,
      anniversary: null,
      renewalWindow: null,
      override: null,
    });
    expect(lifecycleOf({ asOf: day('2018-01-10'), awarded: null, override: null, statusOn: always }).status).toBe('qualified');
  });

  it('is active within the year of an award, with its anniversary and the next renewal window', () => {
    expect(lifecycleOf({ asOf: day('2018-06-01'), awarded: day('2018-01-10'), override: null, statusOn: always })).toEqual({
      status: 'active',
      awarded: '2018-01-10',
      anniversary: '2019-01-10',
      renewalWindow: { from: '2019-01-11', to: '2019-02-09' },
      override: null,
    });
  });

  it('is at risk within the year when the level is no longer attained, and active again once it is', () => {
    const statusOn = attainedDuring(['2018-01-01', '2018-05-31'], ['2018-09-01', '2030-01-01']);
    const on = (asOf: string) => lifecycleOf({ asOf: day(asOf), awarded: day('2018-01-10'), override: null, statusOn }).status;
    expect(on('2018-06-01')).toBe('at-risk');
    expect(on('2018-09-01')).toBe('active');
  });

  it('keeps benefits in the renewal window, and renews from the old anniversary when attained on a day of it', () => {
    // Anniversary 2019-01-10; window 2019-01-11 .. 2019-02-09; attained again only on 2019-02-01.
    const statusOn = attainedDuring(['2018-01-01', '2018-12-31'], ['2019-02-01', '2019-02-01']);
    const on = (asOf: string) => lifecycleOf({ asOf: day(asOf), awarded: day('2018-01-10'), override: null, statusOn });
    expect(on('2019-01-20')).toMatchObject({
      status: 'at-risk',
      anniversary: '2019-01-10',
      renewalWindow: { from: '2019-01-11', to: '2019-02-09' },
    });
    expect(on('2019-02-01')).toMatchObject({
      status: 'active',
      anniversary: '2020-01-10',
      renewalWindow: { from: '2020-01-11', to: '2020-02-09' },
    });
    // Renewed, but not attained since: at risk in the new year, not lapsed.
    expect(on('2019-03-01')).toMatchObject({ status: 'at-risk', anniversary: '2020-01-10' });
  });

  it('renews on the last day of the window', () => {
    const statusOn = attainedDuring(['2019-02-09', '2019-02-09']);
    const result = lifecycleOf({ asOf: day('2019-03-01'), awarded: day('2018-01-10'), override: null, statusOn });
    expect(result).toMatchObject({ status: 'at-risk', anniversary: '2020-01-10' });
  });

  it('lapses from the day after a window in which the level was never attained, until a new award', () => {
    const statusOn = attainedDuring(['2018-01-01', '2019-01-10'], ['2019-02-10', '2030-01-01']);
    const on = (asOf: string, awarded = '2018-01-10') =>
      lifecycleOf({ asOf: day(asOf), awarded: day(awarded), override: null, statusOn });
    expect(on('2019-02-09').status).toBe('at-risk');
    expect(on('2019-02-10')).toEqual({
      status: 'lapsed',
      awarded: '2018-01-10',
      anniversary: '2019-01-10',
      renewalWindow: null,
      override: null,
    });
    expect(on('2020-06-01').status).toBe('lapsed');
    expect(on('2020-06-01', '2020-05-01')).toMatchObject({ status: 'active', anniversary: '2021-05-01' });
  });

  it('renews year after year while the level stays attained', () => {
    const result = lifecycleOf({ asOf: day('2021-03-01'), awarded: day('2018-01-10'), override: null, statusOn: always });
    // 2018-01-10 + 4 × 365 days: 2022-01-09, a day early because 2020 is a leap year.
    expect(result).toMatchObject({ status: 'active', anniversary: '2022-01-09' });
  });

  it('lets an override win while in force, and the data again after its last day', () => {
    const override = { status: 'active', until: '2019-03-31', reason: 'audit pending' } as const;
    const input = { awarded: day('2018-01-10'), override, statusOn: never };
    expect(lifecycleOf({ ...input, asOf: day('2019-03-31') })).toMatchObject({ status: 'active', override });
    expect(lifecycleOf({ ...input, asOf: day('2019-04-01') })).toMatchObject({ status: 'lapsed', override: null });
  });
});

describe('statusOnFromTransitions', () => {
  it('reads the status the latest transition on or before a day set, not attained before any', () => {
    const statusOn = statusOnFromTransitions([
      { date: '2018-05-01', to: 'not-attained' },
      { date: '2018-01-01', to: 'attained' },
    ]);
    expect(statusOn(day('2017-12-31'))).toBe('not-attained');
    expect(statusOn(day('2018-01-01'))).toBe('attained');
    expect(statusOn(day('2018-04-30'))).toBe('attained');
    expect(statusOn(day('2018-05-01'))).toBe('not-attained');
  });
});
