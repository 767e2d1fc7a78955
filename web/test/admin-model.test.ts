import { describe, expect, it } from 'vitest';
import { atRiskList, countsPerLevel, filterAndSort, type ProgramOrganization } from '../src/lib/admin-model.js';

const level = (option: string, lvl: string, status: string) => ({ competency: 'c', option, level: lvl, status });
const org = (
  id: string,
  name: string,
  market: string,
  statuses: string[],
  atRisk: { date: string }[] = [],
): ProgramOrganization => ({
  id,
  name,
  market,
  levels: [level('a', 'silver', statuses[0] ?? ''), level('a', 'gold', statuses[1] ?? '')],
  atRisk: atRisk.map((r) => ({ competency: 'c', option: 'a', level: 'silver', date: r.date })),
});

const orgs = [
  org('z', 'Zeta', 'developed', ['attained', 'attained'], [{ date: '2018-05-01' }]),
  org('a', 'Alpha', 'developing', ['attained', 'not-attained']),
  org('m', 'Mu', 'developed', ['not-attained', 'not-attained'], [{ date: '2018-04-10' }]),
  org('b', 'Beta', 'developed', ['undetermined', 'not-attained']),
];
const none = { text: '', market: '', level: '' };

describe('the program operator view', () => {
  it('sorts by name, by levels attained, and by the soonest risk', () => {
    expect(filterAndSort(orgs, none, 'name').map((o) => o.id)).toEqual(['a', 'b', 'm', 'z']);
    expect(filterAndSort(orgs, none, 'attained').map((o) => o.id)).toEqual(['z', 'a', 'b', 'm']);
    expect(filterAndSort(orgs, none, 'risk').map((o) => o.id)).toEqual(['m', 'z', 'a', 'b']);
  });

  it('filters by text (name or id), market and a level held', () => {
    expect(filterAndSort(orgs, { ...none, text: 'ET' }, 'name').map((o) => o.id)).toEqual(['b', 'z']);
    expect(filterAndSort(orgs, { ...none, market: 'developing' }, 'name').map((o) => o.id)).toEqual(['a']);
    expect(filterAndSort(orgs, { ...none, level: 'c/a/gold' }, 'name').map((o) => o.id)).toEqual(['z']);
    expect(filterAndSort(orgs, { text: 'a', market: 'developed', level: 'c/a/silver' }, 'name').map((o) => o.id)).toEqual(['z']);
  });

  it('counts organizations per level, attained only', () => {
    expect([...countsPerLevel(orgs)]).toEqual([
      ['c/a/silver', 2],
      ['c/a/gold', 1],
    ]);
  });

  it('lists levels at risk soonest first', () => {
    expect(atRiskList(orgs).map(({ org, risk }) => `${org.id} ${risk.date}`)).toEqual(['m 2018-04-10', 'z 2018-05-01']);
  });

  it('does not reorder the input', () => {
    filterAndSort(orgs, none, 'attained');
    expect(orgs.map((o) => o.id)).toEqual(['z', 'a', 'm', 'b']);
  });
});
