import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../catalog/shipped-catalog.js';
import { parseDay } from '../core/day.js';
import { parseOrganization } from '../engine/parse-organization.js';
import { notCounting } from './not-counting.js';

const catalog = await loadShippedCatalog();
const AS_OF = parseDay('2018-03-31') as number;

describe('what does not count, by record', () => {
  it('flags revenue outside its DPOR or the twelve months, and a customer none of whose recent revenue counts', () => {
    const organization = parseOrganization({
      id: 'o',
      market: 'developed',
      people: [],
      customers: [
        { id: 'c1', dpor: [{ from: '2017-01-01', to: '2017-06-30' }] },
        { id: 'c2', dpor: [{ from: '2017-01-01' }] },
      ],
      revenue: [
        { customer: 'c1', product: 'd365-plan-1', date: '2017-09-01', amount: '1', currency: 'USD' },
        { customer: 'c2', product: 'd365-plan-1', date: '2017-09-01', amount: '1', currency: 'USD' },
        { customer: 'c1', product: 'd365-plan-1', date: '2016-01-01', amount: '1', currency: 'USD' },
        { customer: 'c2', product: 'mystery', date: '2017-10-01', amount: '1', currency: 'USD' },
      ],
    });
    const counting = notCounting(catalog, organization, AS_OF);
    expect(counting.association).toBe('within-period');
    expect(counting.revenue['not-associated']).toEqual([0]);
    expect(counting.revenue['outside-window']).toEqual([2]);
    // A warned record is the warning's to explain, on its own index.
    expect(counting.revenue.warned.map(([i, w]) => [i, w.map((f) => f.code)])).toEqual([[3, ['revenue.unknown-product']]]);
    expect(counting.customers).toEqual([0]);
    expect(counting.warnings).toBe(1);
  });

  it('places warnings on the pass they are about, by person and pass', () => {
    const organization = parseOrganization({
      id: 'o',
      market: 'developed',
      people: [
        { id: 'p0', exams: [{ exam: 'MB2-716', passed: '2017-01-01' }] },
        {
          id: 'p1',
          exams: [
            { exam: 'MB2-716', passed: '2017-01-01' },
            { exam: 'XX-999', passed: '2017-01-01' },
          ],
        },
      ],
      customers: [],
      revenue: [],
    });
    const counting = notCounting(catalog, organization, AS_OF);
    expect(counting.exams.map(([person, pass, w]) => [person, pass, w.map((f) => f.code)])).toEqual([[1, 1, ['exam.unknown']]]);
  });
});
