import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/core/day.js';
import { contoso, expectValid, issuesOf, plan, refusalOf, sample, where } from './import-helpers.js';

const TRAININGS_HEADER =
  'PGAMpnId,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month,MCPID,MpnId,PartnerName,PartnerCityLocation,PartnerCountryLocation';
const training = (title: string, type: string, first: string, last: string, mcp: string, date: string, extra = {}) => {
  const row = { email: '', corp: '', status: 'Active', ...extra };
  return `1,T,"${title}",${type},${first},${last},${row.email},${row.corp},${date},,${row.status},2018-01,${mcp},2,Contoso,Taipei,Taiwan`;
};
const REVENUE_HEADER =
  'PGAMpnID,CustomerName,CustomerTenantId,CustomerMarket,CustomerTenantCountry,Product,RawProductName,SKU,Month,MPNId,PartnerName,PartnerLocation,PartnerAttributionType,SalesChannel,BilledRevenueUSD';
const billing = (name: string, tenant: string, product: string, month: string, attribution: string, amount: string) =>
  `1,"${name}",${tenant},TW,TW,"${product}",,SKU,${month},2,Contoso,Taipei,${attribution},Direct,${amount}`;

describe('importing a Partner Center trainings export', () => {
  const result = plan(sample('contoso-partner-center-trainings.csv'), { skipInvalid: true });

  it('refuses an exam the catalog does not know, as every kind refuses an unknown reference', () => {
    const refusal = refusalOf(sample('contoso-partner-center-trainings.csv'));
    expect(refusal.issues.map(where)).toEqual(['import.exam.unknown TrainingTitle 13:26', 'import.rows.skippable $ -:-']);
    expect(refusal.issues.at(-1)?.params).toEqual({ rows: 1 });
  });

  it('imports the exams the catalog knows, keyed by MCP ID, and reports every other row as skipped or left out', () => {
    expect(result.kind).toBe('partner-center-trainings');
    expect(result.rows).toBe(15);
    expect(result.summary.people).toEqual({ added: 5, updated: 0, unchanged: 0, removed: 0 });
    expect(result.summary.exams).toEqual({ added: 11, updated: 0, unchanged: 0, removed: 0 });
    expect(result.skipped).toEqual([
      {
        line: 5,
        reason: 'import.skip.not-an-exam',
        params: { title: 'Dynamics 365 for Sales Fundamentals', type: 'Course' },
      },
      { line: 11, reason: 'import.skip.not-an-exam', params: { title: 'MCSA: Microsoft Dynamics 365', type: 'Certification' } },
      { line: 14, reason: 'import.skip.inactive', params: { exam: 'MB2-715', status: 'Inactive' } },
    ]);
    const title = 'Exam 70-533: Implementing Microsoft Azure Infrastructure Solutions';
    expect(result.leftOut?.groups).toEqual([
      { code: 'import.exam.unknown', path: 'TrainingTitle', params: { value: '70-533', title }, count: 1, lines: [13] },
    ]);
    expect(result.leftOut?.rows).toBe(1);
    expect(JSON.parse(JSON.stringify(result.skipped))).toEqual(result.skipped);
    expectValid(result.organization);
  });

  it('writes Chinese and Korean names family name first, and links a row without MCP ID by e-mail', () => {
    expect(result.additions.people.map((p) => `${p.id} ${p.name}`)).toEqual([
      '11873402 陳建宏',
      '12044981 정건우',
      '10988217 David Müller',
      '11502236 Maria Garcia',
      '12230054 Linh Nguyen',
    ]);
    const chen = result.organization.people.find((p) => p.id === '11873402');
    expect(chen?.exams.map((e) => `${e.exam} ${formatDay(e.passed)}`)).toEqual([
      'MB2-715 2018-01-05',
      'MB2-716 2018-01-19',
      'MB2-717 2018-03-02',
    ]);
  });

  it('stores exam codes as the registry writes them, from titles that write them otherwise', () => {
    const text = [TRAININGS_HEADER, training('Exam mb2 716 - Customization', 'Exam', 'A', 'B', '1', '3/2/2018')].join('\n');
    expect(plan(text).additions.exams).toEqual([{ person: '1', exam: 'MB2-716', passed: expect.any(Number) }]);
  });

  it('fills in a missing name but never overwrites one the organization has', () => {
    const existing = { ...contoso, people: [...contoso.people, { id: '777', name: null, exams: [] }] };
    const text = [
      TRAININGS_HEADER,
      training('Exam MB2-717', 'Exam', 'Xiaoming', 'Wang', 'p1', '2018-01-02'),
      training('Exam MB2-717', 'Exam', 'Ana', 'Souza', '777', '2018-01-02'),
    ].join('\n');
    const result = plan(text, { existing });
    // Both are given the MCP ID as their MCID, which they lacked; only the nameless one gets a name.
    expect(result.additions.people).toEqual([
      { id: 'p1', name: null, mcid: 'p1' },
      { id: '777', name: 'Ana Souza', mcid: '777' },
    ]);
    expect(result.organization.people[0]).toMatchObject({ id: 'p1', name: '王小明', mcid: 'p1' });
    expect(result.summary.people).toEqual({ added: 0, updated: 2, unchanged: 0, removed: 0 });
  });

  it('says when a new person has the name of someone already in the organization', () => {
    const text = [TRAININGS_HEADER, training('Exam MB2-717', 'Exam', '小明', '王', '4455667', '2018-01-02')].join('\n');
    expect(plan(text).notices).toEqual([
      { code: 'import.notice.same-name', params: { what: 'person', id: '4455667', name: '王小明', existing: 'p1' } },
    ]);
  });

  it('refuses an unknown exam only on a row it would import: an inactive person’s is skipped as inactive', () => {
    const inactive = training('Exam AZ-999', 'Exam', 'A', 'B', '5', '2018-01-02', { status: 'Inactive' });
    expect(plan([TRAININGS_HEADER, inactive].join('\n')).skipped).toEqual([
      { line: 2, reason: 'import.skip.inactive', params: { exam: 'AZ-999', status: 'Inactive' } },
    ]);
    const active = training('Exam AZ-999', 'Exam', 'A', 'B', '5', '2018-01-02');
    expect(issuesOf([TRAININGS_HEADER, active].join('\n')).map((i) => `${i.code} ${i.params.value}`)).toEqual([
      'import.exam.unknown AZ-999',
    ]);
  });

  it('skips exam rows it cannot attribute or date, and refuses a date it cannot read', () => {
    const text = [
      TRAININGS_HEADER,
      training('Exam MB2-717', 'Exam', 'A', 'B', '', '2018-01-02'),
      training('Exam MB2-718', 'Exam', 'A', 'B', '5', ''),
      training('Exam without a code', 'Exam', 'A', 'B', '5', '2018-01-02'),
    ].join('\n');
    expect(plan(text).skipped.map((s) => s.reason)).toEqual([
      'import.skip.no-identity',
      'import.skip.no-date',
      'import.skip.no-exam-code',
    ]);
    const bad = [TRAININGS_HEADER, training('Exam MB2-717', 'Exam', 'A', 'B', '5', '31/12/2017')].join('\n');
    expect(issuesOf(bad).map(where)).toEqual(['import.date.invalid TrainingCompletionDate 2:31']);
  });
});

describe('importing a Partner Center revenue export', () => {
  const result = plan(sample('contoso-partner-center-revenue.csv'), { skipInvalid: true });

  it('imports revenue on registry products, one record per row with its attribution, dated on the last day of its month', () => {
    expect(result.kind).toBe('partner-center-revenue');
    expect(result.summary.customers).toEqual({ added: 3, updated: 0, unchanged: 0, removed: 0 });
    expect(result.summary.revenue).toEqual({ added: 14, updated: 0, unchanged: 0, removed: 0 });
    const litware = result.additions.revenue.filter((r) => r.customer === 'a0d9e4b2-71c8-4f3e-8b56-2e9f0d4c7a61');
    expect(
      litware.map((r) => `${r.product} ${formatDay(r.date)} ${r.amount} ${r.currency} ${r.netNew} ${r.attribution ?? '-'}`),
    ).toEqual([
      'd365-customer-engagement-app 2017-11-30 9600 USD true -',
      'd365-customer-engagement-app 2017-12-31 9600 USD true -',
      'd365-customer-engagement-app 2017-12-31 -1200 USD true -',
      'd365-customer-engagement-app 2018-02-28 9600 USD true -',
      'd365-customer-engagement-app 2018-02-28 9600 USD true pal',
    ]);
    // Each customer's country, from CustomerTenantCountry.
    expect(result.additions.customers.map((c) => c.country)).toEqual(['TW', 'KR', 'TW']);
    // Two equal billings of Alpine Ski House in February are both kept.
    expect(
      result.additions.revenue.filter((r) => formatDay(r.date) === '2018-02-28' && r.amount.toString() === '12480.25'),
    ).toHaveLength(2);
    expectValid(result.organization);
  });

  it('imports revenue attributed otherwise than DPOR with its attribution, and leaves out unknown products on request', () => {
    expect(result.skipped).toEqual([]);
    const attributed = result.additions.revenue.filter((r) => r.attribution !== undefined);
    expect(attributed.map((r) => `${r.customer.slice(0, 8)} ${formatDay(r.date)} ${r.attribution}`)).toEqual([
      '6f1c2d7e 2017-12-31 transacting-partner',
      'a0d9e4b2 2018-02-28 pal',
    ]);
    // And the association each shows for its months, beside the DPOR periods.
    expect(
      result.additions.associations?.map(
        (a) => `${a.customer.slice(0, 8)} ${a.type} ${formatDay(a.from)}..${formatDay(a.to ?? 0)}`,
      ),
    ).toEqual(['6f1c2d7e transacting-partner 2017-12-01..2017-12-31', 'a0d9e4b2 pal 2018-02-01..2018-02-28']);
    expect(result.leftOut?.groups).toEqual([
      {
        code: 'import.product.unknown',
        path: 'Product',
        params: { value: 'Office 365', rawProduct: 'Office 365 Enterprise E3' },
        count: 1,
        lines: [7],
      },
    ]);
    expect(issuesOf(sample('contoso-partner-center-revenue.csv')).map(where)).toEqual(['import.product.unknown Product 7:70']);
  });

  it('gives each customer a DPOR period per run of consecutive months', () => {
    const periods = result.additions.dpor.map(
      (d) => `${d.customer.slice(0, 8)} ${formatDay(d.from)}..${d.to === null ? '' : formatDay(d.to)}`,
    );
    expect(periods).toEqual([
      '6f1c2d7e 2017-10-01..2018-01-31',
      'a0d9e4b2 2017-11-01..2017-12-31',
      'a0d9e4b2 2018-02-01..2018-02-28',
      '3c5e8f1a 2018-01-01..2018-03-31',
    ]);
  });

  it('adds no period for months a known association already covers', () => {
    const existing = {
      ...contoso,
      customers: [
        ...contoso.customers,
        { id: 'abc', name: 'Known', country: 'TW', dpor: [contoso.customers[0]?.dpor[0] as never] },
      ],
    };
    const text = [REVENUE_HEADER, billing('Known', 'ABC', 'Dynamics 365 for Sales', '2018-01', 'DPOR', '100')].join('\n');
    const result = plan(text, { existing });
    expect(result.summary.dpor).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    expect(result.summary.customers).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    expect(result.additions.revenue[0]?.customer).toBe('abc');
  });

  it('reads months written as dates, and refuses months and amounts it cannot read, at their line and column', () => {
    const ok = [REVENUE_HEADER, billing('A', 't1', 'CRM Online', '1/1/2018', 'DPOR', '5')].join('\n');
    expect(formatDay(plan(ok).additions.revenue[0]?.date as number)).toBe('2018-01-31');
    const rows = [
      billing('A', 't1', 'CRM Online', 'January', 'DPOR', '5'),
      billing('A', 't1', 'CRM Online', '2018-01', 'DPOR', '"1,234.00"'),
      billing('A', 't1', 'CRM Online', '2018-01', 'Reseller', 'not read'),
    ];
    const issues = issuesOf([REVENUE_HEADER, ...rows].join('\r\n'));
    expect(issues.map(where)).toEqual([
      `import.month.invalid Month 2:${(rows[0] as string).indexOf('January') + 1}`,
      `import.amount.invalid BilledRevenueUSD 3:${(rows[1] as string).indexOf('"1,234') + 1}`,
      `import.attribution.unknown PartnerAttributionType 4:${(rows[2] as string).indexOf('Reseller') + 1}`,
    ]);
    expect(issues[1]?.params.value).toBe('1,234.00');
  });
});
