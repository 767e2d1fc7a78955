import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanningProblem, type PlanningSolution, poolsAreIndependent } from './planning-problem.js';
import { solveByFlow } from './solve-by-flow.js';
import { solveByIlp } from './solve-by-ilp.js';

/** Exhaustive search over every seat choice of every person and hire: the reference optimum (hires, then exams). */
function bruteForce(problem: PlanningProblem): { hires: number; exams: number } | null {
  const maxHires = problem.allowHires ? Math.max(0, ...problem.pools.map((p) => p.roles.reduce((n, r) => n + r.count, 0))) : 0;
  for (let hires = 0; hires <= maxHires; hires++) {
    const candidates = problem.people + hires;
    const remaining = problem.pools.map((p) => p.roles.map((r) => r.count));
    let best = Number.POSITIVE_INFINITY;
    const choose = (c: number, pool: number, taken: ReadonlySet<string>, cost: number, served: ReadonlySet<number>) => {
      if (pool === problem.pools.length) {
        const total = cost + taken.size;
        if (problem.maxExamsPerPerson !== null && taken.size > problem.maxExamsPerPerson) return;
        if (problem.groups && served.size > problem.groups.max) return;
        visit(c + 1, total);
        return;
      }
      choose(c, pool + 1, taken, cost, served);
      const group = problem.groups?.ofPool[pool] ?? 0;
      (problem.pools[pool]?.roles ?? []).forEach((role, r) => {
        const left = remaining[pool] as number[];
        if ((left[r] as number) === 0) return;
        const options = c < problem.people ? (role.existing[c] ?? []) : role.fresh;
        for (const exams of options) {
          left[r] = (left[r] as number) - 1;
          choose(c, pool + 1, new Set([...taken, ...exams]), cost, new Set([...served, group]));
          left[r] = (left[r] as number) + 1;
        }
      });
    };
    const visit = (c: number, cost: number) => {
      const open = remaining.map((p) => p.reduce((a, b) => a + b, 0));
      if (open.some((n) => n > candidates - c)) return;
      if (c === candidates) {
        best = Math.min(best, cost);
        return;
      }
      choose(c, 0, new Set(), cost, new Set());
    };
    visit(0, 0);
    if (best < Number.POSITIVE_INFINITY) return { hires, exams: best };
  }
  return null;
}

/** Checks that a solution really fills every seat, once per person per pool, within the limit, at the cost it claims. */
function checkSolution(problem: PlanningProblem, solution: PlanningSolution) {
  const examsOf = new Map<string, Set<string>>();
  problem.pools.forEach((pool, j) => {
    const seen = new Set<string>();
    pool.roles.forEach((role, r) => {
      const holders = solution.seats[j]?.[r] ?? [];
      expect(holders.length).toBeGreaterThanOrEqual(role.count);
      for (const h of holders) {
        const key = 'person' in h ? `p${h.person}` : `h${h.hire}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        const options = 'person' in h ? (role.existing[h.person] ?? []) : role.fresh;
        expect(options.some((o) => o.length === h.exams.length && o.every((e) => h.exams.includes(e)))).toBe(true);
        const set = examsOf.get(key) ?? new Set();
        for (const e of h.exams) set.add(e);
        examsOf.set(key, set);
      }
    });
  });
  const total = [...examsOf.values()].reduce((n, s) => n + s.size, 0);
  expect(total).toBe(solution.exams);
  if (problem.maxExamsPerPerson !== null)
    for (const s of examsOf.values()) expect(s.size).toBeLessThanOrEqual(problem.maxExamsPerPerson);
  if (problem.groups) {
    const groupsOf = new Map<string, Set<number>>();
    solution.seats.forEach((pool, j) => {
      for (const holders of pool) {
        for (const h of holders) {
          const key = 'person' in h ? `p${h.person}` : `h${h.hire}`;
          groupsOf.set(key, new Set([...(groupsOf.get(key) ?? []), problem.groups?.ofPool[j] ?? 0]));
        }
      }
    });
    for (const g of groupsOf.values()) expect(g.size).toBeLessThanOrEqual(problem.groups.max);
  }
}

const examSet = (names: readonly string[]) => fc.uniqueArray(fc.constantFrom(...names), { maxLength: 2 });
const problems = (shared: boolean) =>
  fc.integer({ min: 0, max: 3 }).chain((people) =>
    fc.record({
      people: fc.constant(people),
      allowHires: fc.boolean(),
      maxExamsPerPerson: shared ? fc.option(fc.integer({ min: 0, max: 3 })) : fc.constant(null),
      pools: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 2 }).chain((ids) =>
        fc.tuple(
          ...ids.map((_, j) => {
            const names = shared ? ['A', 'B', 'C'] : [`P${j}A`, `P${j}B`, `P${j}C`];
            const role = fc.record({
              count: fc.integer({ min: 0, max: 2 }),
              existing: fc.array(fc.array(examSet(names), { maxLength: 2 }), { minLength: people, maxLength: people }),
              fresh: fc.array(
                examSet(names).filter((s) => s.length > 0),
                { maxLength: 2 },
              ),
            });
            return fc.record({ roles: fc.array(role, { minLength: 1, maxLength: 2 }) });
          }),
        ),
      ),
    }),
  );

describe('planning solvers', () => {
  it('the flow matches exhaustive search when pools are independent', () => {
    fc.assert(
      fc.property(problems(false), (problem) => {
        expect(poolsAreIndependent(problem)).toBe(true);
        const flow = solveByFlow(problem);
        const reference = bruteForce(problem);
        expect(flow === null ? null : { hires: flow.hires, exams: flow.exams }).toEqual(reference);
        if (flow) checkSolution(problem, flow);
      }),
      { numRuns: 400 },
    );
  });

  it('the integer program matches exhaustive search, also with shared exams and a limit per person', async () => {
    await fc.assert(
      fc.asyncProperty(problems(true), async (problem) => {
        const ilp = await solveByIlp(problem);
        expect(ilp === null ? null : { hires: ilp.hires, exams: ilp.exams }).toEqual(bruteForce(problem));
        if (ilp) checkSolution(problem, ilp);
      }),
      { numRuns: 200 },
    );
  });

  it('the integer program matches exhaustive search with a cap on groups of pools per person', async () => {
    // Two pools of two different groups, so that the cap can bind.
    const capped = problems(true)
      .filter((problem) => problem.pools.length === 2)
      .map((problem) => ({ ...problem, groups: { ofPool: [0, 1], max: 1 } }));
    let binding = 0;
    await fc.assert(
      fc.asyncProperty(capped, async (problem) => {
        const ilp = await solveByIlp(problem);
        const reference = bruteForce(problem);
        expect(ilp === null ? null : { hires: ilp.hires, exams: ilp.exams }).toEqual(reference);
        if (ilp) checkSolution(problem, ilp);
        const { groups: _, ...uncapped } = problem;
        const free = bruteForce(uncapped);
        if (JSON.stringify(free) !== JSON.stringify(reference)) binding += 1;
      }),
      { numRuns: 200 },
    );
    expect(binding).toBeGreaterThan(5);
  });

  it('the integer program leaves out only people it could never need: many alike cost what enough alike cost', async () => {
    // Each person repeated: with as many copies as seats none is left out; with more, the extra ones are.
    const copies = (problem: PlanningProblem, k: number): PlanningProblem => ({
      ...problem,
      people: problem.people * k,
      pools: problem.pools.map((pool) => ({
        roles: pool.roles.map((role) => ({
          ...role,
          existing: role.existing.flatMap((o) => Array.from({ length: k }, () => o)),
        })),
      })),
    });
    await fc.assert(
      fc.asyncProperty(problems(true), async (problem) => {
        const seats = problem.pools.reduce((n, p) => p.roles.reduce((m, r) => m + r.count, n), 0);
        const enough = await solveByIlp(copies(problem, Math.max(1, seats)));
        const many = await solveByIlp(copies(problem, seats + 3));
        expect(many && { hires: many.hires, exams: many.exams }).toEqual(enough && { hires: enough.hires, exams: enough.exams });
        if (many) checkSolution(copies(problem, seats + 3), many);
      }),
      { numRuns: 100 },
    );
  });

  it('the flow and the integer program agree on independent pools', async () => {
    await fc.assert(
      fc.asyncProperty(problems(false), async (problem) => {
        const flow = solveByFlow(problem);
        const ilp = await solveByIlp(problem);
        expect(flow && { hires: flow.hires, exams: flow.exams }).toEqual(ilp && { hires: ilp.hires, exams: ilp.exams });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the random planning problems', () => {
  it('often need hires and exams, so the agreement above is not vacuous', () => {
    const solved = fc.sample(problems(false), { numRuns: 400, seed: 11 }).map(solveByFlow);
    const withHires = solved.filter((s) => s !== null && s.hires > 0).length;
    const withExams = solved.filter((s) => s !== null && s.exams > 0).length;
    const infeasible = solved.filter((s) => s === null).length;
    expect(withHires).toBeGreaterThan(40);
    expect(withExams).toBeGreaterThan(80);
    expect(infeasible).toBeGreaterThan(10);
  });
});
