/**
 * The cost of a stored standing (issue: at most 2× one evaluation per organization), run by `npm run bench`: per
 * organization, `standingOf` with its 90-day next changes and at-risk causes, as a ratio to one `evaluate` of the
 * same organization on the same day. Small organizations (5–50 people, 100–1,000 revenue records) and one large.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganization } from './generate-organization.js';
import { median, round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const STANDING_GOAL = 2;
const AS_OF = '2018-03-31';
const SMALL = [
  { people: 5, revenue: 100, seed: 11 },
  { people: 20, revenue: 400, seed: 12 },
  { people: 50, revenue: 1_000, seed: 13 },
] as const;

type Modules = {
  catalog: typeof import('../src/catalog/shipped-catalog.js');
  parse: typeof import('../src/engine/parse-organization.js');
  evaluate: typeof import('../src/engine/evaluate.js');
  day: typeof import('../src/core/day.js');
  standing: typeof import('../src/program/standing-of.js');
};

/** The compiled modules from dist/, as users run them (see loadLibrary in run-benchmarks.ts). */
async function loadModules(): Promise<Modules> {
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
  const [catalog, parse, evaluate, day, standing] = await Promise.all(
    [
      'catalog/shipped-catalog.js',
      'engine/parse-organization.js',
      'engine/evaluate.js',
      'core/day.js',
      'program/standing-of.js',
    ].map(load),
  );
  return { catalog, parse, evaluate, day, standing } as Modules;
}

export interface StandingRatio {
  readonly people: number;
  readonly revenue: number;
  readonly evaluateMs: number;
  readonly standingMs: number;
  readonly ratio: number;
}

export interface StandingBenchmarks {
  readonly small: readonly StandingRatio[];
  readonly large: StandingRatio;
  readonly goal: number;
}

/** Standing / evaluation time for a few small organizations and a large one. */
export async function benchStanding(large: { people: number; revenue: number; seed: number }): Promise<StandingBenchmarks> {
  const m = await loadModules();
  const catalog = await m.catalog.loadShippedCatalog();
  const asOf = m.day.parseDay(AS_OF) as number;
  const ratioOf = async (options: { people: number; revenue: number; seed: number }, runs: number) => {
    const organization = m.parse.parseOrganization(generateOrganization(options), catalog.currency);
    const evaluateMs: number[] = [];
    const standingMs: number[] = [];
    // Batches of calls timed together (a small evaluation takes well under a millisecond), alternating.
    const batch = options.people > 1_000 ? 1 : 50;
    for (let run = -1; run < runs; run++) {
      let start = performance.now();
      for (let i = 0; i < batch; i++) m.evaluate.evaluate(catalog, organization, { asOf });
      const e = (performance.now() - start) / batch;
      start = performance.now();
      for (let i = 0; i < batch; i++) await m.standing.standingOf(catalog, organization, asOf, { horizonDays: 90 });
      const s = (performance.now() - start) / batch;
      if (run >= 0) {
        evaluateMs.push(e);
        standingMs.push(s);
      }
    }
    return {
      people: options.people,
      revenue: options.revenue,
      evaluateMs: round(median(evaluateMs), 3),
      standingMs: round(median(standingMs), 3),
      ratio: round(median(standingMs) / median(evaluateMs), 2),
    };
  };
  const small: StandingRatio[] = [];
  for (const options of SMALL) small.push(await ratioOf(options, 9));
  return { small, large: await ratioOf(large, 5), goal: STANDING_GOAL };
}

/** Rows for the summary table of run-benchmarks.ts. */
export function standingRows(result: StandingBenchmarks): string[][] {
  return [...result.small, result.large].map((r) => [
    `standing, 90 days, ${r.people.toLocaleString('en')} people / ${r.revenue.toLocaleString('en')} records`,
    `${r.standingMs} ms`,
    `${r.evaluateMs} ms one evaluation`,
    `${r.ratio}×`,
    `≤ ${result.goal}×`,
    `goal ${r.ratio <= result.goal ? 'PASS' : 'FAIL'}`,
  ]);
}

// Run alone: `npx tsc -p tsconfig.build.json && npx tsx bench/standing-benchmarks.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = await benchStanding({ people: 10_000, revenue: 100_000, seed: 42 });
  for (const row of standingRows(result)) console.log(row.join('  '));
}
