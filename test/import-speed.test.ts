import { describe, expect, it } from 'vitest';
import { benchOrganization, revenueCsv, revenueJson } from '../bench/import-parse-bench.js';
import type { AttainError } from '../src/core/attain-error.js';
import { planImport } from '../src/importers/plan-import.js';
import { catalog } from './import-helpers.js';

/** The fastest of a few runs: what the code costs, with as little of a busy machine's noise as possible. */
function fastest(runs: number, task: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('import speed', () => {
  it('plans a 100,000-row revenue CSV, and its re-import, within a few times of merely splitting the text', () => {
    const text = revenueCsv(100_000);
    const existing = benchOrganization();
    const first = planImport({ existing, orgId: 'bench', text, catalog });
    expect(first.additions.revenue).toHaveLength(100_000);
    const split = fastest(2, () => text.split('\n').map((line) => line.split(',')));
    const plan = fastest(2, () => planImport({ existing, orgId: 'bench', text, catalog }));
    const again = fastest(2, () => planImport({ existing: first.organization, orgId: 'bench', text, catalog }));
    // About 2× and 3–4× on a loaded two-core machine; the bounds leave room for a noisy neighbour.
    expect(plan / split).toBeLessThan(8);
    expect(again / split).toBeLessThan(12);
    expect(plan).toBeLessThan(4000);
  });
});

describe('refusing a large bad file', () => {
  it('locates the problems of a 100,000-record JSON file without parsing it again', () => {
    const text = revenueJson(100_000).replace(/"amount":"(\d)/g, (match, digit, offset: number) =>
      offset % 13 === 0 ? `"amount":"${digit},` : match,
    );
    const start = performance.now();
    let error: unknown;
    try {
      planImport({ existing: benchOrganization(), orgId: 'bench', text, catalog });
    } catch (e) {
      error = e;
    }
    expect(performance.now() - start).toBeLessThan(5000);
    const issues = (error as AttainError).issues;
    // The first 1000 problems, then how many there were: the organization validator counts past the ones it lists.
    expect(issues).toHaveLength(1001);
    expect(issues[0]).toMatchObject({ code: 'org.amount.invalid', params: { value: expect.stringContaining(','), line: 1 } });
    expect(issues[1000]).toMatchObject({ code: 'import.issues.truncated', params: { shown: 1000 } });
    expect(Number(issues[1000]?.params.total)).toBeGreaterThan(5000);
  });
});
