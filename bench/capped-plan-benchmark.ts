/**
 * The capped plan (`attain plan --max-exams-per-person 2`, an integer program) at 1× and 10× an organization's size,
 * run by `npm run bench` and on its own (`npx tsx bench/capped-plan-benchmark.ts [PEOPLE...]`, after a build).
 * It times the program's set-up apart from the whole plan: the set-up must grow no faster than the people
 * (ratio ≤ 10 × a margin at 10×); it was quadratic, 18× from 2,000 to 10,000 people on the whole plan.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganization } from './generate-organization.js';
import { median, round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const TARGET = 'cloud-business-applications/enterprise-customer-engagement/gold';
const AS_OF = '2016-06-30';
/** Linear with room for noise and memory effects: 10× the people may take at most this many times as long. */
export const LINEAR_GOAL = 15;

type Modules = {
  catalog: typeof import('../src/catalog/shipped-catalog.js');
  parse: typeof import('../src/engine/parse-organization.js');
  day: typeof import('../src/core/day.js');
  plan: typeof import('../src/planner/plan-level.js');
  ilp: typeof import('../src/planner/solve-by-ilp.js');
};

export interface CappedPlanRun {
  readonly people: number;
  /** Building the integer program from the planning problems, median of runs. */
  readonly setupMs: number;
  /** The whole `planLevel`, median of runs. */
  readonly planMs: number;
  readonly cost: { readonly newPeople: number; readonly exams: number };
}

export interface CappedPlanResult {
  readonly target: string;
  readonly runs: readonly CappedPlanRun[];
  /** Set-up time at 10× over 1×. */
  readonly setupRatio: number;
  readonly goal: number;
}

export async function benchCappedPlan(people = 2_000): Promise<CappedPlanResult> {
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
  const [catalogModule, parse, day, plan, ilp] = (await Promise.all(
    [
      'catalog/shipped-catalog.js',
      'engine/parse-organization.js',
      'core/day.js',
      'planner/plan-level.js',
      'planner/solve-by-ilp.js',
    ].map(load),
  )) as [Modules['catalog'], Modules['parse'], Modules['day'], Modules['plan'], Modules['ilp']];
  const catalog = await catalogModule.loadShippedCatalog();
  const asOf = day.parseDay(AS_OF) as number;
  const options = { asOf, maxExamsPerPerson: 2 };
  const runs: CappedPlanRun[] = [];
  for (const size of [people, people * 10]) {
    const organization = parse.parseOrganization(
      generateOrganization({ people: size, revenue: 1_000, seed: 42 }),
      catalog.currency,
    );
    const problems = plan.planningProblems(catalog, organization, TARGET, options);
    const setup: number[] = [];
    const whole: number[] = [];
    let cost = { newPeople: 0, exams: 0 };
    for (let run = 0; run < 3; run++) {
      let start = performance.now();
      for (const problem of problems) ilp.formulateIlp(problem);
      setup.push(performance.now() - start);
      start = performance.now();
      cost = (await plan.planLevel(catalog, organization, TARGET, options)).cost;
      whole.push(performance.now() - start);
    }
    runs.push({ people: size, setupMs: round(median(setup)), planMs: round(median(whole)), cost });
  }
  const [small, large] = runs as [CappedPlanRun, CappedPlanRun];
  return { target: TARGET, runs, setupRatio: round(large.setupMs / small.setupMs, 2), goal: LINEAR_GOAL };
}

export function cappedPlanRows(result: CappedPlanResult): string[][] {
  const [small, large] = result.runs as [CappedPlanRun, CappedPlanRun];
  const count = (n: number) => n.toLocaleString('en');
  return [
    [
      `capped plan set-up, ${count(small.people)} → ${count(large.people)} people`,
      `${large.setupMs} ms (plan ${large.planMs} ms)`,
      `${small.setupMs} ms (plan ${small.planMs} ms)`,
      `${result.setupRatio}×`,
      `≤ ${result.goal}×`,
      `goal ${result.setupRatio <= result.goal ? 'PASS' : 'FAIL'}`,
    ],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sizes = process.argv.slice(2).map(Number);
  for (const people of sizes.length > 0 ? sizes : [2_000]) {
    const result = await benchCappedPlan(people);
    console.log(JSON.stringify(result));
  }
}
