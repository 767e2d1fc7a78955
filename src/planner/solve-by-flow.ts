import { minimumHires, type PoolProblem, planPool } from './plan-pool.js';
import type { PlanningProblem, PlanningSolution, SeatHolder } from './planning-problem.js';

/**
 * Exact when pools are independent (see `poolsAreIndependent`): each pool is a minimum-cost flow, and pools are
 * linked only by the new hires, who can sit in one seat of every pool. The fewest hires is the largest number any
 * pool needs on its own; with that many available to every pool, each pool's cheapest filling is independent.
 */
export function solveByFlow(problem: PlanningProblem): PlanningSolution | null {
  const cap = problem.maxExamsPerPerson;
  const pools = problem.pools.map((pool) => {
    const cheapest = (sets: readonly (readonly string[])[]) => {
      const best = sets.reduce<readonly string[] | null>((b, s) => (b === null || s.length < b.length ? s : b), null);
      return best !== null && (cap === null || best.length <= cap) ? best : null;
    };
    const choices = pool.roles.map((role) => ({ existing: role.existing.map(cheapest), fresh: cheapest(role.fresh) }));
    const poolProblem: PoolProblem = {
      counts: pool.roles.map((r) => r.count),
      costs: Array.from({ length: problem.people }, (_, p) => choices.map((c) => c.existing[p]?.length ?? null)),
      newCosts: choices.map((c) => c.fresh?.length ?? null),
    };
    return { choices, poolProblem };
  });
  const needs = pools.map((p) => minimumHires(p.poolProblem));
  if (needs.some((n) => n === null)) return null;
  const hires = Math.max(0, ...(needs as number[]));
  if (hires > 0 && !problem.allowHires) return null;
  let exams = 0;
  const seats = pools.map(({ choices, poolProblem }) => {
    const plan = planPool(poolProblem, hires);
    if (!plan) throw new Error('a pool that needs at most the hires available could not be filled');
    exams += plan.exams;
    let nextHire = 0;
    return choices.map((choice, r): SeatHolder[] => [
      ...(plan.existing[r] ?? []).map((person) => ({ person, exams: choice.existing[person] ?? [] })),
      ...Array.from({ length: plan.hires[r] ?? 0 }, () => ({ hire: nextHire++, exams: choice.fresh ?? [] })),
    ]);
  });
  return { hires, exams, seats };
}
