import type { ExamFormula, PeopleRequirement, Pool, Role } from '../../catalog/catalog-types.js';
import { finding } from '../../core/message-params.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { Finding, PeopleResult, PoolResult } from '../../engine/evaluation-types.js';
import { cheapestCompletion, formulaExams, satisfies } from '../../engine/exam-formula.js';
import { assignPool, type PoolAssignment } from '../../engine/matching/assign-pool.js';
import type { RequirementKind } from '../requirement-kind.js';
import { type SeatGroup, seatGroups } from './seat-groups.js';

/** How many people closest to qualifying a gap names, per shortfall. */
const NEAREST_LIMIT = 3;

/** Distinct people in roles, pool by pool, placed by maximum matching. */
export const peopleKind: RequirementKind<PeopleRequirement, PeopleResult> = {
  evaluate(requirement, context) {
    const pools: PoolResult[] = requirement.pools.map((pool) => {
      const { assignment } = fillPool(pool, context);
      const groups = seatGroups(pool);
      // Without a "k of the same N" role, groups are the roles: the matching's lists are the roles' as they are.
      const split = groups.length !== pool.roles.length;
      const seats = pool.roles.reduce((sum, r) => sum + r.count, 0);
      return {
        id: pool.id,
        met: assignment.filled === seats,
        seats,
        filled: assignment.filled,
        roles: pool.roles.map((role, r) => {
          const people = split
            ? groups.flatMap((g, i) => (g.role === r ? (assignment.assigned[i] ?? []) : []))
            : (assignment.assigned[r] ?? []);
          const assigned = people.map((p) => context.organization.people[p]?.id ?? '');
          const eligible = eligibility(role.exams, context).filter(Boolean).length;
          const result = { id: role.id, count: role.count, assigned, eligible, short: role.count - assigned.length };
          const extra = role.ofWhom && groups.find((g) => g.role === r && g.ofWhom);
          if (!role.ofWhom || !extra) return result;
          const column = eligibility(extra.exams, context);
          const holding = people.filter((p) => column[p]).map((p) => context.organization.people[p]?.id ?? '');
          return { ...result, ofWhom: { count: role.ofWhom.count, holding } };
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
      const groups = seatGroups(pool);
      return roleDeficiencies(assignment, groups).map((deficiency): Finding => {
        const only = deficiency.roles.length === 1 ? deficiency.roles[0] : undefined;
        if (only && only.ofWhomOnly) {
          const rule = ofWhomFinding(requirement.id, pool, only.role, assignment, groups, context, path);
          if (rule) return rule;
        }
        const roles = deficiency.roles.map((d) => pool.roles[d.role]).filter((r) => r !== undefined);
        const candidates = new Set(deficiency.candidates);
        return finding('people.shortfall', `${path}/${pool.id}`, {
          requirement: requirement.id,
          pool: pool.id,
          roles: deficiency.roles.flatMap((d) => {
            const role = pool.roles[d.role];
            return role ? [{ id: role.id, count: d.seats, ...(d.ofWhomOnly && { ofWhom: true }) }] : [];
          }),
          seats: deficiency.seats,
          qualified: deficiency.candidates.map((p) => context.organization.people[p]?.id ?? ''),
          shortfall: deficiency.seats - deficiency.candidates.length,
          nearest: nearestCandidates(roles, candidates, context),
          closed: roles.filter((r) => cheapestCompletion(roleFormula(r), new Set(), takeable(context)) === null).map((r) => r.id),
        });
      });
    });
  },
};

/** A role's whole formula: its exams, and for "k of the same N" the extra ones too (what a new person would pass). */
function roleFormula(role: Role): ExamFormula {
  return role.ofWhom ? { kind: 'allOf', items: [role.exams, role.ofWhom.exams] } : role.exams;
}

/** A Hall deficiency of seat groups, said per role: the groups of one role gathered back, noting when only its k seats are short. */
interface RoleDeficiency {
  readonly roles: readonly { readonly role: number; readonly seats: number; readonly ofWhomOnly: boolean }[];
  readonly seats: number;
  readonly candidates: readonly number[];
}

/**
 * The matching's deficiencies by role. Deficiencies touching one role's two parts are merged: their candidates are
 * disjoint (a busy class belongs to the closure of every role it serves), so the merged one misses as many seats.
 */
function roleDeficiencies(assignment: PoolAssignment, groups: readonly SeatGroup[]): RoleDeficiency[] {
  if (groups.every((g, i) => g.role === i && !g.ofWhom)) {
    return assignment.deficiencies.map((d) => ({
      roles: d.roles.map((g) => ({ role: g, seats: groups[g]?.count ?? 0, ofWhomOnly: false })),
      seats: d.seats,
      candidates: d.candidates,
    }));
  }
  const merged: { groups: Set<number>; seats: number; candidates: Set<number> }[] = [];
  for (const d of assignment.deficiencies) {
    const roles = new Set(d.roles.map((g) => groups[g]?.role));
    const overlapping = merged.filter((m) => [...m.groups].some((g) => roles.has(groups[g]?.role)));
    const next = { groups: new Set(d.roles), seats: d.seats, candidates: new Set(d.candidates) };
    for (const m of overlapping) {
      for (const g of m.groups) next.groups.add(g);
      for (const c of m.candidates) next.candidates.add(c);
      next.seats += m.seats;
      merged.splice(merged.indexOf(m), 1);
    }
    merged.push(next);
  }
  return merged.map((m) => {
    const byRole = new Map<number, { role: number; seats: number; ofWhomOnly: boolean }>();
    for (const g of [...m.groups].sort((a, b) => a - b)) {
      const group = groups[g] as SeatGroup;
      const known = byRole.get(group.role);
      if (known) byRole.set(group.role, { role: group.role, seats: known.seats + group.count, ofWhomOnly: false });
      else byRole.set(group.role, { role: group.role, seats: group.count, ofWhomOnly: group.ofWhom });
    }
    return { roles: [...byRole.values()], seats: m.seats, candidates: [...m.candidates].sort((a, b) => a - b) };
  });
}

/**
 * "k of the same N" short of its k alone, as one rule: when N people pass the role's exams (its seats' people and
 * people left free), how many of them also hold the extra exams, and who of the others is closest to them.
 * Undefined when fewer than N pass the role's exams: then the role as a whole is short, said as any shortfall.
 */
function ofWhomFinding(
  requirement: string,
  pool: Pool,
  r: number,
  assignment: PoolAssignment,
  groups: readonly SeatGroup[],
  context: EvaluationContext,
  path: string,
): Finding | undefined {
  const role = pool.roles[r];
  const extra = groups.find((g) => g.role === r && g.ofWhom);
  if (!role?.ofWhom || !extra) return undefined;
  const seated = new Set(assignment.assigned.flat());
  const mine = groups.flatMap((g, i) => (g.role === r ? (assignment.assigned[i] ?? []) : []));
  const base = eligibility(role.exams, context);
  const free = base.flatMap((ok, p) => (ok && !seated.has(p) ? [p] : []));
  const people = [...mine, ...free].slice(0, role.count);
  if (people.length < role.count) return undefined;
  const both = eligibility(extra.exams, context);
  const holding = people.filter((p) => both[p]);
  const canTake = takeable(context);
  const nearest = people
    .filter((p) => !both[p])
    .flatMap((p) => {
      const exams = cheapestCompletion(extra.exams, context.qualified[p] as ReadonlySet<string>, canTake);
      return exams ? [{ person: context.organization.people[p]?.id ?? '', role: role.id, exams, index: p }] : [];
    })
    .sort((a, b) => a.exams.length - b.exams.length || a.index - b.index)
    .slice(0, NEAREST_LIMIT)
    .map(({ person, role: id, exams }) => ({ person, role: id, exams }));
  const ids = (list: readonly number[]) => list.map((p) => context.organization.people[p]?.id ?? '');
  return finding('people.of-whom', `${path}/${pool.id}`, {
    requirement,
    pool: pool.id,
    role: role.id,
    count: role.count,
    people: ids(people),
    also: role.ofWhom.count,
    holding: ids(holding),
    shortfall: role.ofWhom.count - holding.length,
    nearest,
    closed: cheapestCompletion(extra.exams, new Set(), canTake) === null,
  });
}

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
  const groups = seatGroups(pool);
  const key = `pool\u0000${groups.map((g) => `${g.count}:${formulaKey(g.exams)}`).join('\u0000')}`;
  const cached = context.memo.get(key) as { assignment: PoolAssignment } | undefined;
  if (cached) return cached;
  const columns = groups.map((group) => eligibility(group.exams, context));
  const masks = context.organization.people.map((_, p) => columns.reduce((mask, col, g) => (col[p] ? mask | (1 << g) : mask), 0));
  const filled = {
    assignment: assignPool(
      groups.map((g) => g.count),
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
  roles: readonly Role[],
  excluded: ReadonlySet<number>,
  context: EvaluationContext,
): { person: string; role: string; exams: readonly string[] }[] {
  const options: { person: string; role: string; exams: readonly string[]; index: number }[] = [];
  const canTake = takeable(context);
  const formulas = roles.map(roleFormula);
  const totals = formulas.map((formula) => cheapestCompletion(formula, new Set())?.length ?? 0);
  // Someone who holds none of these roles' exams misses a whole alternative of each, never fewer than a new hire:
  // skipped before the per-role search, which dominates explaining a pool that 10,000 people are mostly strangers to.
  const relevant = [...new Set(formulas.flatMap((formula) => formulaExams(formula)))];
  context.qualified.forEach((held, p) => {
    if (excluded.has(p) || held.size === 0 || !relevant.some((code) => held.has(code))) return;
    let best: { role: string; exams: readonly string[] } | undefined;
    for (const [r, role] of roles.entries()) {
      const missing = cheapestCompletion(formulas[r] as ExamFormula, held, canTake);
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
