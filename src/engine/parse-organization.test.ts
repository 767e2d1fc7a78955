import { describe, expect, it } from 'vitest';
import { AttainError } from '../core/attain-error.js';
import { parseOrganization } from './parse-organization.js';

function issuesOf(document: unknown): { code: string; path: string }[] {
  try {
    parseOrganization(document);
  } catch (error) {
    if (error instanceof AttainError) return error.issues.map(({ code, path }) => ({ code, path }));
    throw error;
  }
  return [];
}

const base = { id: 'o', market: 'developed', people: [], customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }], revenue: [] };

describe('parseOrganization', () => {
  it('accepts a minimal organization and defaults netNew to true', () => {
    const org = parseOrganization({
      ...base,
      revenue: [{ customer: 'c1', product: 'crm-online', date: '2017-02-01', amount: 10, currency: 'usd' }],
    });
    expect(org.revenue[0]?.netNew).toBe(true);
    expect(org.revenue[0]?.currency).toBe('USD');
  });

  it('reports every problem at once, each at its JSON path', () => {
    expect(
      issuesOf({
        id: 'o',
        market: 'emerging',
        people: [{ id: 'p1', exams: [{ exam: 'MB2-714', passed: '2017-02-30' }] }, { exams: 'MB2-714' }],
        customers: [{ id: 'c1', dpor: [{ from: '2017-05-01', to: '2017-04-01' }] }],
        revenue: [
          { customer: 'c1', product: 'crm-online', date: '2017-02-01', amount: '12,50', currency: 'USD' },
          { customer: 'c9', product: 'crm-online', date: '2017-02-01', amount: 1, currency: 'EUR' },
          { customer: 'c1', product: 'crm-online', date: '2017-02-01', currency: 'USD', netNew: 'yes' },
        ],
      }),
    ).toEqual([
      { code: 'org.enum', path: '$.market' },
      { code: 'org.date.invalid', path: '$.people[0].exams[0].passed' },
      { code: 'org.type', path: '$.people[1].exams' },
      { code: 'org.required', path: '$.people[1].id' },
      { code: 'org.period.reversed', path: '$.customers[0].dpor[0].to' },
      { code: 'org.amount.invalid', path: '$.revenue[0].amount' },
      { code: 'org.customer.unknown', path: '$.revenue[1].customer' },
      { code: 'org.fx.missing', path: '$.revenue[1].currency' },
      { code: 'org.type', path: '$.revenue[2].netNew' },
      { code: 'org.required', path: '$.revenue[2].amount' },
    ]);
  });

  it('refuses duplicate ids and documents that are not objects', () => {
    expect(issuesOf({ ...base, people: [{ id: 'a' }, { id: 'a' }] })).toEqual([
      { code: 'org.id.duplicate', path: '$.people[1].id' },
    ]);
    expect(issuesOf([1, 2])).toEqual([{ code: 'org.type', path: '$' }]);
    expect(issuesOf({ market: 'developed' })).toEqual([{ code: 'org.required', path: '$.id' }]);
  });

  it('needs an fx rate for every currency but the catalog currency, and rates above zero', () => {
    expect(issuesOf({ ...base, fx: { EUR: '0' } })).toEqual([{ code: 'org.fx.invalid', path: '$.fx.EUR' }]);
    const org = parseOrganization({
      ...base,
      fx: { eur: '1.1' },
      revenue: [{ customer: 'c1', product: 'crm-online', date: '2017-02-01', amount: 10, currency: 'EUR' }],
    });
    expect(org.fx.get('EUR')?.toString()).toBe('1.1');
  });
});

describe('organization ids', () => {
  it('refuses an id longer than a URL of the organization can hold, and takes one at the limit', () => {
    const at = { id: 'x'.repeat(200), market: 'developed', people: [], customers: [], revenue: [] };
    expect(parseOrganization(at).id).toHaveLength(200);
    const error = (() => {
      try {
        parseOrganization({ ...at, id: 'x'.repeat(201) });
      } catch (e) {
        return e as { issues: { code: string; path: string; params: unknown }[] };
      }
    })();
    expect(error?.issues).toEqual([{ code: 'org.id.too-long', path: '$.id', params: { length: 201, max: 200 } }]);
  });
});
