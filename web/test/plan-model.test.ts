import { describe, expect, it } from 'vitest';
import { findLevel } from '../../src/catalog/find-level.js';
import { excludablePeople, planByPerson, planPathNames, planRole, seatedWithoutExams } from '../src/lib/plan-model.js';
import { catalog, contoso, fabrikam, planOf } from './fixtures.js';

const TARGET = 'cloud-business-applications/enterprise-customer-engagement/gold';

describe('plans grouped by person', async () => {
  const plan = await planOf(contoso, TARGET, '2018-03-31');
  const people = planByPerson(plan);

  it('lists each person once, in the plan order, with every exam under the seat it is for', () => {
    expect(people.map((p) => p.person)).toEqual([...new Set(plan.steps.map((s) => s.person))]);
    expect(people.reduce((n, p) => n + p.examCount, 0)).toBe(plan.cost.exams);
    const newcomer = people.find((p) => p.person === 'new-1');
    expect(newcomer?.isNew).toBe(true);
    expect(newcomer?.seats.map((s) => [s.role, s.exams])).toEqual([
      ['technical', ['MB2-715', 'MB2-716']],
      ['functional', ['MB2-717']],
    ]);
  });

  it('names the seats from the catalog and lists who is seated with nothing to do', () => {
    const level = findLevel(
      catalog,
      { competency: 'cloud-business-applications', option: 'enterprise-customer-engagement', level: 'gold' },
      plan.catalogVersion,
    )?.level;
    expect(planRole(level, 'skills', 'technical', 'technical')?.name['ko-KR']).toBeTruthy();
    const seated = seatedWithoutExams(plan);
    expect(seated.flatMap((s) => s.seats).every((s) => s.exams.length === 0)).toBe(true);
    // Each once, with both seats (technical and functional pools may share people).
    expect(seated.map((s) => [s.person, s.seats.map((x) => x.role)])).toEqual([
      ['p1', ['technical', 'functional']],
      ['p2', ['technical', 'functional']],
      ['p5', ['technical', 'functional']],
    ]);
  });

  it('offers the people the plan relies on for a what-if, never a new hire', () => {
    const ids = excludablePeople(plan);
    expect(ids).toContain('p1');
    expect(ids.some((id) => id.startsWith('new-'))).toBe(false);
  });

  it('changes when someone is excluded: a person the plan relied on costs one more hire', async () => {
    const without = await planOf(contoso, TARGET, '2018-03-31', ['p1']);
    expect(without.options.exclude).toEqual(['p1']);
    expect(planByPerson(without).some((p) => p.person === 'p1')).toBe(false);
    expect(without.cost.newPeople).toBe(plan.cost.newPeople + 1);
  });

  it('names the chosen path of a level with alternatives', async () => {
    const ops = await planOf(fabrikam, 'cloud-business-applications/enterprise-operations/silver', '2018-03-31');
    const level = findLevel(
      catalog,
      { competency: 'cloud-business-applications', option: 'enterprise-operations', level: 'silver' },
      ops.catalogVersion,
    )?.level;
    const names = planPathNames(ops.path, level);
    expect(names).toHaveLength(ops.path === null ? 0 : ops.path.split(',').length);
    for (const name of names) expect(name['zh-TW']).toBeTruthy();
    expect(planPathNames('skills:nowhere', level)).toEqual([{ en: 'nowhere' }]);
  });
});
