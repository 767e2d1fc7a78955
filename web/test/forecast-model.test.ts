import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../src/lib/dates.js';
import { levelTimelines } from '../src/lib/forecast-model.js';
import { contoso, forecastOf } from './fixtures.js';

describe('forecast timelines', async () => {
  const from = '2018-03-31';
  const to = addMonths(from, 18);
  const forecast = await forecastOf(contoso, from, to);
  const end = addDays(forecast.to, 1);
  const timelines = levelTimelines(forecast, end);

  it('has one timeline per level, whose segments cover the whole period without gaps', () => {
    expect(timelines).toHaveLength(6);
    for (const tl of timelines) {
      expect(tl.segments[0]?.from).toBe(from);
      expect(tl.segments.at(-1)?.to).toBe(end);
      for (let i = 1; i < tl.segments.length; i++) expect(tl.segments[i]?.from).toBe(tl.segments[i - 1]?.to);
      expect(tl.segments.reduce((n, s) => n + daysBetween(s.from, s.to), 0)).toBe(daysBetween(from, end));
    }
  });

  it('cuts a level at each of its dates of change, with the status after the change', () => {
    const gold = timelines.find((tl) => tl.competency === 'cloud-crm' && tl.level === 'gold');
    expect(gold?.segments).toEqual([
      { from, to: '2018-04-30', status: 'attained' },
      { from: '2018-04-30', to: end, status: 'not-attained' },
    ]);
    expect(gold?.changes.map((c) => c.causes.map((x: { code: string }) => x.code))).toEqual([['revenue.leaves']]);
  });

  it('is one segment for a level that never changes', () => {
    const opsGold = timelines.find((tl) => tl.option === 'enterprise-operations' && tl.level === 'gold');
    expect(opsGold?.segments).toEqual([{ from, to: end, status: 'not-attained' }]);
  });
});

describe('dates', () => {
  it('adds months, clamped to the end of the month', () => {
    expect(addMonths('2018-03-31', 18)).toBe('2019-09-30');
    expect(addMonths('2018-08-31', 6)).toBe('2019-02-28');
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    expect(daysBetween('2018-03-31', '2018-04-30')).toBe(30);
  });
});
