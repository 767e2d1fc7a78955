import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { findLevel, versionAt } from '../catalog/find-level.js';
import { AttainError } from '../core/attain-error.js';
import { type Day, formatDay } from '../core/day.js';
import { createEvaluationContext, type EvaluationContext } from '../engine/evaluation-context.js';
import { formulaTerms, minimalTerms } from '../engine/exam-formula.js';
import type { Organization } from '../engine/organization.js';
import { takeable } from '../kinds/people/people-kind.js';
import { seatGroups } from '../kinds/people/seat-groups.js';
import { planScore } from '../kinds/points/points-plan.js';
import { chosenPath } from '../kinds/result-kinds.js';
import { evaluateJointly } from './evaluate-jointly.js';
import { type Alternative, expand, fixedStanding } from './level-alternatives.js';
import type { Plan, PlanAlternative, PlanSeat, PlanStep } from './plan-types.js';
import { isCheaper, type PlanningProblem, type PlanningSolution, poolsAreIndependent } from './planning-problem.js';
import { solveByFlow } from './solve-by-flow.js';
import { solveByIlp } from './solve-by-ilp.js';

export interface PlanOptions {
  readonly asOf: Day;
  readonly maxExamsPerPerson?: number | null;
  /** People leaving: they fill no seat in the plan. */
  readonly exclude?: readonly string[];
  readonly noHire?: boolean;
  readonly policy?: Partial<ProgramPolicy>;
}

/**
 * The cheapest way to meet a level's people requirements as of a date: fewest new people, then fewest exams, over
 * every alternative path. Exact: each alternative is solved by min-cost flow, or by an integer program when its
 * pools are coupled (a limit on exams per person, or an exam that counts in two pools).
 */
export async function planLevel(
  catalog: Catalog,
  organization: Organization,
  target: string,
  options: PlanOptions,
): Promise<Plan> {
  const { version, level } = findTarget(catalog, target, options.asOf);
  const context = createEvaluationContext(catalog, organization, options.asOf, { ...catalog.policy, ...options.policy });
  const exclude = new Set(options.exclude ?? []);
  const unknown = [...exclude].filter((id) => !organization.people.some((p) => p.id === id));
  if (unknown.length > 0) {
    throw new AttainError('plan.unknown-person', `--exclude names people not in the organization: ${unknown.join(', ')}`, [
      { code: 'plan.unknown-person', path: '$.people', params: { people: unknown.join(', ') } },
    ]);
  }
  const settings = {
    maxExamsPerPerson: options.maxExamsPerPerson ?? null,
    exclude: [...exclude],
    noHire: options.noHire === true,
  };
  const kept = await keptLevels(catalog, organization, target, options);
  const alternatives = expand(level.requirements).map((alt) => withKept(alt, kept.alternatives));
  const groups = (alt: Alternative) => groupsOf(alt, kept, context.policy.maxCompetenciesPerPerson);
  const solved = await Promise.all(alternatives.map((alt) => solveAlternative(alt, context, settings, groups(alt))));
  let best = -1;
  solved.forEach((s, i) => {
    const current = best < 0 ? null : solved[best]?.solution;
    if (s.solution && (!current || isCheaper(s.solution, current))) best = i;
  });
  const chosen = best < 0 ? 0 : best;
  const alternative = alternatives[chosen] as Alternative;
  const solution = solved[chosen]?.solution ?? null;
  const describe = (alt: Alternative) =>
    alt.choices.length === 0
      ? null
      : alt.choices
          .map((c) => (alternatives.length > 1 && alt.choices.length > 1 ? `${c.requirement}:${c.path}` : c.path))
          .join(',');
  const summaries: PlanAlternative[] = alternatives.map((alt, i) => ({
    path: describe(alt),
    feasible: solved[i]?.solution != null,
    newPeople: solved[i]?.solution?.hires ?? null,
    exams: solved[i]?.solution?.exams ?? null,
    blocked: solved[i]?.blocked ?? null,
  }));
  const points = alternative.points?.map((r) => planScore(r, context));
  const { seats, steps, newPeople } = solution
    ? describeSolution(alternative, solution, organization)
    : { seats: [], steps: [], newPeople: [] };
  return {
    target,
    asOf: formatDay(options.asOf),
    catalogVersion: version.id,
    feasible: solution !== null && (points ?? []).every((p) => p.reachable),
    path: describe(alternative),
    newPeople,
    steps,
    seats,
    measures: alternative.fixed.map((r) => fixedStanding(r, context)),
    ...(points && { points }),
    cost: { newPeople: solution?.hires ?? 0, exams: solution?.exams ?? 0 },
    reason: pointsReason(reasonFor(summaries, best < 0 ? null : chosen), points),
    alternatives: summaries,
    options: settings,
    ...(kept.levels.length > 0 && { kept: kept.levels }),
  };
}

/**
 * Under a cap on competencies per person, the levels of other competencies held today must stay held: their pools
 * join the problem, each competency a group, so that nobody is planned into more competencies than the cap allows.
 */
async function keptLevels(catalog: Catalog, organization: Organization, target: string, options: PlanOptions) {
  const cap = { ...catalog.policy, ...options.policy }.maxCompetenciesPerPerson;
  const [competency] = target.split('/');
  if (cap === null) return { levels: [] as string[], alternatives: [] as Alternative[], competencies: [] as string[] };
  const held = (
    await evaluateJointly(catalog, organization, { asOf: options.asOf, policy: options.policy ?? {} })
  ).results.filter((r) => r.attained && r.competency !== competency);
  const alternatives = held.flatMap((r) => {
    const found = findLevel(catalog, r, r.catalogVersion);
    const paths = new Set(r.requirements.flatMap((q) => chosenPath(q) ?? []));
    const options = found ? expand(found.level.requirements) : [];
    // The path the level is met by today; a level without alternatives has exactly one.
    const chosen = options.find((alt) => alt.choices.every((c) => paths.has(c.path))) ?? options[0];
    const prefix = `${r.competency}/${r.option}/${r.level}:`;
    return chosen ? [{ ...chosen, pools: chosen.pools.map((p) => ({ ...p, requirement: `${prefix}${p.requirement}` })) }] : [];
  });
  return {
    levels: held.map((r) => `${r.competency}/${r.option}/${r.level}`),
    alternatives,
    competencies: held.map((r) => r.competency),
  };
}

function withKept(alternative: Alternative, kept: readonly Alternative[]): Alternative {
  return kept.length === 0 ? alternative : { ...alternative, pools: [...alternative.pools, ...kept.flatMap((k) => k.pools)] };
}

/** The target's own pools are group 0; each kept competency's pools share a group. */
function groupsOf(
  alternative: Alternative,
  kept: { competencies: readonly string[]; alternatives: readonly Alternative[] },
  cap: number | null,
) {
  if (cap === null || kept.alternatives.length === 0) return undefined;
  const own = alternative.pools.length - kept.alternatives.reduce((n, k) => n + k.pools.length, 0);
  const ids = [...new Set(kept.competencies)];
  const ofPool = [
    ...Array.from({ length: own }, () => 0),
    ...kept.alternatives.flatMap((k, i) => k.pools.map(() => 1 + ids.indexOf(kept.competencies[i] as string))),
  ];
  return { ofPool, max: cap };
}

/**
 * The planning problem of each alternative path of a target, as `planLevel` solves them; exported so that the
 * benchmarks can time the solvers on exactly the instances users get.
 */
export function planningProblems(
  catalog: Catalog,
  organization: Organization,
  target: string,
  options: PlanOptions,
): PlanningProblem[] {
  const { level } = findTarget(catalog, target, options.asOf);
  const context = createEvaluationContext(catalog, organization, options.asOf, { ...catalog.policy, ...options.policy });
  const settings = {
    maxExamsPerPerson: options.maxExamsPerPerson ?? null,
    exclude: options.exclude ?? [],
    noHire: options.noHire === true,
  };
  return expand(level.requirements).map((alternative) => buildProblem(alternative, context, settings));
}

function findTarget(catalog: Catalog, target: string, asOf: Day) {
  const [competency = '', option = '', level = ''] = target.split('/');
  const found = findLevel(catalog, { competency, option, level }, asOf);
  if (!found) {
    const known = catalog.competencies.flatMap((c) =>
      versionAt(c, asOf).options.flatMap((o) => o.levels.map((l) => `${c.id}/${o.id}/${l.id}`)),
    );
    throw new AttainError('plan.unknown-target', `unknown target "${target}"; one of: ${known.join(', ')}`, [
      { code: 'plan.unknown-target', path: '--target', params: { target, known: known.join(', ') } },
    ]);
  }
  return found;
}

async function solveAlternative(
  alternative: Alternative,
  context: EvaluationContext,
  settings: { maxExamsPerPerson: number | null; exclude: readonly string[]; noHire: boolean },
  groups: PlanningProblem['groups'],
): Promise<{ solution: PlanningSolution | null; blocked: PlanAlternative['blocked'] }> {
  const problem = { ...buildProblem(alternative, context, settings), ...(groups && { groups }) };
  const solve = (p: PlanningProblem) => (poolsAreIndependent(p) ? Promise.resolve(solveByFlow(p)) : solveByIlp(p));
  const solution = await solve(problem);
  if (solution) return { solution, blocked: null };
  if (!problem.allowHires) {
    const withHires = await solve({ ...problem, allowHires: true });
    if (withHires) return { solution: null, blocked: { code: 'plan.needs-hires', params: { hires: withHires.hires } } };
  }
  const closed = alternative.pools.flatMap(({ pool }, j) => {
    const groups = seatGroups(pool);
    const shut = new Set(groups.flatMap((g, i) => ((problem.pools[j]?.roles[i]?.fresh.length ?? 0) === 0 ? [g.role] : [])));
    return pool.roles.filter((_, r) => shut.has(r)).map((role) => role.id);
  });
  return { solution: null, blocked: { code: closed.length > 0 ? 'plan.closed' : 'plan.limit', params: { roles: closed } } };
}

function buildProblem(
  alternative: Alternative,
  context: EvaluationContext,
  settings: { maxExamsPerPerson: number | null; exclude: readonly string[]; noHire: boolean },
): PlanningProblem {
  const canTake = takeable(context);
  const excluded = new Set(settings.exclude);
  const people = context.organization.people;
  return {
    people: people.length,
    maxExamsPerPerson: settings.maxExamsPerPerson,
    allowHires: !settings.noHire,
    // A "k of the same N" role plans as its two seat groups: whoever sits in the k seats takes the extra exams too.
    pools: alternative.pools.map(({ pool }) => ({
      roles: seatGroups(pool).map((role) => {
        const terms = formulaTerms(role.exams);
        const completions = (held: ReadonlySet<string>) => {
          const sets: string[][] = [];
          for (const term of terms) {
            const missing = term.filter((code) => !held.has(code));
            if (missing.every(canTake)) sets.push(missing);
          }
          // Taking more exams is never better than taking fewer: drop completions that contain another.
          return minimalTerms(sets);
        };
        return {
          count: role.count,
          existing: people.map((p, i) => (excluded.has(p.id) ? [] : completions(context.qualified[i] as ReadonlySet<string>))),
          fresh: completions(new Set()),
        };
      }),
    })),
  };
}

function describeSolution(alternative: Alternative, solution: PlanningSolution, organization: Organization) {
  const seats: PlanSeat[] = [];
  solution.seats.forEach((pool, j) => {
    const { requirement, pool: definition } = alternative.pools[j] as Alternative['pools'][number];
    const groups = seatGroups(definition);
    pool.forEach((holders, g) => {
      const role = definition.roles[groups[g]?.role ?? -1]?.id ?? '';
      for (const h of holders) {
        const person = 'person' in h ? (organization.people[h.person]?.id ?? '') : `new-${h.hire + 1}`;
        seats.push({ person, role, pool: definition.id, requirement, exams: [...h.exams] });
      }
    });
  });
  const order = (person: string) => {
    const index = organization.people.findIndex((p) => p.id === person);
    return index >= 0 ? index : organization.people.length + Number(person.slice(4));
  };
  const taken = new Set<string>();
  const steps: PlanStep[] = seats
    .flatMap((s) => s.exams.map((exam) => ({ person: s.person, exam, role: s.role, pool: s.pool, requirement: s.requirement })))
    .filter((step) => {
      const key = `${step.person}\u0000${step.exam}`;
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    })
    .sort((a, b) => order(a.person) - order(b.person));
  const newPeople = Array.from({ length: solution.hires }, (_, h) => `new-${h + 1}`);
  return { seats, steps, newPeople };
}

/** People already in place say nothing of a score still short: its moves are the plan then. */
function pointsReason(reason: Plan['reason'], points: Plan['points']): Plan['reason'] {
  const short = (points ?? []).filter((p) => !p.met);
  if (short.length === 0 || reason.code !== 'plan.already-met') return reason;
  if (short.some((p) => !p.reachable)) return { code: 'plan.infeasible', params: {} };
  return {
    code: 'plan.points',
    params: { gain: short.reduce((n, p) => n + p.gain, 0), actions: short.reduce((n, p) => n + p.actions, 0) },
  };
}

function reasonFor(alternatives: readonly PlanAlternative[], chosen: number | null): Plan['reason'] {
  if (chosen === null) return { code: 'plan.infeasible', params: {} };
  const best = alternatives[chosen] as PlanAlternative;
  const others = alternatives.filter((_, i) => i !== chosen);
  const costs = { newPeople: best.newPeople, exams: best.exams };
  if (best.newPeople === 0 && best.exams === 0) return { code: 'plan.already-met', params: { path: best.path } };
  if (others.length === 0) return { code: 'plan.single-path', params: costs };
  if (others.every((o) => !o.feasible)) return { code: 'plan.only-feasible', params: { path: best.path, ...costs, others } };
  return { code: 'plan.cheapest', params: { path: best.path, ...costs, others } };
}
