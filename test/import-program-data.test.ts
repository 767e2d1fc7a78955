import { describe, expect, it } from 'vitest';
import { formatDay } from '../src/core/day.js';
import type { Organization } from '../src/engine/organization.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { contoso, expectValid, issuesOf, plan, sample, where } from './import-helpers.js';

const short = (id: string) => id.slice(0, 8);
const period = (from: number, to: number | null) => `${formatDay(from)}..${to === null ? '' : formatDay(to)}`;

/** Importing the same file again into what the first import made changes nothing. */
function expectIdempotent(text: string, after: Organization): void {
  const again = plan(text, { existing: after, skipInvalid: true });
  expect(again.changed).toBe(false);
  expect(Object.values(again.summary).every((c) => c.added === 0 && c.updated === 0)).toBe(true);
  expect(organizationDocument(again.organization)).toEqual(organizationDocument(after));
}

describe('importing a Partner Center subscription report', () => {
  const text = sample('contoso-partner-center-subscriptions.csv');
  const result = plan(text);

  it('is recognized by its SubscriptionId column and reads each subscription with its seats, dates and trial', () => {
    expect(result.kind).toBe('partner-center-subscriptions');
    expect(
      result.additions.subscriptions?.map(
        (s) =>
          `${short(s.id ?? '')} ${short(s.customer)} ${s.product} ${s.seats} ${period(s.from, s.to)}${s.trial ? ' trial' : ''}`,
      ),
    ).toEqual([
      '5b1e0c7a 6f1c2d7e d365-customer-engagement-plan 120 2017-10-01..',
      '9c3f1a2b 6f1c2d7e d365-customer-engagement-app 25 2018-01-15..2018-02-14 trial',
      '2e8d4c6a a0d9e4b2 d365-customer-engagement-app 40 2017-11-01..2018-06-30',
      'c0ffee00 3c5e8f1a crm-online 60 2018-01-01..',
    ]);
    expect(result.summary.subscriptions).toEqual({ added: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(result.additions.customers.map((c) => [c.name, c.country])).toEqual([
      ['Fourth Coffee', 'TW'],
      ['Litware, Inc.', 'KR'],
      ['Alpine Ski House', 'TW'],
    ]);
    expectValid(result.organization);
  });

  it('skips a subscription that ended without an end date, and changes nothing imported again', () => {
    expect(result.skipped).toEqual([
      { line: 5, reason: 'import.skip.no-end-date', params: { id: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', status: 'Suspended' } },
    ]);
    expectIdempotent(text, result.organization);
  });

  it('keeps a stored subscription that a later report gives other seats, and says so', () => {
    const later = text.replace(',Active,120', ',Active,150');
    const again = plan(later, { existing: result.organization });
    expect(again.changed).toBe(false);
    expect(again.notices).toEqual([
      { code: 'import.notice.subscription-kept', params: { id: '5b1e0c7a-8f2d-4c3b-9a61-2d7e4f8b1c05' } },
    ]);
  });

  it('refuses an unknown state, a seat count that is not whole, reversed dates and one id with two meanings', () => {
    const header = (text.split('\n')[0] as string).trim();
    const row = (id: string, start: string, end: string, state: string, seats: string) =>
      `1,C,t1,TW,CRM Online,,SKU,${id},${start},${end},${state},${seats}`;
    const rows = [
      row('s1', '2018-01-01', '', 'Paused', '5'),
      row('s2', '2018-01-01', '', 'Active', '12.5'),
      row('s3', '2018-02-01', '2018-01-01', 'Active', '5'),
      row('s4', '2018-01-01', '', 'Active', '5'),
      row('s4', '2018-01-01', '', 'Active', '6'),
    ];
    expect(issuesOf([header, ...rows].join('\n')).map((i) => `${i.code} ${i.path} ${i.params.line}`)).toEqual([
      'import.state.unknown SubscriptionState 2',
      'import.count.invalid AvailableSeats 3',
      'import.dates.reversed SubscriptionEndDate 4',
      'import.subscription.conflict SubscriptionId 6',
    ]);
  });
});

describe('importing a Dynamics 365 usage report', () => {
  const text = sample('contoso-dynamics-365-usage.csv');
  const result = plan(text);

  it('is recognized by its seat columns and reads assigned seats per customer, product and month', () => {
    expect(result.kind).toBe('dynamics-365-usage');
    expect(
      result.additions.subscriptions?.map((s) => `${short(s.customer)} ${s.product} ${s.seats} ${period(s.from, s.to)}`),
    ).toEqual([
      '6f1c2d7e d365-customer-engagement-plan 110 2018-01-01..2018-01-31',
      '6f1c2d7e d365-customer-engagement-plan 115 2018-02-01..2018-02-28',
      'a0d9e4b2 d365-customer-engagement-app 40 2018-01-01..2018-01-31',
    ]);
    // Alpine Ski House assigned no seat: a customer, no subscription.
    expect(result.additions.customers.map((c) => c.name)).toEqual(['Fourth Coffee', 'Litware, Inc.', 'Alpine Ski House']);
    expectValid(result.organization);
    expectIdempotent(text, result.organization);
  });

  it('refuses a seat count that is not a whole number, at its line and column', () => {
    const bad = text.replace(',110,96', ',"1,100",96');
    expect(issuesOf(bad).map(where)).toEqual([
      `import.count.invalid AssignedSeats 2:${(bad.split('\n')[1] as string).indexOf('"1,100') + 1}`,
    ]);
  });
});

describe('a Partner Center revenue export with seats, Azure consumption and attributions', () => {
  const text = sample('contoso-partner-center-azure.csv');
  const result = plan(text);

  it('reads seats once per billing, consumption as consumption, and the association of every row', () => {
    expect(result.kind).toBe('partner-center-revenue');
    // The DPOR and CSP T1 rows of one billing give its revenue twice (one per attribution) but its seats once.
    expect(result.additions.revenue.map((r) => `${short(r.customer)} ${r.amount} ${r.attribution ?? '-'}`)).toEqual([
      '6f1c2d7e 19775.5 -',
      '6f1c2d7e 19775.5 transacting-partner',
      '0b7c9d1e 5000 -',
    ]);
    expect(
      result.additions.subscriptions?.map((s) => `${short(s.customer)} ${s.product} ${s.seats} ${period(s.from, s.to)}`),
    ).toEqual([
      '6f1c2d7e d365-customer-engagement-plan 120 2018-02-01..2018-02-28',
      '0b7c9d1e d365-customer-engagement-app 20 2018-02-01..2018-02-28',
    ]);
    expect(
      result.additions.consumption?.map(
        (c) => `${short(c.customer)} ${formatDay(c.date)} ${c.amount} ${c.currency} ${c.service}`,
      ),
    ).toEqual(['6f1c2d7e 2018-02-01 3200 USD Microsoft Azure', 'a0d9e4b2 2018-02-01 1500.25 USD Microsoft Azure']);
    expect(result.skipped.map((s) => `${s.line} ${s.reason} ${s.params.value}`)).toEqual([
      '4 import.skip.consumption-only Microsoft Azure',
      '5 import.skip.consumption-only Microsoft Azure',
    ]);
    expect(result.additions.associations?.map((a) => `${short(a.customer)} ${a.type} ${period(a.from, a.to)}`)).toEqual([
      '6f1c2d7e transacting-partner 2018-02-01..2018-02-28',
      'a0d9e4b2 delegated-admin 2018-02-01..2018-02-28',
    ]);
    expect(result.additions.customers.find((c) => c.name === 'Northwind Traders')?.country).toBe('US');
    expectValid(result.organization);
    expectIdempotent(text, result.organization);
  });

  it('adds no association period that a known one of the same type covers', () => {
    const again = plan(text.replace(/2018-02/g, '2018-02'), { existing: result.organization });
    expect(again.summary.associations).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0 });
  });
});

describe('credential expiry and the other data in attain’s own JSON records', () => {
  it('reads a training export’s ExpirationDate as the pass’s expiry, and refuses one before the pass', () => {
    const header =
      'TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,TrainingCompletionDate,ExpirationDate,MCPID';
    const ok = [header, 'Exam MB2-717,Exam,A,B,2018-01-02,2020-01-01,5', 'Exam MB2-716,Exam,A,B,2018-01-03,,5'].join('\n');
    const exams = plan(ok).additions.exams;
    expect(exams.map((e) => [e.exam, e.expires === undefined ? null : formatDay(e.expires)])).toEqual([
      ['MB2-717', '2020-01-01'],
      ['MB2-716', null],
    ]);
    const bad = [header, 'Exam MB2-717,Exam,A,B,2018-01-02,2017-01-01,5'].join('\n');
    const column = (bad.split('\n')[1] ?? '').indexOf('2017-01-01') + 1;
    expect(issuesOf(bad).map(where)).toEqual([`import.expiry.reversed ExpirationDate 2:${column}`]);
  });

  it('imports customers’ countries and associations, and passes’ expiry, from JSON records', () => {
    const customers = JSON.stringify([
      { id: 'c9', country: 'JP', dpor: [], associations: [{ type: 'fasttrack', from: '2018-01-01' }] },
    ]);
    const result = plan(customers, { kind: 'customers' });
    expect(result.additions.customers).toEqual([{ id: 'c9', name: null, country: 'JP' }]);
    expect(result.additions.associations?.map((a) => `${a.customer} ${a.type} ${period(a.from, a.to)}`)).toEqual([
      'c9 fasttrack 2018-01-01..',
    ]);
    const people = JSON.stringify([{ id: 'p1', exams: [{ exam: 'MB2-717', passed: '2018-03-01', expires: '2020-03-01' }] }]);
    const passes = plan(people, { kind: 'exams' }).additions.exams;
    expect(passes.map((e) => formatDay(e.expires ?? 0))).toEqual(['2020-03-01']);
    expect(contoso.customers.some((c) => c.id === 'c9')).toBe(false);
  });
});

describe('the program data in attain’s own CSV formats', () => {
  it('reads an exams CSV’s expires, a customers CSV’s country and association, and a revenue CSV’s attribution', () => {
    const exams = plan('person_id,exam,passed,expires\np1,MB2-717,2018-03-01,2020-02-29\np1,MB2-716,2018-03-02,\n');
    expect(exams.additions.exams.map((e) => (e.expires === undefined ? null : formatDay(e.expires)))).toEqual([
      '2020-02-29',
      null,
    ]);
    const customers = plan(
      'customer_id,name,dpor_from,dpor_to,country,association\nc9,Nine,2018-01-01,,JP,pal\nc9,,2017-01-01,2017-12-31,,\n',
    );
    expect(customers.additions.customers).toEqual([{ id: 'c9', name: 'Nine', country: 'JP' }]);
    expect(customers.additions.associations?.map((a) => `${a.type} ${period(a.from, a.to)}`)).toEqual(['pal 2018-01-01..']);
    expect(customers.additions.dpor.map((d) => period(d.from, d.to))).toEqual(['2017-01-01..2017-12-31']);
    expectIdempotent(
      'customer_id,name,dpor_from,dpor_to,country,association\nc9,Nine,2018-01-01,,JP,pal\n',
      customers.organization,
    );
    const revenue = plan(
      'customer_id,product,date,amount,currency,attribution\nnorthwind,crm-online,2018-01-31,10,USD,transacting-partner\nnorthwind,crm-online,2018-01-31,10,USD,CSP T2\nnorthwind,crm-online,2018-01-31,10,USD,\n',
    );
    expect(revenue.additions.revenue.map((r) => r.attribution ?? '-')).toEqual([
      'transacting-partner',
      'transacting-partner',
      '-',
    ]);
  });

  it('refuses an expiry before the pass and an association or attribution it does not know', () => {
    expect(issuesOf('person_id,exam,passed,expires\np1,MB2-717,2018-03-01,2018-02-28\n').map((i) => i.code)).toEqual([
      'import.expiry.reversed',
    ]);
    expect(issuesOf('customer_id,dpor_from,association\nc1,2018-01-01,reseller\n').map((i) => i.code)).toEqual([
      'import.attribution.unknown',
    ]);
    expect(
      issuesOf('customer_id,product,date,amount,currency,attribution\nnorthwind,crm-online,2018-01-31,10,USD,Reseller\n').map(
        (i) => i.code,
      ),
    ).toEqual(['import.attribution.unknown']);
  });
});
