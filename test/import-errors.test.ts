import { describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { renderError } from '../src/render/render-error.js';
import { contoso, issuesOf, plan, where } from './import-helpers.js';

const REVENUE = 'customer_id,product,date,amount,currency,net_new\n';

describe('a bad import file is refused whole, with every problem at its line and column', () => {
  it('lists every bad row of a revenue file, in file order, and imports none of the good ones', () => {
    const text = `${REVENUE}northwind,crm-online,2017-10-31,100,USD,true
nobody,crm-online,2017-10-31,100,USD,true
northwind,crm-onlin,2017-02-30,1.2e3,JPY,maybe
northwind,crm-online,2017-10-31,,USD,
`;
    const issues = issuesOf(text);
    expect(issues.map(where)).toEqual([
      'import.customer.unknown customer_id 3:1',
      'import.product.unknown product 4:11',
      'import.date.invalid date 4:21',
      'import.amount.invalid amount 4:32',
      'import.fx.missing currency 4:38',
      'import.boolean.invalid net_new 4:42',
      'import.required amount 5:33',
    ]);
    expect(issues.map((i) => i.params.value)).toEqual(['nobody', 'crm-onlin', '2017-02-30', '1.2e3', 'JPY', 'maybe', '']);
  });

  it('counts physical lines, so rows after multi-line quoted fields are placed right', () => {
    const text =
      'person_id,name,exam,passed\r\np1,"Wang\r\nXiao\r\nming",MB2-714,2017-03-10\r\np2,"Kim ""MJ""\nMin-jun",MB2-713,someday\r\n';
    expect(issuesOf(text).map(where)).toEqual(['import.date.invalid passed 6:18']);
  });

  it('refuses unknown, duplicate and missing columns, naming the expected ones', () => {
    const issues = issuesOf('customer_id,product,date,ammount,currency,Product\n');
    expect(issues.map(where)).toEqual([
      'import.column.missing amount 1:1',
      'import.column.unknown ammount 1:26',
      'import.column.duplicate Product 1:43',
    ]);
    expect(issues[1]?.params.expected).toBe('customer_id, product, date, amount, currency, net_new, attribution');
  });

  it('refuses rows with too many or too few fields, but not the empty cells a spreadsheet adds', () => {
    const text = 'person_id,exam,passed,,\np1,MB2-717,2018-01-01,,\np1,MB2-718\np1,MB2-718,2018-01-01,x\n,,,\n';
    expect(issuesOf(text).map(where)).toEqual(['import.csv.field-count $ 3:1', 'import.csv.field-count $ 4:23']);
    expect(plan('person_id,exam,passed,,\np1,MB2-717,2018-01-01,,\n,,\n').summary.exams.added).toBe(1);
  });

  it('reports broken quoting with the rest of the file', () => {
    const issues = issuesOf('person_id,exam,passed\np1,MB2-717,"2018-01-01\np2,MB2-718,2018-01-02\n');
    expect(issues.map(where)).toEqual(['import.csv.unterminated-quote $ 2:12']);
    const stray = issuesOf('person_id,exam,passed\np1,MB2 "717",2018-01-01\np2,MB2-718,2018-13-01\n');
    expect(stray.map(where)).toEqual(['import.csv.stray-quote $ 2:8', 'import.date.invalid passed 3:12']);
  });

  it('refuses an empty file, and accepts a header without rows as a file that changes nothing', () => {
    for (const empty of ['', '  \n\n', '\ufeff', '\ufeff\r\n'])
      expect(issuesOf(empty).map(where)).toEqual(['import.empty $ -:-']);
    const headerOnly = plan('\ufeffperson_id,name,exam,passed\r\n');
    expect(headerOnly.changed).toBe(false);
    expect(headerOnly.rows).toBe(0);
  });

  it('refuses periods that end before they start or have no start', () => {
    const issues = issuesOf('customer_id,name,dpor_from,dpor_to\nc1,A,2018-01-01,2017-12-31\nc2,B,,2018-01-01\nc3,C,2018-1-1,\n');
    expect(issues.map(where)).toEqual([
      'import.period.reversed dpor_to 2:17',
      'import.period.incomplete dpor_to 3:7',
      'import.date.invalid dpor_from 4:6',
    ]);
  });

  it('lists at most 1000 problems, and says how many there were', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `northwind,crm-online,2017-10-31,${i}e2,USD,true`).join('\n');
    const issues = issuesOf(REVENUE + rows);
    expect(issues).toHaveLength(1001);
    expect(issues[999]?.params.line).toBe(1001);
    expect(issues[1000]).toEqual({ code: 'import.issues.truncated', path: '$', params: { shown: 1000, total: 1500 } });
  });

  it('places problems in JSON records by path, line and column, with the organization file’s codes', () => {
    const text = `[
  { "customer": "northwind", "product": "crm-online", "date": "2017-10-31", "amount": "100", "currency": "USD" },
  { "customer": "northwind", "product": "crm-online", "date": "2017-10-31",
    "amount": "12,50", "currency": "USD" },
  { "customer": "nobody", "product": "office", "date": "2017-10-31", "amount": 5, "currency": "JPY" }
]`;
    expect(issuesOf(text).map(where)).toEqual([
      'org.amount.invalid $[1].amount 4:15',
      'org.customer.unknown $[2].customer 5:17',
      'import.product.unknown $[2].product 5:38',
      'org.fx.missing $[2].currency 5:95',
    ]);
  });

  it('reports malformed JSON and YAML where the parser stopped', () => {
    expect(issuesOf('[{"customer": "northwind",\n  "amount": 5,}]').map(where)).toEqual(['input.malformed-json $ 2:15']);
    expect(issuesOf('id: contoso\nmarket: [developed\n', { kind: 'org' }).map((i) => i.code)).toContain('input.malformed-yaml');
    expect(issuesOf('[1, 2]', { kind: 'exams' }).map(where)).toEqual(['org.type $[0] 1:2', 'org.type $[1] 1:5']);
    expect(issuesOf('{"people": []}', { kind: 'exams' }).map(where)).toEqual(['import.json.shape $ -:-']);
  });

  it('needs the organization to exist before records are added to it', () => {
    expect(issuesOf('person_id,exam,passed\np1,MB2-717,2018-01-01\n', { existing: undefined, orgId: 'new' }).map(where)).toEqual([
      'import.org.missing $ -:-',
    ]);
  });

  it('reads Partner Center kinds only from CSV', () => {
    expect(issuesOf('[]', { kind: 'partner-center-revenue' }).map(where)).toEqual(['import.kind.format $ -:-']);
  });

  it('renders every problem in English, Traditional Chinese and Korean', () => {
    let error: AttainError | undefined;
    try {
      plan(`${REVENUE}nobody,crm-online,2017-10-31,1e3,USD,true\n`, { file: 'revenue.csv' });
    } catch (e) {
      error = e as AttainError;
    }
    expect(error).toBeInstanceOf(AttainError);
    const [en, zh, ko] = (['en', 'zh-TW', 'ko-KR'] as const).map((locale) => renderError(error as AttainError, locale));
    expect(en).toContain('revenue.csv: customer_id (2:1): customer "nobody" is not in the organization');
    expect(en).toContain('amount (2:30): "1e3" is not a plain decimal amount');
    expect(zh).toContain('客戶「nobody」不在組織中');
    expect(ko).toContain('"1e3"은 일반 십진수 금액이 아닙니다');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'import.invalid', file: 'revenue.csv' });
  });
});

describe('importing a whole organization file', () => {
  it('replaces the organization, summarizing what is added and removed', () => {
    const file = JSON.stringify({
      id: 'contoso',
      name: 'Contoso',
      market: 'developed',
      people: [{ id: 'p1', name: '王小明', exams: [{ exam: 'MB2-714', passed: '2017-03-10' }] }],
    });
    const result = plan(file);
    expect(result.kind).toBe('org');
    expect(result.replace).toBe(true);
    expect(result.changed).toBe(true);
    expect(result.additions).toEqual({ people: [], exams: [], customers: [], dpor: [], revenue: [] });
    expect(result.summary.people).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 6 });
    expect(result.summary.exams).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 24 });
    expect(result.summary.revenue).toEqual({ added: 0, updated: 0, unchanged: 0, removed: 8 });
    expect(result.organization.name).toBe('Contoso');
  });

  it('takes the organization id from the caller when the file has none, and refuses a file for another one', () => {
    const yaml =
      'name: New Partner\nmarket: developing\npeople:\n  - { id: a, exams: [ { exam: MB2-717, passed: "2018-01-01" } ] }\n';
    const created = plan(yaml, { existing: undefined, orgId: 'newco', file: 'newco.yaml' });
    expect(created.organization.id).toBe('newco');
    expect(created.changed).toBe(true);
    expect(created.summary.people.added).toBe(1);
    expect(issuesOf(`id: fabrikam\n${yaml}`, { file: 'org.yaml' }).map(where)).toEqual(['import.org.id-mismatch $.id 1:5']);
  });

  it('changes nothing when the file is the organization as it is', () => {
    const again = plan(JSON.stringify(organizationDocument(contoso)));
    expect(again.changed).toBe(false);
    expect(again.summary.revenue).toEqual({ added: 0, updated: 0, unchanged: 8, removed: 0 });
  });

  it('reports the organization file’s problems at their YAML lines', () => {
    const issues = issuesOf(
      'id: contoso\nmarket: developed\nrevenue:\n  - { customer: c1, product: crm-online, date: "2017-02-30", amount: 1, currency: USD }\n',
      {
        kind: 'org',
      },
    );
    expect(issues.map(where)).toEqual([
      'org.customer.unknown $.revenue[0].customer 4:17',
      'org.date.invalid $.revenue[0].date 4:48',
    ]);
  });
});
