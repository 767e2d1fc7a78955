/**
 * Imports whose rows share a customer and a date, at 1× and 10× the rows: how Partner Center exports a month, and
 * where the duplicate check was quadratic (60,000 rows took 32 s, 120,000 took 150 s). Run by `npm run bench`, and on
 * its own (`npx tsx bench/import-scaling-benchmark.ts [ROWS]`, after a build). Each size is planned into the
 * organization without the rows, then again into the result (the re-import, where every row is matched against as
 * many stored records of the same customer and day); the re-import must change nothing. Times are the process's
 * CPU time (user and system, garbage collection threads included): on a shared machine other processes stretch the
 * wall time several-fold, and unevenly between the sizes. Wall times are kept beside them.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchOrganization } from './import-parse-bench.js';
import { median, round } from './stats.js';

export { benchOrganization };

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
/** Linear with room for noise, memory and garbage collection: 10× the rows may take at most this many times as long. */
export const LINEAR_GOAL = 15;
const RUNS = 3;

type Modules = {
  catalog: typeof import('../src/catalog/shipped-catalog.js');
  plan: typeof import('../src/importers/plan-import.js');
};

/** An attain revenue CSV whose rows all name customer c0 on 2017-03-31, each with its own amount. */
export function sameDayRevenueCsv(rows: number): string {
  const lines = ['customer_id,product,date,amount,currency,net_new'];
  for (let i = 0; i < rows; i++) lines.push(`c0,crm-online,2017-03-31,${(i / 100 + 1).toFixed(2)},USD,true`);
  return `${lines.join('\n')}\n`;
}

/** A Partner Center revenue export of one tenant's month: every row DPOR, one product, its own amount. */
export function sameDayPartnerCenterCsv(rows: number): string {
  const lines = ['CustomerTenantId,CustomerName,Product,Month,PartnerAttributionType,BilledRevenueUSD'];
  const tenant = '0000abcd-0000-4000-8000-000000000000';
  for (let i = 0; i < rows; i++) lines.push(`${tenant},Tenant,Dynamics 365 for Sales,2017-03,DPOR,${(i / 100 + 1).toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}

export interface ImportScalingRun {
  readonly rows: number;
  /** Planning into the organization without the rows, and the re-import: medians of the runs, CPU ms, and wall ms. */
  readonly firstMs: number;
  readonly reimportMs: number;
  readonly firstWallMs: number;
  readonly reimportWallMs: number;
}

export interface ImportScalingCase {
  readonly name: string;
  readonly runs: readonly ImportScalingRun[];
  /** The re-import at 10× over 1×. */
  readonly ratio: number;
}

export interface ImportScalingResult {
  readonly cases: readonly ImportScalingCase[];
  readonly goal: number;
}

export async function benchImportScaling(rows = 60_000): Promise<ImportScalingResult> {
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
  const [catalogModule, planModule] = (await Promise.all(
    ['catalog/shipped-catalog.js', 'importers/plan-import.js'].map(load),
  )) as [Modules['catalog'], Modules['plan']];
  const catalog = await catalogModule.loadShippedCatalog();
  const cases: ImportScalingCase[] = [];
  for (const [name, make] of [
    ['revenue CSV, one customer and day', sameDayRevenueCsv],
    ['Partner Center export, one tenant and month', sameDayPartnerCenterCsv],
  ] as const) {
    const runs: ImportScalingRun[] = [];
    for (const size of [rows, rows * 10]) {
      const text = make(size);
      const existing = benchOrganization();
      const plan = (into: typeof existing) => planModule.planImport({ existing: into, orgId: 'bench', text, catalog });
      const imported = plan(existing).organization;
      if (plan(imported).changed) throw new Error(`importing the ${name} again changed the organization`);
      const first: Timing[] = [];
      const again: Timing[] = [];
      for (let run = 0; run < RUNS; run++) {
        first.push(timed(() => plan(existing)));
        again.push(timed(() => plan(imported)));
      }
      runs.push({
        rows: size,
        firstMs: round(median(first.map((t) => t.cpu))),
        reimportMs: round(median(again.map((t) => t.cpu))),
        firstWallMs: round(median(first.map((t) => t.wall))),
        reimportWallMs: round(median(again.map((t) => t.wall))),
      });
    }
    const [small, large] = runs as [ImportScalingRun, ImportScalingRun];
    cases.push({ name, runs, ratio: round(large.reimportMs / small.reimportMs, 2) });
  }
  return { cases, goal: LINEAR_GOAL };
}

interface Timing {
  readonly cpu: number;
  readonly wall: number;
}

function timed(task: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  task();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - start };
}

export function importScalingRows(result: ImportScalingResult): string[][] {
  const count = (n: number) => n.toLocaleString('en');
  return result.cases.map((c) => {
    const [small, large] = c.runs as [ImportScalingRun, ImportScalingRun];
    return [
      `re-import, ${c.name}, ${count(small.rows)} → ${count(large.rows)} rows`,
      `${large.reimportMs} ms CPU (first ${large.firstMs} ms)`,
      `${small.reimportMs} ms CPU (first ${small.firstMs} ms)`,
      `${c.ratio}×`,
      `≤ ${result.goal}×`,
      `goal ${c.ratio <= result.goal ? 'PASS' : 'FAIL'}`,
    ];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = Number(process.argv[2] ?? 60_000);
  console.log(JSON.stringify(await benchImportScaling(rows), null, 2));
}
