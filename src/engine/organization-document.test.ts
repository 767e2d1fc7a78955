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
