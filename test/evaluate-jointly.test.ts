import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLevel } from '../src/catalog/find-level.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { LevelResult } from '../src/engine/evaluation-types.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { competencySets, evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { asOfDate, organization } from './arbitraries.js';

const catalog = await loadShippedCatalog();
const competencies = catalog.competencies.map((c) => c.id);
const key = (r: LevelResult) => `${r.competency}/${r.option}/${r.level}`;

function weight(r: LevelResult): number {
  const found = findLevel(catalog, r, r.catalogVersion);
  return 100 ** ((found?.option.levels.indexOf(found.level) ?? 0) + 1);
}

/**
 * The reference: every way of giving each person a set of at most `cap` competencies (or none); for each, a level
 * is held when it passes with only the people who count toward its competency. Returns the best total weight and
 * every set of levels that some assignment holds.
 */
function bruteForce(org: Organization, asOf: number, cap: number) {
  // Each competency's levels depend only on who counts toward it: evaluate every subset of people once.
  const subsets = 1 << org.people.length;
  const heldBy = competencies.map((c) =>
    Array.from({ length: subsets }, (_, mask) => {
      const people = org.people.filter((_, i) => (mask >> i) & 1);
      return evaluate(catalog, { ...org, people }, { asOf }).results.filter((r) => r.competency === c && r.attained);
    }),
  );
  const choices = [0, ...competencySets(competencies.length, cap)];
  let best = 0;
  const achievable: Set<string>[] = [];
  const assign = (p: number, sets: number[]) => {
    if (p === org.people.length) {
      const held = competencies.flatMap((_, ci) => {
        const mask = sets.reduce((m, s, i) => ((s >> ci) & 1 ? m | (1 << i) : m), 0);
        return heldBy[ci]?.[mask] ?? [];
      });
      best = Math.max(
        best,
        held.reduce((n, r) => n + weight(r), 0),
      );
      achievable.push(new Set(held.map(key)));
      return;
    }
    for (const choice of choices) assign(p + 1, [...sets, choice]);
  };
  assign(0, []);
  return { best, achievable };
}

/** Few people with exams for both competencies and revenue on a product both count: the cap often binds. */
const KITS = [
  ['MB2-714', 'MB2-710'],
  ['MB2-713', 'MB2-706'],
  ['MB2-712'],
  ['MB2-715', 'MB2-716', 'MB2-717'],
  ['MB2-715', 'MB2-716', 'MB2-718'],
];
const contested = fc
  .tuple(
    fc.array(fc.subarray(KITS, { minLength: 2 }), { minLength: 4, maxLength: 6 }),
    fc.integer({ min: 100_000, max: 400_000 }),
  )
  .map(([people, amount]) => ({
    id: 'contested',
    market: 'developed',
    people: people.map((kits, i) => ({ id: `p${i}`, exams: kits.flat().map((exam) => ({ exam, passed: '2017-06-01' })) })),
    customers: [{ id: 'c', dpor: [{ from: '2016-01-01' }] }],
    revenue: [{ customer: 'c', product: 'd365-customer-engagement-plan', date: '2017-10-01', amount, currency: 'USD' }],
  }));

const smallOrganization = organization.map((o) => ({ ...o, people: o.people.slice(0, 6) }));

describe('evaluateJointly (a cap on competencies per person)', () => {
  it('holds the best set of levels that one assignment of people within the cap allows', async () => {
    let binding = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.tuple(smallOrganization, asOfDate), fc.tuple(contested, fc.constant('2018-03-31'))),
        async ([document, date]) => {
          const org = parseOrganization(document);
          const asOf = parseDay(date) as number;
          const capped = { maxCompetenciesPerPerson: 1 };
          const joint = await evaluateJointly(catalog, org, { asOf, policy: capped });
          const held = joint.results.filter((r) => r.attained);
          const reference = bruteForce(org, asOf, 1);
          expect(held.reduce((n, r) => n + weight(r), 0)).toBe(reference.best);
          // The levels reported together are really achievable together.
          expect(reference.achievable.some((set) => held.every((r) => set.has(key(r))))).toBe(true);
          const alone = evaluate(catalog, org, { asOf }).results.filter((r) => r.attained);
          if (alone.length > held.length) {
            binding += 1;
            for (const r of joint.results.filter((x) => !x.attained && alone.some((a) => key(a) === key(x)))) {
              expect(r.gaps.at(-1)?.code).toBe('people.cap');
            }
          }
        },
      ),
      { numRuns: 40, seed: 11 },
    );
    // The cap must actually bind in some cases, or the comparison above proves little.
    expect(binding).toBeGreaterThan(0);
  });

  it('changes nothing when the cap is off or wide enough', async () => {
    const org = parseOrganization(
      JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('examples/contoso-dynamics.json', 'utf8'))),
    );
    const asOf = parseDay('2018-03-31') as number;
    const plain = evaluate(catalog, org, { asOf });
    expect(await evaluateJointly(catalog, org, { asOf })).toEqual(plain);
    expect((await evaluateJointly(catalog, org, { asOf, policy: { maxCompetenciesPerPerson: 2 } })).results).toEqual(
      plain.results,
    );
  });
});
