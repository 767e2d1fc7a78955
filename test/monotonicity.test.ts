import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { Decimal } from '../src/core/decimal.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { RequirementResult } from '../src/engine/evaluation-types.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { asOfDate, examPass, organization, revenueRecord } from './arbitraries.js';

const catalog = await loadShippedCatalog();

/**
 * Every figure of an evaluation that more data may only raise: each level attained (0/1), each requirement met,
 * each pool's seats filled, each revenue requirement's amount counted.
 */
function figures(document: unknown, asOf: string): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const flag = (b: boolean) => Decimal.fromInteger(b ? 1 : 0);
  const visit = (prefix: string, r: RequirementResult) => {
    const key = `${prefix}/${r.id}`;
    out.set(`${key}:met`, flag(r.met));
    if (r.kind === 'revenue') out.set(`${key}:counted`, Decimal.parse(r.counted) as Decimal);
    if (r.kind === 'people') for (const p of r.pools) out.set(`${key}/${p.id}:filled`, Decimal.fromInteger(p.filled));
    if (r.kind === 'anyOf') for (const p of r.paths) for (const child of p.requirements) visit(`${key}/${p.id}`, child);
  };
  for (const level of evaluate(catalog, parseOrganization(document), { asOf: parseDay(asOf) as number }).results) {
    const prefix = `${level.competency}/${level.option}/${level.level}`;
    out.set(`${prefix}:attained`, flag(level.attained));
    for (const r of level.requirements) visit(prefix, r);
  }
  return out;
}

function expectNoDecrease(before: Map<string, Decimal>, after: Map<string, Decimal>) {
  for (const [key, value] of before) {
    const later = after.get(key) as Decimal;
    if (later.cmp(value) < 0) expect.fail(`${key} went from ${value} to ${later}`);
  }
}

describe('evaluation is monotone', () => {
  it('adding an exam pass never lowers a level, a requirement or a pool', () => {
    fc.assert(
      fc.property(organization, asOfDate, examPass, fc.nat(), (org, asOf, pass, who) => {
        fc.pre(org.people.length > 0);
        const person = who % org.people.length;
        const more = { ...org, people: org.people.map((p, i) => (i === person ? { ...p, exams: [...p.exams, pass] } : p)) };
        expectNoDecrease(figures(org, asOf), figures(more, asOf));
      }),
      { numRuns: 300 },
    );
  });

  it('adding net new revenue (never a credit) never lowers anything', () => {
    fc.assert(
      fc.property(
        organization.chain((org) => fc.tuple(fc.constant(org), revenueRecord(org.customers.length))),
        asOfDate,
        ([org, record], asOf) => {
          const more = { ...org, revenue: [...org.revenue, { ...record, netNew: true }] };
          expectNoDecrease(figures(org, asOf), figures(more, asOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('exercises met requirements and attained levels, so the properties above are not vacuous', () => {
    const samples = fc.sample(fc.tuple(organization, asOfDate), { numRuns: 400, seed: 7 }).map(([o, d]) => figures(o, d));
    const share = (suffix: string) =>
      samples.filter((f) => [...f].some(([k, v]) => k.endsWith(suffix) && !v.isZero())).length / samples.length;
    expect(share(':attained')).toBeGreaterThan(0.01);
    expect(share(':met')).toBeGreaterThan(0.5);
    expect(share(':filled')).toBeGreaterThan(0.5);
  });
});
