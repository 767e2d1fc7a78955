/**
 * Benchmarks of the planner and the forecast (issue 3), run by `npm run bench`:
 *
 * - the planner's min-cost-flow solver against HiGHS (an integer program) on the same planning problems, taken from
 *   generated organizations exactly as `attain plan` builds them: both must find the same optimum on every one;
 * - planning the Gold level of each option for the 10,000-person organization, in CPU time;
 * - a three-year forecast of that organization, as a ratio to one evaluation of it.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganization } from './generate-organization.js';
import { median, round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const PLANNER_GOALS = { flowVsHighs: 50, largePlanCpuMs: 1000, forecastVsEvaluate: 20 } as const;
const GOLD_TARGETS = [
  'cloud-crm/reseller/gold',
  'cloud-business-applications/enterprise-customer-engagement/gold',
  'cloud-business-applications/enterprise-operations/gold',
] as const;
const TARGETS = [...GOLD_TARGETS, ...GOLD_TARGETS.map((t) => t.replace(/gold$/, 'silver'))];
/** Dates on which the generated people are part-way through their exams, so that plans have work to do. */
const PLAN_DATES = ['2016-06-30', '2017-01-31', '2017-06-30'] as const;

type Modules = {
  catalog: typeof import('../src/catalog/shipped-catalog.js');
  parse: typeof import('../src/engine/parse-organization.js');
  evaluate: typeof import('../src/engine/evaluate.js');
  day: typeof import('../src/core/day.js');
  plan: typeof import('../src/planner/plan-level.js');
  problem: typeof import('../src/planner/planning-problem.js');
  flow: typeof import('../src/planner/solve-by-flow.js');
  ilp: typeof import('../src/planner/solve-by-ilp.js');
  forecast: typeof import('../src/planner/forecast.js');
};

/** The compiled modules from dist/, as users run them (see loadLibrary in run-benchmarks.ts). */
async function loadModules(): Promise<Modules> {
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
  const [catalog, parse, evaluate, day, plan, problem, flow, ilp, forecast] = await Promise.all(
    [
      'catalog/shipped-catalog.js',
      'engine/parse-organization.js',
      'engine/evaluate.js',
      'core/day.js',
      'planner/plan-level.js',
      'planner/planning-problem.js',
      'planner/solve-by-flow.js',
      'planner/solve-by-ilp.js',
      'planner/forecast.js',
    ].map(load),
  );
  return { catalog, parse, evaluate, day, plan, problem, flow, ilp, forecast } as Modules;
}

export interface FlowVsHighsResult {
  readonly instances: number;
  /** Instances with something to do (a cost above zero). */
  readonly nonTrivial: number;
  readonly sameOptimum: boolean;
  readonly flowMedianMs: number;
  readonly highsMedianMs: number;
  /** Median over instances of HiGHS time / flow time. */
  readonly medianRatio: number;
  readonly minRatio: number;
  /** The instances where HiGHS came closest. */
  readonly closest: readonly { readonly people: number; readonly flowMs: number; readonly highsMs: number }[];
  readonly goal: number;
}

export interface LargePlanResult {
  readonly target: string;
  readonly asOf: string;
  readonly cpuMs: number;
  readonly cost: { readonly newPeople: number; readonly exams: number };
}

export interface ForecastResult {
  readonly years: number;
  readonly changes: number;
  readonly evaluateMs: number;
  readonly forecastMs: number;
  readonly ratio: number;
  readonly goal: number;
}

export interface PlannerBenchmarks {
  readonly flowVsHighs: FlowVsHighsResult;
  readonly largePlans: readonly LargePlanResult[];
  readonly largePlanGoalMs: number;
  readonly forecast: ForecastResult;
}

export async function benchPlanner(large: { people: number; revenue: number; seed: number }): Promise<PlannerBenchmarks> {
  const m = await loadModules();
  const catalog = await m.catalog.loadShippedCatalog();
  const flowVsHighs = await benchFlowVsHighs(m, catalog);
  const organization = m.parse.parseOrganization(generateOrganization(large), catalog.currency);
  const largePlans = await benchLargePlans(m, catalog, organization);
  const forecast = await benchForecast(m, catalog, organization);
  return { flowVsHighs, largePlans, largePlanGoalMs: PLANNER_GOALS.largePlanCpuMs, forecast };
}

type Catalog = Awaited<ReturnType<Modules['catalog']['loadShippedCatalog']>>;
type Organization = ReturnType<Modules['parse']['parseOrganization']>;

async function benchFlowVsHighs(m: Modules, catalog: Catalog): Promise<FlowVsHighsResult> {
  const problems = [];
  for (const people of [20, 60, 120]) {
    for (const seed of [1, 2]) {
      const organization = m.parse.parseOrganization(generateOrganization({ people, revenue: 50, seed }), catalog.currency);
      for (const date of PLAN_DATES) {
        const asOf = m.day.parseDay(date) as number;
        for (const target of TARGETS) {
          for (const problem of m.plan.planningProblems(catalog, organization, target, { asOf })) {
            // The flow solver is exact only for independent pools; coupled ones go to HiGHS in `attain plan` itself.
            if (m.problem.poolsAreIndependent(problem)) problems.push(problem);
          }
        }
      }
    }
  }
  await m.ilp.solveByIlp(problems[0] as (typeof problems)[number]); // loads the WebAssembly module once, untimed
  const ratios: number[] = [];
  const flowTimes: number[] = [];
  const highsTimes: number[] = [];
  let sameOptimum = true;
  let nonTrivial = 0;
  const slowest: { people: number; flowMs: number; highsMs: number }[] = [];
  for (const problem of problems) {
    const flow = timePerCall(() => m.flow.solveByFlow(problem));
    const highs = await timePerCallAsync(() => m.ilp.solveByIlp(problem));
    const a = flow.result;
    const b = highs.result;
    if ((a === null) !== (b === null) || (a && b && (a.hires !== b.hires || a.exams !== b.exams))) sameOptimum = false;
    if (a && (a.hires > 0 || a.exams > 0)) nonTrivial += 1;
    flowTimes.push(flow.ms);
    highsTimes.push(highs.ms);
    ratios.push(highs.ms / flow.ms);
    slowest.push({ people: problem.people, flowMs: flow.ms, highsMs: highs.ms });
  }
  slowest.sort((a, b) => a.highsMs / a.flowMs - b.highsMs / b.flowMs);
  return {
    instances: problems.length,
    nonTrivial,
    sameOptimum,
    flowMedianMs: round(median(flowTimes), 3),
    highsMedianMs: round(median(highsTimes), 2),
    medianRatio: round(median(ratios), 1),
    minRatio: round(Math.min(...ratios), 1),
    closest: slowest.slice(0, 3).map((x) => ({ people: x.people, flowMs: round(x.flowMs, 3), highsMs: round(x.highsMs, 2) })),
    goal: PLANNER_GOALS.flowVsHighs,
  };
}

/** Repeats a call until 20 ms have passed, so that sub-millisecond solves are timed above the clock's resolution. */
function timePerCall<T>(call: () => T): { result: T; ms: number } {
  let result = call();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < 20) {
    result = call();
    runs += 1;
  }
  return { result, ms: (performance.now() - start) / runs };
}

async function timePerCallAsync<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  let result = await call();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < 20 || runs < 2) {
    result = await call();
    runs += 1;
  }
  return { result, ms: (performance.now() - start) / runs };
}

async function benchLargePlans(m: Modules, catalog: Catalog, organization: Organization): Promise<LargePlanResult[]> {
  const date = PLAN_DATES[0];
  const asOf = m.day.parseDay(date) as number;
  await m.plan.planLevel(catalog, organization, GOLD_TARGETS[0], { asOf }); // warm-up: JIT and HiGHS loading, untimed
  const results: LargePlanResult[] = [];
  for (const target of GOLD_TARGETS) {
    const cpu: number[] = [];
    let cost = { newPeople: 0, exams: 0 };
    for (let run = 0; run < 3; run++) {
      const before = process.cpuUsage();
      cost = (await m.plan.planLevel(catalog, organization, target, { asOf })).cost;
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    results.push({ target, asOf: date, cpuMs: round(median(cpu)), cost });
  }
  return results;
}

async function benchForecast(m: Modules, catalog: Catalog, organization: Organization): Promise<ForecastResult> {
  const from = m.day.parseDay('2018-03-31') as number;
  const to = m.day.parseDay('2021-03-31') as number;
  const evaluateMs: number[] = [];
  const forecastMs: number[] = [];
  let changes = 0;
  // Alternating runs, so that a machine that slows down affects both alike.
  for (let run = 0; run < 5; run++) {
    let start = performance.now();
    m.evaluate.evaluate(catalog, organization, { asOf: from });
    evaluateMs.push(performance.now() - start);
    start = performance.now();
    // Awaited: the forecast is async since it can decide levels together under a cap (a baseline's was not).
    changes = (await m.forecast.forecast(catalog, organization, from, to)).changes.length;
    forecastMs.push(performance.now() - start);
  }
  const ratio = median(forecastMs) / median(evaluateMs);
  return {
    years: 3,
    changes,
    evaluateMs: round(median(evaluateMs)),
    forecastMs: round(median(forecastMs)),
    ratio: round(ratio, 1),
    goal: PLANNER_GOALS.forecastVsEvaluate,
  };
}

/** Rows for the summary table of run-benchmarks.ts. */
export function plannerRows(result: PlannerBenchmarks): string[][] {
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const f = result.flowVsHighs;
  return [
    [
      `plan: min-cost flow vs HiGHS, ${f.instances} problems (${f.nonTrivial} with work)`,
      `${f.flowMedianMs} ms median, same optimum: ${f.sameOptimum ? 'yes' : 'NO'}`,
      `${f.highsMedianMs} ms HiGHS`,
      `${f.medianRatio}× faster (min ${f.minRatio}×)`,
      `≥ ${f.goal}×`,
      `goal ${verdict(f.sameOptimum && f.medianRatio >= f.goal)}`,
    ],
    ...result.largePlans.map((p) => [
      `plan ${p.target.split('/').slice(1).join('/')}, 10,000 people, ${p.asOf}`,
      `${p.cpuMs} ms CPU (${p.cost.newPeople} new, ${p.cost.exams} exams)`,
      '',
      '',
      `< ${result.largePlanGoalMs} ms`,
      `goal ${verdict(p.cpuMs < result.largePlanGoalMs)}`,
    ]),
    [
      `forecast ${result.forecast.years} years, 10,000 people (${result.forecast.changes} changes)`,
      `${result.forecast.forecastMs} ms`,
      `${result.forecast.evaluateMs} ms one evaluation`,
      `${result.forecast.ratio}×`,
      `≤ ${result.forecast.goal}×`,
      `goal ${verdict(result.forecast.ratio <= result.forecast.goal)}`,
    ],
  ];
}
