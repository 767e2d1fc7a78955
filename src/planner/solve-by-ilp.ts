import { chunk, loadHighs, sum, wrap } from './highs.js';
import type { PlanningProblem, PlanningSolution, SeatHolder } from './planning-problem.js';

/**
 * The planning problem as an integer program, solved with HiGHS. It handles what the flow cannot: a limit on exams
 * per person across pools, and exams that count in several pools (taken once, paid once). Used for such coupled
 * problems, and in the tests as an independent check of the flow.
 */
export async function solveByIlp(problem: PlanningProblem): Promise<PlanningSolution | null> {
  const model = formulate(problem);
  const result = (await loadHighs()).solve(model.text);
  if (result.Status === 'Infeasible') return null;
  if (result.Status !== 'Optimal') throw new Error(`HiGHS ended with status ${result.Status}`);
  const value = (name: string) => Math.round(result.Columns[name]?.Primal ?? 0);
  const hires = model.hireVars.reduce((n, v) => n + value(v), 0);
  const exams = model.examVars.reduce((n, v) => n + value(v), 0);
  const seats = problem.pools.map((pool, j) =>
    pool.roles.map((_, r) =>
      model.assignments
        .filter((a) => a.pool === j && a.role === r && value(a.name) === 1)
        .map(
          (a): SeatHolder =>
            a.candidate < problem.people
              ? { person: a.candidate, exams: a.exams }
              : { hire: a.candidate - problem.people, exams: a.exams },
        ),
    ),
  );
  return { hires, exams, seats };
}

interface Assignment {
  readonly name: string;
  readonly pool: number;
  readonly role: number;
  readonly candidate: number;
  readonly exams: readonly string[];
}

function formulate(problem: PlanningProblem) {
  const seatsPerPool = problem.pools.map((p) => p.roles.reduce((n, r) => n + r.count, 0));
  const maxHires = problem.allowHires ? Math.max(0, ...seatsPerPool) : 0;
  const candidates = problem.people + maxHires;
  const assignments: Assignment[] = [];
  const examIndex = new Map<string, number>();
  const examVar = (candidate: number, exam: string) => {
    if (!examIndex.has(exam)) examIndex.set(exam, examIndex.size);
    return `y_${candidate}_${examIndex.get(exam)}`;
  };
  for (const [j, pool] of problem.pools.entries()) {
    for (const [r, role] of pool.roles.entries()) {
      for (let c = 0; c < candidates; c++) {
        const options = c < problem.people ? (role.existing[c] ?? []) : role.fresh;
        for (const [o, exams] of options.entries()) {
          if (problem.maxExamsPerPerson !== null && exams.length > problem.maxExamsPerPerson) continue;
          assignments.push({ name: `x_${j}_${r}_${c}_${o}`, pool: j, role: r, candidate: c, exams });
        }
      }
    }
  }
  const examVars = new Set<string>();
  const rows: string[] = [];
  const binaries: string[] = [];
  const hireVars = Array.from({ length: maxHires }, (_, h) => `z_${h}`);
  problem.pools.forEach((pool, j) => {
    for (let c = 0; c < candidates; c++) {
      const mine = assignments.filter((a) => a.pool === j && a.candidate === c).map((a) => a.name);
      if (mine.length === 0) continue;
      rows.push(c < problem.people ? `${sum(mine)} <= 1` : `${sum(mine)} - z_${c - problem.people} <= 0`);
    }
    pool.roles.forEach((role, r) => {
      const filling = assignments.filter((a) => a.pool === j && a.role === r).map((a) => a.name);
      rows.push(filling.length === 0 ? `0 x_never >= ${role.count}` : `${sum(filling)} >= ${role.count}`);
    });
  });
  const perCandidate = new Map<number, Set<string>>();
  for (const a of assignments) {
    for (const exam of a.exams) {
      const y = examVar(a.candidate, exam);
      examVars.add(y);
      rows.push(`${y} - ${a.name} >= 0`);
      const set = perCandidate.get(a.candidate) ?? new Set();
      set.add(y);
      perCandidate.set(a.candidate, set);
    }
  }
  if (problem.groups) {
    // w_c_g: candidate c serves group g; at most `max` groups each.
    const { ofPool, max } = problem.groups;
    for (let c = 0; c < candidates; c++) {
      const served: string[] = [];
      for (const g of new Set(ofPool)) {
        const mine = assignments.filter((a) => a.candidate === c && ofPool[a.pool] === g).map((a) => a.name);
        if (mine.length === 0) continue;
        const w = `w_${c}_${g}`;
        served.push(w);
        binaries.push(w);
        for (const x of mine) rows.push(`${w} - ${x} >= 0`);
      }
      if (served.length > max) rows.push(`${sum(served)} <= ${max}`);
    }
  }
  if (problem.maxExamsPerPerson !== null) {
    for (const ys of perCandidate.values()) rows.push(`${sum([...ys])} <= ${problem.maxExamsPerPerson}`);
  }
  for (let h = 0; h + 1 < maxHires; h++) rows.push(`z_${h} - z_${h + 1} >= 0`);
  // One hire must outweigh every exam anyone could take: fewest people first, then fewest exams.
  const big = examVars.size + 1;
  const objective = [...hireVars.map((z) => `${big} ${z}`), ...examVars];
  binaries.push(...assignments.map((a) => a.name), ...examVars, ...hireVars, 'x_never');
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
