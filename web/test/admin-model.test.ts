import { describe, expect, it } from 'vitest';
import { apiUrl } from '../src/api/client.js';
import type { LevelCounts, ProgramRow, ProgramRun } from '../src/api/types.js';
import {
  atRiskDays,
  atRiskLevels,
  filterQuery,
  isRunning,
  levelColumns,
  NO_FILTER,
  pageQuery,
  runProgress,
} from '../src/lib/admin-model.js';

const level = (lvl: string, atRisk: string | null = null) => ({
  competency: 'c',
  option: 'a',
  level: lvl,
  status: 'attained' as const,
  lifecycle: 'qualified' as const,
  atRisk,
  nextChange: atRisk,
});
const row = (id: string, levels: ProgramRow['levels']): ProgramRow => ({
  id,
  name: id.toUpperCase(),
  market: 'developed',
  asOf: '2018-03-31',
  evaluatedAt: '2018-03-31T00:00:00Z',
  attained: levels.length,
  error: null,
  levels,
});
const counts = (lvl: string): LevelCounts => ({
  competency: 'c',
  option: 'a',
  level: lvl,
  attained: 0,
  notAttained: 0,
  undetermined: 0,
  atRisk: 0,
  byLifecycle: { started: 0, qualified: 0, active: 0, 'at-risk': 0, lapsed: 0 },
});
const run = (over: Partial<ProgramRun>): ProgramRun => ({
  id: '1',
  kind: 'run',
  asOf: '2018-03-31',
  requestedAt: '',
  finishedAt: null,
  total: null,
  done: 0,
  failed: 0,
  catalog: '',
  draftName: null,
  error: null,
  ...over,
});

describe('the program operator view', () => {
  it('sends only the filters that are set, the same for the page and the CSV', () => {
    expect(apiUrl('/api/program/organizations.csv', filterQuery(NO_FILTER))).toBe('/api/program/organizations.csv');
    const filter = {
      ...NO_FILTER,
      level: 'c/a/gold',
      status: 'attained',
      market: 'developing',
      text: ' con ',
      atRiskWithin: '30',
    } as const;
    expect(apiUrl('/x', filterQuery(filter))).toBe(
      '/x?level=c%2Fa%2Fgold&status=attained&market=developing&atRiskWithin=30&q=con',
    );
    expect(apiUrl('/x', pageQuery({ ...NO_FILTER, failed: true }, 'at-risk', true, 2, 25))).toBe(
      '/x?failed=true&sort=at-risk&desc=true&offset=50&limit=25',
    );
  });

  it('accepts an at-risk window of 0 to 90 whole days only', () => {
    expect([atRiskDays('0'), atRiskDays('90'), atRiskDays('91'), atRiskDays('-1'), atRiskDays('1.5'), atRiskDays('')]).toEqual([
      0,
      90,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('lists the at-risk levels soonest first, and columns in the order of the counts', () => {
    const rows = [row('z', [level('silver', '2018-05-01')]), row('m', [level('gold', '2018-04-10'), level('silver')])];
    expect(atRiskLevels(rows).map((r) => `${r.row.id} ${r.level.level} ${r.level.atRisk}`)).toEqual([
      'm gold 2018-04-10',
      'z silver 2018-05-01',
    ]);
    expect(levelColumns([counts('silver')], rows).map((c) => c.level)).toEqual(['silver', 'gold']);
  });

  it('follows a run until it has finished', () => {
    expect(isRunning(run({}))).toBe(true);
    expect(runProgress(run({}))).toBe(0);
    expect(runProgress(run({ total: 4, done: 1 }))).toBe(0.25);
    const done = run({ total: 4, done: 4, finishedAt: '2018-03-31T00:00:00Z' });
    expect([isRunning(done), runProgress(done), isRunning(null)]).toEqual([false, 1, false]);
  });
});
