import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCatalog } from '../src/catalog/compile-catalog.js';
import { shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { validateCatalog } from '../src/catalog/validate-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';

/**
 * The shipped catalog plus the page's earlier version (domain.md: before October 2017 the Customer Engagement option
 * required "the same 5" people for both exam groups, and MB2-877 did not exist yet): one pool with both groups.
 */
function catalogWithEarlierVersion() {
  const raw = parse(readFileSync(shippedCatalogSource('mpn-2017'), 'utf8'));
  const cba = raw.competencies[1];
  const earlier = structuredClone(cba.versions[0]);
  earlier.id = '2017-06';
  earlier.effective = '2017-06-01';
  const skills = earlier.options[0].levels[0].requirements[1];
  skills.pools = [
    {
      id: 'same-people',
      roles: [
        {
          id: 'all',
          name: skills.pools[0].roles[0].name,
          count: 5,
          exams: { allOf: [{ allOf: ['MB2-715', 'MB2-716'] }, { oneOf: ['MB2-717', 'MB2-718'] }] },
        },
      ],
    },
  ];
  cba.versions.unshift(earlier);
  const validation = validateCatalog(raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return compileCatalog(validation.catalog);
}

const people = [
  ...['a', 'b', 'c'].map((id) => ({
    id,
    exams: ['MB2-715', 'MB2-716', 'MB2-717'].map((exam) => ({ exam, passed: '2017-03-01' })),
  })),
  ...['d', 'e'].map((id) => ({ id, exams: ['MB2-715', 'MB2-716'].map((exam) => ({ exam, passed: '2017-03-01' })) })),
  ...['f', 'g'].map((id) => ({ id, exams: [{ exam: 'MB2-718', passed: '2017-03-01' }] })),
];
const org = parseOrganization({ id: 'v', market: 'developed', people });

describe('catalog versions', () => {
  const catalog = catalogWithEarlierVersion();
  const ceSilver = (asOf: string) =>
    evaluate(catalog, org, { asOf: parseDay(asOf) as number }).results.find(
      (r) => r.option === 'enterprise-customer-engagement' && r.level === 'silver',
    );

  it('uses the version in effect on the as-of date and names it', () => {
    const before = ceSilver('2017-09-30');
    expect(before?.catalogVersion).toBe('2017-06');
    expect(before?.requirements[1]).toMatchObject({ met: false, pools: [{ id: 'same-people', filled: 3 }] });
    const after = ceSilver('2017-10-13');
    expect(after?.catalogVersion).toBe('2017-10');
    expect(after?.requirements[1]).toMatchObject({ met: true, pools: [{ filled: 5 }, { filled: 5 }] });
  });

  it('applies the first version before any took effect', () => {
    expect(ceSilver('2016-01-01')?.catalogVersion).toBe('2017-06');
  });
});
