import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCatalog, RawFormula } from '../../catalog/catalog-schema.js';
import type { ExamFormula } from '../../catalog/catalog-types.js';
import { compileCatalog } from '../../catalog/compile-catalog.js';
import { parseDay } from '../../core/day.js';
import { evaluate } from '../../engine/evaluate.js';
import type { PeopleResult } from '../../engine/evaluation-types.js';
import { cheapestCompletion } from '../../engine/exam-formula.js';
import type { Organization } from '../../engine/organization.js';
import { planningProblems } from '../../planner/plan-level.js';
import { solveByFlow } from '../../planner/solve-by-flow.js';
import { solveByIlp } from '../../planner/solve-by-ilp.js';

/**
 * "k of the same N" against its definition, by exhaustive search on small cases: each person in at most one role of
 * the pool; a role is held by people who all pass its exams, at least N of them, at least k of whom also pass its
 * extra exams. Evaluation (seats filled) and plan cost (new people, then exams) are both compared.
 */

const EXAMS = ['A', 'B', 'C', 'D'] as const;
const ASOF = parseDay('2018-03-31') as number;

interface RoleSpec {
  readonly count: number;
  readonly exams: RawFormula;
  readonly ofWhom: { readonly count: number; readonly exams: RawFormula } | null;
}

const baseFormula = fc.constantFrom<RawFormula>('A', 'B', { allOf: ['A', 'B'] }, { oneOf: ['A', 'C'] });
const extraFormula = fc.constantFrom<RawFormula>('C', 'D', { oneOf: ['C', 'D'] }, { allOf: ['C', 'D'] });
const roleSpec: fc.Arbitrary<RoleSpec> = fc.integer({ min: 1, max: 3 }).chain((count) =>
  fc.record({
    count: fc.constant(count),
    exams: baseFormula,
    ofWhom: fc.option(fc.record({ count: fc.integer({ min: 1, max: count }), exams: extraFormula }), { nil: null }),
  }),
);
const held = fc.subarray([...EXAMS]);

function catalogOf(roles: readonly RoleSpec[]) {
  const text = { en: 'x' };
  const raw = {
    format: 'attain-catalog/1',
    id: 'k-of-n',
    name: text,
    locales: ['en'],
    currency: 'USD',
    markets: ['developed'],
    policy: { revenueAssociation: 'within-period', maxCompetenciesPerPerson: null },
    exams: EXAMS.map((code) => ({ code, title: text })),
    products: [],
    errata: [],
    competencies: [
      {
        id: 'c',
        name: text,
        versions: [
          {
            id: 'v',
            options: [
              {
                id: 'o',
                name: text,
                levels: [
                  {
                    id: 'l',
                    name: text,
                    requirements: [
                      {
                        kind: 'people',
                        id: 'skills',
                        name: text,
                        pools: [
                          {
                            id: 'main',
                            roles: roles.map((r, i) => ({
                              id: `r${i}`,
                              name: text,
                              count: r.count,
                              exams: r.exams,
                              ...(r.ofWhom && { ofWhom: r.ofWhom }),
                            })),
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  } as unknown as RawCatalog;
  return compileCatalog(raw);
}

function organizationOf(people: readonly (readonly string[])[]): Organization {
  return {
    id: 'org',
    name: null,
    market: 'developed',
    people: people.map((exams, i) => ({ id: `p${i}`, name: null, exams: exams.map((exam) => ({ exam, passed: ASOF - 10 })) })),
    customers: [],
    revenue: [],
    fx: new Map(),
  } as unknown as Organization;
}

/** The compiled roles' formulas: the base, and base with extra, per role. */
function formulasOf(roles: readonly RoleSpec[]) {
  const catalog = catalogOf(roles);
  const requirement = catalog.competencies[0]?.versions[0]?.options[0]?.levels[0]?.requirements[0];
  if (requirement?.kind !== 'people') throw new Error('no people requirement');
  return (requirement.pools[0]?.roles ?? []).map((role) => ({
    count: role.count,
    k: role.ofWhom?.count ?? 0,
    base: role.exams,
    both: (role.ofWhom ? { kind: 'allOf', items: [role.exams, role.ofWhom.exams] } : role.exams) as ExamFormula,
  }));
}

/** The most seats any placement fills: a role holding s people of whom c also pass the extra fills min(N, s, N−k+c). */
function bruteForceFilled(roles: readonly RoleSpec[], people: readonly (readonly string[])[]): number {
  const formulas = formulasOf(roles);
  const sets = people.map((p) => new Set(p));
  const size = formulas.map(() => 0);
  const extra = formulas.map(() => 0);
  let best = 0;
  const visit = (p: number) => {
    if (p === people.length) {
      const filled = formulas.reduce(
        (n, f, r) => n + Math.min(f.count, size[r] as number, f.count - f.k + (extra[r] as number)),
        0,
      );
      best = Math.max(best, filled);
      return;
    }
    visit(p + 1);
    const mine = sets[p] as Set<string>;
    formulas.forEach((f, r) => {
      if (cheapestCompletion(f.base, mine)?.length !== 0) return;
      const also = cheapestCompletion(f.both, mine)?.length === 0 ? 1 : 0;
      size[r] = (size[r] as number) + 1;
      extra[r] = (extra[r] as number) + also;
      visit(p + 1);
      size[r] = (size[r] as number) - 1;
      extra[r] = (extra[r] as number) - also;
    });
  };
  visit(0);
  return best;
}

/**
 * The cheapest plan: each existing person and each of H new people (H from 0 up) sits in no role, in a role as one
 * of its N, or in a role as one of its k; they take the exams that completes, fewest possible. Fewest new people
 * first, then fewest exams.
 */
function bruteForcePlan(roles: readonly RoleSpec[], people: readonly (readonly string[])[]) {
  const formulas = formulasOf(roles);
  const seats = formulas.reduce((n, f) => n + f.count, 0);
  for (let hires = 0; hires <= seats; hires++) {
    const everyone = [...people.map((p) => new Set(p)), ...Array.from({ length: hires }, () => new Set<string>())];
    const size = formulas.map(() => 0);
    const extra = formulas.map(() => 0);
    let best = Number.POSITIVE_INFINITY;
    const visit = (p: number, cost: number) => {
      if (cost >= best) return;
      if (p === everyone.length) {
        if (formulas.every((f, r) => (size[r] as number) >= f.count && (extra[r] as number) >= f.k)) best = cost;
        return;
      }
      visit(p + 1, cost);
      const mine = everyone[p] as Set<string>;
      formulas.forEach((f, r) => {
        for (const also of f.k > 0 ? [0, 1] : [0]) {
          const missing = cheapestCompletion(also ? f.both : f.base, mine);
          if (missing === null) continue;
          size[r] = (size[r] as number) + 1;
          extra[r] = (extra[r] as number) + also;
          visit(p + 1, cost + missing.length);
          size[r] = (size[r] as number) - 1;
          extra[r] = (extra[r] as number) - also;
        }
      });
    };
    visit(0, 0);
    if (best < Number.POSITIVE_INFINITY) return { hires, exams: best };
  }
  return null;
}

const cases = fc.record({
  roles: fc.array(roleSpec, { minLength: 1, maxLength: 2 }),
  people: fc.array(held, { maxLength: 5 }),
});

describe('"k of the same N" roles', () => {
  it('fill as many seats as an exhaustive search, and are met exactly when every seat is filled', () => {
    fc.assert(
      fc.property(cases, ({ roles, people }) => {
        const evaluation = evaluate(catalogOf(roles), organizationOf(people), { asOf: ASOF });
        const result = evaluation.results[0]?.requirements[0] as PeopleResult;
        const pool = result.pools[0];
        expect(pool?.filled).toBe(bruteForceFilled(roles, people));
        expect(result.met).toBe(pool?.filled === roles.reduce((n, r) => n + r.count, 0));
        // The people a role names as also holding the extra exams are among its own, and at most its k are needed.
        pool?.roles.forEach((role) => {
          for (const id of role.ofWhom?.holding ?? []) expect(role.assigned).toContain(id);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('plan at the cost of an exhaustive search, by flow and by the integer program', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ roles: fc.array(roleSpec, { minLength: 1, maxLength: 2 }), people: fc.array(held, { maxLength: 3 }) }),
        async ({ roles, people }) => {
          const [problem] = planningProblems(catalogOf(roles), organizationOf(people), 'c/o/l', { asOf: ASOF });
          if (!problem) throw new Error('no planning problem');
          const expected = bruteForcePlan(roles, people);
          const byFlow = solveByFlow(problem);
          expect(byFlow && { hires: byFlow.hires, exams: byFlow.exams }).toEqual(expected);
          const byIlp = await solveByIlp(problem);
          expect(byIlp && { hires: byIlp.hires, exams: byIlp.exams }).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explain the one rule when the N are there and too few also hold the extra exams', () => {
    const roles: RoleSpec[] = [{ count: 2, exams: { allOf: ['A', 'B'] }, ofWhom: { count: 1, exams: 'C' } }];
    const evaluation = evaluate(
      catalogOf(roles),
      organizationOf([
        ['A', 'B'],
        ['A', 'B'],
      ]),
      { asOf: ASOF },
    );
    const gaps = evaluation.results[0]?.gaps ?? [];
    expect(gaps.map((g) => g.code)).toEqual(['people.of-whom']);
    expect(gaps[0]?.params).toMatchObject({
      role: 'r0',
      count: 2,
      people: ['p0', 'p1'],
      also: 1,
      holding: [],
      shortfall: 1,
      nearest: [
        { person: 'p0', role: 'r0', exams: ['C'] },
        { person: 'p1', role: 'r0', exams: ['C'] },
      ],
    });
  });

  it('plan the cheapest way: an existing person sits the extra exam rather than a new person taking all three', async () => {
    const roles: RoleSpec[] = [{ count: 2, exams: { allOf: ['A', 'B'] }, ofWhom: { count: 1, exams: 'C' } }];
    const [problem] = planningProblems(
      catalogOf(roles),
      organizationOf([
        ['A', 'B'],
        ['A', 'B'],
      ]),
      'c/o/l',
      { asOf: ASOF },
    );
    const plan = problem && solveByFlow(problem);
    expect(plan && { hires: plan.hires, exams: plan.exams }).toEqual({ hires: 0, exams: 1 });
  });
});
