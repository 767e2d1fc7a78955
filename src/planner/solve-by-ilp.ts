import { pushTo } from '../core/push-to.js';
import { chunk, loadHighs, sum, wrap } from './highs.js';
import type { PlanningProblem, PlanningSolution, SeatHolder } from './planning-problem.js';

/**
 * The planning problem as an integer program, solved with HiGHS. It handles what the flow cannot: a limit on exams
 * per person across pools, and exams that count in several pools (taken once, paid once). Used for such coupled
 * problems, and in the tests as an independent check of the flow.
 */
export async function solveByIlp(problem: PlanningProblem): Promise<PlanningSolution | null> {
  const model = formulateIlp(problem);
  const result = (await loadHighs()).solve(model.text);
  if (result.Status === 'Infeasible') return null;
  if (result.Status !== 'Optimal') throw new Error(`HiGHS ended with status ${result.Status}`);
  const value = (name: string) => Math.round(result.Columns[name]?.Primal ?? 0);
  const hires = model.hireVars.reduce((n, v) => n + value(v), 0);
  const exams = model.examVars.reduce((n, v) => n + value(v), 0);
  const seats = problem.pools.map((pool) => pool.roles.map((): SeatHolder[] => []));
  for (const a of model.assignments) {
    if (value(a.name) !== 1) continue;
    const holder: SeatHolder =
      a.candidate < problem.people
        ? { person: a.candidate, exams: a.exams }
        : { hire: a.candidate - problem.people, exams: a.exams };
    seats[a.pool]?.[a.role]?.push(holder);
  }
  return { hires, exams, seats };
}

interface Assignment {
  readonly name: string;
  readonly pool: number;
  readonly role: number;
  /** A person's index, or `people + h` for the h-th possible hire. */
  readonly candidate: number;
  readonly exams: readonly string[];
}

/**
 * Which people the program needs to consider. People who could fill the same roles the same ways are
 * interchangeable, and a plan never uses more people of one kind than there are seats (dropping someone who fills
 * no seat breaks no constraint and costs nothing), so only the first `seats` people of each kind are kept, and
 * people who can fill nothing are left out. This keeps the program as small as the level's seats, however large
 * the organization, and finding the kinds takes one pass over the people.
 */
function candidatePeople(problem: PlanningProblem): number[] {
  const seats = problem.pools.reduce((n, p) => p.roles.reduce((m, r) => m + r.count, n), 0);
  const roles = problem.pools.flatMap((p) => p.roles);
  const kinds = new Map<string, number>();
  const kept: number[] = [];
  for (let c = 0; c < problem.people; c++) {
    const options = roles.map((r) => r.existing[c] ?? []);
    if (options.every((o) => o.length === 0)) continue;
    const kind = JSON.stringify(options);
    const seen = kinds.get(kind) ?? 0;
    if (seen >= seats) continue;
    kinds.set(kind, seen + 1);
    kept.push(c);
  }
  return kept;
}

/** The integer program in CPLEX LP format; exported for the benchmarks, which time its set-up apart from HiGHS. */
export function formulateIlp(problem: PlanningProblem) {
  const seatsPerPool = problem.pools.map((p) => p.roles.reduce((n, r) => n + r.count, 0));
  const maxHires = problem.allowHires ? seatsPerPool.reduce((a, b) => Math.max(a, b), 0) : 0;
  const candidates = [...candidatePeople(problem), ...Array.from({ length: maxHires }, (_, h) => problem.people + h)];
  const assignments: Assignment[] = [];
  // Every index below is filled in the one pass over the assignments: no constraint scans them again.
  const byPoolCandidate = new Map<string, string[]>();
  const byPoolRole = new Map<string, string[]>();
  const byCandidateGroup = new Map<number, Map<number, string[]>>();
  const examsOf = new Map<number, Set<string>>();
  const examIndex = new Map<string, number>();
  const examVar = (candidate: number, exam: string) => {
    if (!examIndex.has(exam)) examIndex.set(exam, examIndex.size);
    return `y_${candidate}_${examIndex.get(exam)}`;
  };
  const rows: string[] = [];
  const examVars = new Set<string>();
  for (const [j, pool] of problem.pools.entries()) {
    for (const [r, role] of pool.roles.entries()) {
      for (const c of candidates) {
        const options = c < problem.people ? (role.existing[c] ?? []) : role.fresh;
        for (const [o, exams] of options.entries()) {
          if (problem.maxExamsPerPerson !== null && exams.length > problem.maxExamsPerPerson) continue;
          const name = `x_${j}_${r}_${c}_${o}`;
          assignments.push({ name, pool: j, role: r, candidate: c, exams });
          pushTo(byPoolCandidate, `${j}_${c}`, name);
          pushTo(byPoolRole, `${j}_${r}`, name);
          if (problem.groups) {
            const groups = byCandidateGroup.get(c) ?? new Map<number, string[]>();
            byCandidateGroup.set(c, groups);
            pushTo(groups, problem.groups.ofPool[j] as number, name);
          }
          for (const exam of exams) {
            const y = examVar(c, exam);
            examVars.add(y);
            rows.push(`${y} - ${name} >= 0`);
            const mine = examsOf.get(c) ?? new Set<string>();
            examsOf.set(c, mine);
            mine.add(y);
          }
        }
      }
    }
  }
  const binaries: string[] = [];
  const hireVars = Array.from({ length: maxHires }, (_, h) => `z_${h}`);
  for (const [key, mine] of byPoolCandidate) {
    const c = Number(key.slice(key.indexOf('_') + 1));
    rows.push(c < problem.people ? `${sum(mine)} <= 1` : `${sum(mine)} - z_${c - problem.people} <= 0`);
  }
  problem.pools.forEach((pool, j) => {
    pool.roles.forEach((role, r) => {
      const filling = byPoolRole.get(`${j}_${r}`) ?? [];
      rows.push(filling.length === 0 ? `0 x_never >= ${role.count}` : `${sum(filling)} >= ${role.count}`);
    });
  });
  if (problem.groups) {
    // w_c_g: candidate c serves group g; at most `max` groups each.
    const { max } = problem.groups;
    for (const [c, groups] of byCandidateGroup) {
      const served: string[] = [];
      for (const [g, mine] of groups) {
        const w = `w_${c}_${g}`;
        served.push(w);
        binaries.push(w);
        for (const x of mine) rows.push(`${w} - ${x} >= 0`);
      }
      if (served.length > max) rows.push(`${sum(served)} <= ${max}`);
    }
  }
  if (problem.maxExamsPerPerson !== null) {
    for (const ys of examsOf.values()) rows.push(`${sum([...ys])} <= ${problem.maxExamsPerPerson}`);
  }
  for (let h = 0; h + 1 < maxHires; h++) rows.push(`z_${h} - z_${h + 1} >= 0`);
  // One hire must outweigh every exam anyone could take: fewest people first, then fewest exams.
  const big = examVars.size + 1;
  const objective = [...hireVars.map((z) => `${big} ${z}`), ...examVars];
  // Appended one by one: spreading a large array into push's arguments overflows the call stack.
  for (const a of assignments) binaries.push(a.name);
  for (const name of [...examVars, ...hireVars, 'x_never']) binaries.push(name);
  const text = [
    'Minimize',
    ` obj: ${objective.length > 0 ? wrap(objective.join(' + ')) : '0 x_never'}`,
    'Subject To',
    ...rows.map((row, i) => ` c${i}: ${wrap(row)}`),
    'Bounds',
    ' 0 <= x_never <= 0',
    'Binary',
    ...chunk(binaries, 20).map((names) => ` ${names.join(' ')}`),
    'End',
  ].join('\n');
  return { text, assignments, hireVars, examVars: [...examVars] };
}
