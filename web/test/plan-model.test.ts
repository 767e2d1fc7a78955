import { describe, expect, it } from 'vitest';
import { findLevel } from '../../src/catalog/find-level.js';
import {
  excludablePeople,
  measureBlockers,
  planByPerson,
  planPathNames,
  planRole,
  planRows,
  seatedWithoutExams,
} from '../src/lib/plan-model.js';
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

  it('folds new hires who sit the same exams into one row, and never folds people the organization has', () => {
    const rows = planRows(plan);
    const hires = rows.filter((r) => r.kind === 'new-hires');
    expect(hires).toHaveLength(1);
    expect(hires[0]?.kind === 'new-hires' && hires[0].people).toEqual(plan.newPeople);
    // Every person is in exactly one row, in the plan's order, and the exams add up.
    const ids = rows.flatMap((r) => (r.kind === 'person' ? [r.person.person] : r.people));
    expect(ids).toEqual(people.map((p) => p.person));
    const exams = rows.reduce((n, r) => n + (r.kind === 'person' ? r.person.examCount : r.examCount * r.people.length), 0);
    expect(exams).toBe(plan.cost.exams);
    expect(rows.filter((r) => r.kind === 'person')).toHaveLength(people.filter((p) => !p.isNew).length);
  });

  it('keeps hires apart when their exams differ', () => {
    const step = (person: string, exam: string) => ({ person, exam, role: 'r', pool: 'p', requirement: 'q' });
    const rows = planRows({
      ...plan,
      newPeople: ['new-1', 'new-2', 'new-3'],
      steps: [step('new-1', 'A'), step('new-2', 'B'), step('new-3', 'A')],
    });
    expect(rows.map((r) => (r.kind === 'new-hires' ? r.people : r.person.person))).toEqual([['new-1', 'new-3'], ['new-2']]);
  });

  it('names the revenue shortfall as the blocker, and met revenue as none', () => {
    expect(measureBlockers(plan).map((r) => r.shortfall)).toEqual(['179206.3']);
    expect(measureBlockers({ ...plan, measures: plan.measures.map((r) => ({ ...r, shortfall: '0' })) })).toEqual([]);
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
