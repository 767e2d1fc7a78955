import { describe, expect, it } from 'vitest';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { catalogWithEarlierVersion } from './catalog-with-earlier-version.js';

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
