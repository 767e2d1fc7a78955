import type { ExamFormula, PeopleRequirement, Pool } from '../../catalog/catalog-types.js';
import { finding } from '../../core/message-params.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { Finding, PeopleResult, PoolResult } from '../../engine/evaluation-types.js';
import { cheapestCompletion, formulaExams, satisfies } from '../../engine/exam-formula.js';
import { assignPool, type PoolAssignment } from '../../engine/matching/assign-pool.js';
import type { RequirementKind } from '../requirement-kind.js';

/** How many people closest to qualifying a gap names, per shortfall. */
const NEAREST_LIMIT = 3;

/** Distinct people in roles, pool by pool, placed by maximum matching. */
export const peopleKind: RequirementKind<PeopleRequirement, PeopleResult> = {
  evaluate(requirement, context) {
    const pools: PoolResult[] = requirement.pools.map((pool) => {
      const { assignment } = fillPool(pool, context);
      const eligible = pool.roles.map((role) => eligibility(role.exams, context).filter(Boolean).length);
      const seats = pool.roles.reduce((sum, r) => sum + r.count, 0);
      return {
        id: pool.id,
        met: assignment.filled === seats,
        seats,
        filled: assignment.filled,
        roles: pool.roles.map((role, r) => {
          const assigned = (assignment.assigned[r] ?? []).map((p) => context.organization.people[p]?.id ?? '');
          return { id: role.id, count: role.count, assigned, eligible: eligible[r] ?? 0, short: role.count - assigned.length };
        }),
      };
    });
    const met = pools.every((p) => p.met);
    return { kind: 'people', id: requirement.id, status: met ? 'met' : 'not-met', met, pools };
  },

  status(requirement, view) {
    const seats = view.tracked('people');
    const full = (pool: Pool) => seats.filled(pool) === pool.roles.reduce((sum, r) => sum + r.count, 0);
    return requirement.pools.every(full) ? 'met' : 'not-met';
  },

  explain(requirement, _result, context, path) {
    return requirement.pools.flatMap((pool) => {
      const { assignment } = fillPool(pool, context);
      return assignment.deficiencies.map((deficiency): Finding => {
        const roles = deficiency.roles.map((r) => pool.roles[r]).filter((r) => r !== undefined);
        const candidates = new Set(deficiency.candidates);
        return finding('people.shortfall', `${path}/${pool.id}`, {
          requirement: requirement.id,
          pool: pool.id,
          roles: roles.map((r) => ({ id: r.id, count: r.count })),
          seats: deficiency.seats,
          qualified: deficiency.candidates.map((p) => context.organization.people[p]?.id ?? ''),
          shortfall: deficiency.seats - deficiency.candidates.length,
          nearest: nearestCandidates(roles, candidates, context),
          closed: roles.filter((r) => cheapestCompletion(r.exams, new Set(), takeable(context)) === null).map((r) => r.id),
        });
      });
    });
  },
};

/** Whether an exam can still be passed on the as-of date: launched, and not yet retired. */
export function takeable(context: EvaluationContext): (code: string) => boolean {
  const cached = context.memo.get('takeable') as ((code: string) => boolean) | undefined;
  if (cached) return cached;
  const answers = new Map<string, boolean>();
  const test = (code: string) => {
    let answer = answers.get(code);
    if (answer === undefined) {
      const exam = context.catalog.findExam(code);
      answer =
        exam !== undefined &&
        (exam.launched === null || exam.launched <= context.asOf) &&
        (exam.retired === null || context.asOf <= exam.retired);
      answers.set(code, answer);
    }
    return answer;
  };
  context.memo.set('takeable', test);
  return test;
}

const formulaKeys = new WeakMap<ExamFormula, string>();

/** A formula's content as a string, computed once per formula: silver and gold roles with the same exams share work. */
function formulaKey(formula: ExamFormula): string {
  let key = formulaKeys.get(formula);
  if (key === undefined) {
    key = JSON.stringify(formula);
    formulaKeys.set(formula, key);
  }
  return key;
}

/** How many seats of a pool the people of the context fill (kept in the context, as the evaluation's matching is). */
export function seatsFilled(pool: Pool, context: EvaluationContext): number {
  return fillPool(pool, context).assignment.filled;
}

function fillPool(pool: Pool, context: EvaluationContext): { assignment: PoolAssignment } {
  const key = `pool\u0000${pool.roles.map((r) => `${r.count}:${formulaKey(r.exams)}`).join('\u0000')}`;
  const cached = context.memo.get(key) as { assignment: PoolAssignment } | undefined;
  if (cached) return cached;
  const columns = pool.roles.map((role) => eligibility(role.exams, context));
  const masks = context.organization.people.map((_, p) => columns.reduce((mask, col, r) => (col[p] ? mask | (1 << r) : mask), 0));
  const filled = {
    assignment: assignPool(
      pool.roles.map((r) => r.count),
      masks,
    ),
  };
  context.memo.set(key, filled);
  return filled;
}

/** Per person, whether they satisfy the formula at the as-of date; shared by every role with the same formula. */
export function eligibility(formula: ExamFormula, context: EvaluationContext): readonly boolean[] {
  const key = `eligible\u0000${formulaKey(formula)}`;
  const cached = context.memo.get(key) as boolean[] | undefined;
  if (cached) return cached;
  const column = context.qualified.map((held) => satisfies(formula, held));
  context.memo.set(key, column);
  return column;
}

/** People who qualify for none of the short roles yet, fewest missing exams first, and what each still needs. */
function nearestCandidates(
  roles: readonly { readonly id: string; readonly exams: ExamFormula }[],
  excluded: ReadonlySet<number>,
  context: EvaluationContext,
): { person: string; role: string; exams: readonly string[] }[] {
  const options: { person: string; role: string; exams: readonly string[]; index: number }[] = [];
  const canTake = takeable(context);
  const totals = roles.map((role) => cheapestCompletion(role.exams, new Set())?.length ?? 0);
  // Someone who holds none of these roles' exams misses a whole alternative of each, never fewer than a new hire:
  // skipped before the per-role search, which dominates explaining a pool that 10,000 people are mostly strangers to.
  const relevant = [...new Set(roles.flatMap((role) => formulaExams(role.exams)))];
  context.qualified.forEach((held, p) => {
    if (excluded.has(p) || held.size === 0 || !relevant.some((code) => held.has(code))) return;
    let best: { role: string; exams: readonly string[] } | undefined;
    for (const [r, role] of roles.entries()) {
      const missing = cheapestCompletion(role.exams, held, canTake);
      const total = totals[r] ?? 0;
      // Someone who holds nothing relevant is no nearer than a new hire; naming them would not help.
      if (missing && missing.length > 0 && missing.length < total && (!best || missing.length < best.exams.length)) {
        best = { role: role.id, exams: missing };
      }
    }
    if (best) options.push({ person: context.organization.people[p]?.id ?? '', ...best, index: p });
  });
  return options
    .sort((a, b) => a.exams.length - b.exams.length || a.index - b.index)
    .slice(0, NEAREST_LIMIT)
    .map(({ person, role, exams }) => ({ person, role, exams }));
}
