import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/core/day.js';
import { contoso, expectValid, issuesOf, plan, sample, where } from './import-helpers.js';

const person = (org: ReturnType<typeof plan>['organization'], id: string) => org.people.find((p) => p.id === id);

describe('importing attain exams CSV', () => {
  it('adds new people and passes, keeps passes already there, and explains what it did', () => {
    const result = plan(sample('contoso-exams.csv'));
    expect(result.kind).toBe('exams');
    expect(result.replace).toBe(false);
    expect(result.changed).toBe(true);
    expect(result.rows).toBe(7);
    expect(result.summary.people).toEqual({ added: 2, updated: 0, unchanged: 2, removed: 0 });
    expect(result.summary.exams).toEqual({ added: 7, updated: 0, unchanged: 0, removed: 0 });
    expect(result.additions.people).toEqual([
      { id: 'p8', name: 'Sofia Rossi' },
      { id: 'p9', name: "Liam O'Brien" },
    ]);
    const p7 = person(result.organization, 'p7');
    expect(p7?.exams.map((e) => `${e.exam} ${formatDay(e.passed)}`)).toEqual([
      'MB2-877 2018-01-10',
      'AZ-100 2018-02-01',
      'MB2-715 2018-03-01',
      'MB2-716 2018-03-20',
    ]);
    expect(person(result.organization, 'p9')?.exams).toEqual([{ exam: 'MB2 718', passed: result.additions.exams[6]?.passed }]);
    expectValid(result.organization);
  });

  it('treats spellings of one exam on one day as the same pass', () => {
    const result = plan('person_id,exam,passed\np2,MB2-713,2016-11-20\np2,mb2713,2016-11-20\np5,MB2 709,2017-01-12\n');
    expect(result.changed).toBe(false);
    expect(result.summary.exams).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
  });

  it('renames a person when the file names them differently, and leaves the name alone when the cell is empty', () => {
    const result = plan('person_id,name,exam,passed\np1,Wang Xiaoming,,\np2,,MB2-717,2018-03-01\n');
    expect(result.summary.people).toEqual({ added: 0, updated: 1, unchanged: 1, removed: 0 });
    expect(result.additions.people).toEqual([{ id: 'p1', name: 'Wang Xiaoming' }]);
    expect(person(result.organization, 'p1')?.name).toBe('Wang Xiaoming');
    expect(person(result.organization, 'p1')?.exams).toHaveLength(5);
    expect(person(result.organization, 'p2')?.name).toBe('김민준');
  });

  it('accepts columns in any order and case, with a byte order mark and CRLF line ends', () => {
    const result = plan('\ufeffPassed,Exam,Person ID\r\n2018-03-01,MB2-717,p2\r\n');
    expect(result.additions.exams).toEqual([{ person: 'p2', exam: 'MB2-717', passed: result.additions.exams[0]?.passed }]);
  });

  it('refuses one person named two ways in one file, naming both lines', () => {
    const issues = issuesOf(
      'person_id,name,exam,passed\np8,Sofia Rossi,MB2-715,2018-01-16\np8,Sophia Rossi,MB2-716,2018-02-06\n',
    );
    expect(issues.map(where)).toEqual(['import.conflict name 3:4']);
    expect(issues[0]?.params).toMatchObject({ id: 'p8', value: 'Sophia Rossi', other: 'Sofia Rossi', otherLine: 2 });
  });
});

describe('importing attain customers CSV', () => {
  it('adds customers and DPOR periods, open-ended when dpor_to is empty', () => {
    const result = plan(sample('contoso-customers.csv'));
    expect(result.kind).toBe('customers');
    expect(result.summary.customers).toEqual({ added: 1, updated: 0, unchanged: 2, removed: 0 });
    expect(result.summary.dpor).toEqual({ added: 2, updated: 0, unchanged: 0, removed: 0 });
    const tailspin = result.organization.customers.find((c) => c.id === 'tailspin');
    expect(tailspin?.dpor.map((d) => [formatDay(d.from), d.to === null ? null : formatDay(d.to)])).toEqual([
      ['2017-06-01', '2018-01-31'],
      ['2018-03-01', null],
    ]);
    expectValid(result.organization);
  });

  it('keeps a period already known, however many times the file lists it', () => {
    const result = plan('customer_id,dpor_from,dpor_to\ntailspin,2017-06-01,2018-01-31\ntailspin,2017-06-01,2018-01-31\n');
    expect(result.changed).toBe(false);
    expect(result.summary.dpor).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
  });
});

describe('importing attain revenue CSV', () => {
  it('adds records, with products by id, alias or export name, and other currencies that have a rate', () => {
    const result = plan(sample('contoso-revenue.csv'));
    expect(result.kind).toBe('revenue');
    expect(result.summary.revenue).toEqual({ added: 5, updated: 0, unchanged: 0, removed: 0 });
    const last = result.additions.revenue[4];
    expect(last).toMatchObject({
      customer: 'wideworld',
      product: 'd365-customer-engagement-app',
      currency: 'EUR',
      netNew: false,
    });
    expect(last?.amount.toString()).toBe('7500');
    expect(result.additions.revenue[3]?.amount.toString()).toBe('-1250.5');
    expect(result.organization.revenue).toHaveLength(contoso.revenue.length + 5);
    expectValid(result.organization);
  });

  it('adds a record already there only as many more times as the file has it', () => {
    const row = 'northwind,crm-online,2017-04-30,84250,USD,true\n';
    const head = 'customer_id,product,date,amount,currency,net_new\n';
    expect(plan(head + row).changed).toBe(false);
    const twice = plan(head + row + row.replace('84250', '84250.00'));
    expect(twice.summary.revenue).toEqual({ added: 1, updated: 0, unchanged: 1, removed: 0 });
    expect(plan(head + row + row, { existing: twice.organization }).changed).toBe(false);
  });

  it('matches aliases to their product: d365-plan-1 is d365-customer-engagement-plan', () => {
    const head = 'customer_id,product,date,amount,currency\n';
    expect(plan(`${head}tailspin,d365-customer-engagement-plan,2017-05-15,40000,USD\n`).changed).toBe(false);
  });
});
