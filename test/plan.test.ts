import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { planLevel } from '../src/planner/plan-level.js';
import { runCli } from './run-cli.js';

const catalog = await loadShippedCatalog();
const day = (text: string) => parseDay(text) as number;
const person = (id: string, exams: readonly string[], passed = '2017-06-01') => ({
  id,
  exams: exams.map((exam) => ({ exam, passed })),
});
const org = (people: readonly ReturnType<typeof person>[], market = 'developed') =>
  parseOrganization({ id: 'o', market, people });
const CE_GOLD = 'cloud-business-applications/enterprise-customer-engagement/gold';
const CE_SILVER = 'cloud-business-applications/enterprise-customer-engagement/silver';
const OPS_SILVER = 'cloud-business-applications/enterprise-operations/silver';

describe('planLevel', () => {
  it('hires people who serve both of Customer Engagement’s pools: 15 new people, not 30', async () => {
    const plan = await planLevel(catalog, org([]), CE_GOLD, { asOf: day('2018-03-31') });
    expect(plan).toMatchObject({
      feasible: true,
      path: null,
      cost: { newPeople: 15, exams: 45 },
      reason: { code: 'plan.single-path' },
    });
    expect(plan.newPeople).toHaveLength(15);
    expect(plan.steps.filter((s) => s.person === 'new-1').map((s) => s.exam)).toEqual(['MB2-715', 'MB2-716', 'MB2-717']);
  });

  it('says so when the level is already met, and plans nothing', async () => {
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, ['MB2-715', 'MB2-716', 'MB2-718']));
    const plan = await planLevel(catalog, org(people), CE_SILVER, { asOf: day('2018-03-31') });
    expect(plan).toMatchObject({
      feasible: true,
      steps: [],
      cost: { newPeople: 0, exams: 0 },
      reason: { code: 'plan.already-met' },
    });
    expect(plan.seats).toHaveLength(10);
  });

  it('plans only exams that can be taken on the date: before November 2017 only the AX 2012 path is open', async () => {
    const before = await planLevel(catalog, org([]), OPS_SILVER, { asOf: day('2017-10-15') });
    expect(before).toMatchObject({ path: 'legacy', cost: { newPeople: 5, exams: 25 }, reason: { code: 'plan.only-feasible' } });
    expect(before.alternatives[0]).toMatchObject({
      path: 'current',
      feasible: false,
      blocked: { code: 'plan.closed', params: { roles: ['technical', 'functional'] } },
    });
    const after = await planLevel(catalog, org([]), OPS_SILVER, { asOf: day('2018-01-01') });
    expect(after).toMatchObject({ path: 'current', cost: { newPeople: 5, exams: 15 } });
    expect(after.alternatives[1]).toMatchObject({
      path: 'legacy',
      feasible: false,
      blocked: { code: 'plan.closed', params: { roles: ['legacy'] } },
    });
  });

  it('keeps a retired path that is already met, during its grace year', async () => {
    const legacy = ['l1', 'l2', 'l3', 'l4', 'l5'].map((id) => person(id, ['MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764']));
    const plan = await planLevel(catalog, org(legacy), OPS_SILVER, { asOf: day('2018-06-30') });
    expect(plan).toMatchObject({ path: 'legacy', cost: { newPeople: 0, exams: 0 }, reason: { code: 'plan.already-met' } });
  });

  it('chooses the cheaper of two open paths and says why', async () => {
    const people = [person('x', ['MB6-705', 'MB6-893', 'MB6-892', 'MB6-890', '70-764'])];
    const plan = await planLevel(catalog, org(people), OPS_SILVER, { asOf: day('2017-12-15') });
    expect(plan.alternatives.map((a) => [a.path, a.newPeople, a.exams])).toEqual([
      ['current', 4, 15],
      ['legacy', 4, 20],
    ]);
    expect(plan).toMatchObject({ path: 'current', reason: { code: 'plan.cheapest' } });
  });

  it('replans around someone leaving, and refuses an unknown person', async () => {
    const people = [person('a', ['MB2-714', 'MB2-710']), person('b', ['MB2-712']), person('c', ['MB2-713'])];
    const stay = await planLevel(catalog, org(people), 'cloud-crm/reseller/silver', { asOf: day('2018-03-31') });
    expect(stay.cost).toEqual({ newPeople: 0, exams: 0 });
    const leave = await planLevel(catalog, org(people), 'cloud-crm/reseller/silver', { asOf: day('2018-03-31'), exclude: ['a'] });
    expect(leave.cost).toEqual({ newPeople: 0, exams: 1 });
    expect(leave.steps).toEqual([
      { person: 'c', exam: 'MB2-710', role: 'functional-deployment', pool: 'main', requirement: 'skills' },
    ]);
    await expect(
      planLevel(catalog, org(people), 'cloud-crm/reseller/silver', { asOf: day('2018-03-31'), exclude: ['zz'] }),
    ).rejects.toThrow('zz');
  });

  it('without hiring, reports how many people would be needed', async () => {
    const plan = await planLevel(catalog, org([person('a', ['MB2-715'])]), CE_SILVER, { asOf: day('2018-03-31'), noHire: true });
    expect(plan).toMatchObject({ feasible: false, steps: [], reason: { code: 'plan.infeasible' } });
    expect(plan.alternatives[0]?.blocked).toEqual({ code: 'plan.needs-hires', params: { hires: 4 } });
  });

  it('respects a limit of exams per person across pools (solved as an integer program)', async () => {
    const empty = ['a', 'b', 'c', 'd', 'e'].map((id) => person(id, []));
    const free = await planLevel(catalog, org(empty), CE_SILVER, { asOf: day('2018-03-31') });
    expect(free.cost).toEqual({ newPeople: 0, exams: 15 });
    const limited = await planLevel(catalog, org(empty), CE_SILVER, { asOf: day('2018-03-31'), maxExamsPerPerson: 2 });
    expect(limited.cost).toEqual({ newPeople: 5, exams: 15 });
    const perPerson = new Map<string, number>();
    for (const s of limited.steps) perPerson.set(s.person, (perPerson.get(s.person) ?? 0) + 1);
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(2);
  });

  it('reaches the level once the plan is carried out', async () => {
    const people = [person('a', ['MB2-714']), person('b', ['MB2-712', 'MB2-709']), person('c', ['MB2-706'])];
    const organization = org(people);
    const plan = await planLevel(catalog, organization, 'cloud-crm/reseller/gold', { asOf: day('2018-03-31') });
    const after = people.map((p) => ({
      ...p,
      exams: [...p.exams, ...plan.steps.filter((s) => s.person === p.id).map((s) => ({ exam: s.exam, passed: '2018-03-31' }))],
    }));
    const hires = plan.newPeople.map((id) =>
      person(
        id,
        plan.steps.filter((s) => s.person === id).map((s) => s.exam),
        '2018-03-31',
      ),
    );
    const result = evaluate(catalog, org([...after, ...hires]), { asOf: day('2018-03-31') }).results.find(
      (r) => r.competency === 'cloud-crm' && r.level === 'gold',
    );
    expect(result?.requirements.find((r) => r.kind === 'people')?.met).toBe(true);
    expect(plan.cost).toEqual({ newPeople: 1, exams: 3 });
  });
});

describe('attain plan', () => {
  it('prints the JSON contract and a text plan in each language', async () => {
    const args = [
      'plan',
      'examples/fabrikam-ops.yaml',
      '--target',
      'cloud-business-applications/enterprise-operations/gold',
      '--as-of',
      '2018-03-31',
    ];
    const json = await runCli([...args, '--format', 'json', '--exclude', 'f1']);
    expect(json.status).toBe(0);
    const plan = JSON.parse(json.stdout);
    expect(Object.keys(plan)).toEqual([
      'target',
      'asOf',
      'catalogVersion',
      'feasible',
      'path',
      'newPeople',
      'steps',
      'seats',
      'measures',
      'cost',
      'reason',
      'alternatives',
      'options',
    ]);
    expect(plan).toMatchObject({ path: 'current', cost: { newPeople: 8, exams: 44 } });
    expect(plan.measures[0]).toEqual({
      requirement: 'revenue-total',
      counted: '45700.75',
      required: '150000',
      shortfall: '104299.25',
      unit: { kind: 'money', currency: 'USD' },
      met: false,
    });
    expect((await runCli([...args, '--lang', 'zh-TW'])).stdout).toContain('途徑：Dynamics 365 for Finance and Operations 測驗');
    expect((await runCli([...args, '--lang', 'ko-KR'])).stdout).toContain('누가 어떤 시험을 봐야 하는지:');
    const en = (await runCli(args)).stdout;
    expect(en).toContain('Trần Thị Bình: 70-534, MB6-894 → Technical consultant');
  });

  it('leads with the revenue no exam can fix, and folds identical new hires into one line', async () => {
    const args = [
      'plan',
      'examples/contoso-dynamics.json',
      '--target',
      'cloud-business-applications/enterprise-customer-engagement/gold',
      '--as-of',
      '2018-03-31',
    ];
    const en = (await runCli(args)).stdout;
    const lines = en.split('\n');
    // The blocker comes right after the title, before the exams.
    expect(lines.slice(2, 4)).toEqual([
      'What stops this level, and no exam can fix:',
      '  Net new cloud revenue (TTM): $120,793.70 / $300,000.00 — $179,206.30 short',
    ]);
    expect(en).not.toContain('Revenue (cannot be planned with exams)');
    expect(en).toContain(
      '  8 new people, each: MB2-715, MB2-716 → Technical consultant (deployment, customization and configuration); MB2-717 → Functional consultant',
    );
    expect(en).not.toContain('new-1');
    expect((await runCli([...args, '--lang', 'zh-TW'])).stdout).toContain('  新進人員 8 人，每人: MB2-715');
    const ko = (await runCli([...args, '--lang', 'ko-KR'])).stdout;
    expect(ko.split('\n')[2]).toBe('이 등급을 가로막고 있으며 시험으로는 해결할 수 없는 요건:');
    expect(ko).toContain('  신규 인원 8명, 각자: MB2-715, MB2-716');
    // The JSON keeps every hire's own steps: a tool assigning hires needs their ids.
    const plan = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(plan.newPeople).toHaveLength(8);
    expect(plan.steps.filter((s: { person: string }) => s.person === 'new-8')).toHaveLength(3);
  });

  it('keeps met revenue at the end, with nothing ahead of the plan', async () => {
    const en = (
      await runCli(['plan', 'examples/contoso-dynamics.json', '--target', 'cloud-crm/reseller/gold', '--as-of', '2018-03-31'])
    ).stdout;
    expect(en).not.toContain('What stops this level');
    expect(en.trimEnd().split('\n').slice(-2)).toEqual([
      'Revenue (cannot be planned with exams):',
      '  Net new cloud revenue (TTM): $321,729.25 / $300,000.00 — met',
    ]);
  });

  it('refuses an unknown target with the list of known ones', async () => {
    const result = await runCli(['plan', 'examples/contoso-dynamics.json', '--target', 'cloud-crm/reseller/platinum']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cloud-crm/reseller/gold');
  });
});
