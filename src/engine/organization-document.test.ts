import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { organizationDocument } from './organization-document.js';
import { parseOrganization } from './parse-organization.js';

describe('organizationDocument', () => {
  it('round-trips the example organization through parseOrganization', () => {
    const original = parseOrganization(JSON.parse(readFileSync('examples/contoso-dynamics.json', 'utf8')));
    const document = organizationDocument(original);
    const again = parseOrganization(JSON.parse(JSON.stringify(document)));
    expect(organizationDocument(again)).toEqual(document);
    expect(again.revenue.map((r) => r.amount.toString())).toEqual(original.revenue.map((r) => r.amount.toString()));
  });
});

describe('the program data beyond revenue', () => {
  const document = {
    id: 'wide',
    market: 'developed',
    people: [{ id: 'p1', exams: [{ exam: 'MCSA-O365', passed: '2017-01-10', expires: '2019-01-09' }] }],
    customers: [
      {
        id: 'c1',
        country: 'TW',
        dpor: [{ from: '2017-01-01' }],
        associations: [
          { type: 'transacting-partner', from: '2017-02-01', to: '2017-12-31' },
          { type: 'dpor', from: '2016-01-01', to: '2016-06-30' },
        ],
      },
    ],
    revenue: [
      { customer: 'c1', product: 'x', date: '2017-03-01', amount: '10', currency: 'USD', netNew: true, attribution: 'pal' },
    ],
    subscriptions: [{ id: 's1', customer: 'c1', product: 'o365', seats: 120, from: '2017-01-01', trial: true }],
    consumption: [{ customer: 'c1', date: '2017-10-01', amount: '1500.25', currency: 'USD', service: 'SQL Database' }],
    devices: [{ product: 'surface-hub', date: '2017-05-02', units: 3 }],
  };

  it('reads associations, attributions, seats, consumption, devices and expiring credentials, and writes them back', () => {
    const organization = parseOrganization(document);
    const customer = organization.customers[0];
    // DPOR written among the associations joins the `dpor` periods.
    expect(customer?.dpor).toHaveLength(2);
    expect(customer?.associations?.map((a) => a.type)).toEqual(['transacting-partner']);
    expect(organization.revenue[0]?.attribution).toBe('pal');
    expect(organization.subscriptions[0]).toMatchObject({ seats: 120, trial: true, to: null });
    expect(organization.consumption[0]?.amount.toString()).toBe('1500.25');
    expect(organization.devices[0]?.units).toBe(3);
    expect(organization.people[0]?.exams[0]?.expires).toBeGreaterThan(organization.people[0]?.exams[0]?.passed ?? 0);
    const written = organizationDocument(organization);
    expect(organizationDocument(parseOrganization(JSON.parse(JSON.stringify(written))))).toEqual(written);
  });

  it('refuses an unknown association, a fractional seat count, a customer nobody lists and an expiry before the pass', () => {
    const bad = {
      ...document,
      people: [{ id: 'p1', exams: [{ exam: 'A', passed: '2017-01-10', expires: '2016-01-01' }] }],
      customers: [{ id: 'c1', dpor: [], associations: [{ type: 'reseller', from: '2017-01-01' }] }],
      subscriptions: [{ customer: 'c9', product: 'o365', seats: 1.5, from: '2017-01-01' }],
    };
    let codes: string[] = [];
    try {
      parseOrganization(bad);
    } catch (error) {
      codes = (error as { issues: { code: string; path: string }[] }).issues.map((i) => `${i.code} ${i.path}`);
    }
    expect(codes).toEqual([
      'org.period.reversed $.people[0].exams[0].expires',
      'org.enum $.customers[0].associations[0].type',
      'org.customer.unknown $.subscriptions[0].customer',
      'org.count.invalid $.subscriptions[0].seats',
    ]);
  });
});
