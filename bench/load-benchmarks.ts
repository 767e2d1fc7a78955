/**
 * The bulk load benchmark (`attain load`), run by `npm run bench`: 10,000 small organizations (5–50 people,
 * 100–1,000 revenue records) written as one NDJSON file, and as one CSV file per table for the baseline. Measured:
 *
 * - `attain load FILE`, end to end as a user runs it: the compiled CLI in a process of its own, from its start to its
 *   exit (start-up, counting the file for progress, reading and validating every organization, writing them 500 to a
 *   transaction, queueing their evaluations, closing the store), into a store made beforehand (a new PGlite
 *   directory, a new PostgreSQL schema), as the baseline's tables are;
 * - the baseline: one `psql` process `\copy`ing every table's CSV (organizations, fx rates, people, exam passes,
 *   customers, DPOR periods and revenue, a row per record) into plain tables of the same columns, from its start to
 *   its exit; run before and after attain, and the faster of the two counts;
 * - for scale: reading and validating the file alone, in this process, as `attain load` does.
 *
 * End to end, because that is what a user waits for, and what `\copy` is timed for: psql's time includes reading its
 * files and the server's parsing of every value, so timing attain's writes alone (its organizations parsed
 * beforehand, as this benchmark once did) compared a part of attain with the whole of psql. Goal: attain ÷ \copy
 * ≥ 0.3 on both backends (organizations per second, so higher is better).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganization, mulberry32, type OrganizationDocument } from './generate-organization.js';
import { round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const LOAD_GOAL = 0.3;
/** `ATTAIN_BENCH_LOAD_ORGS` runs a smaller load while working on it; the benchmark's figure is for 10,000. */
const ORGANIZATIONS = Number(process.env.ATTAIN_BENCH_LOAD_ORGS ?? 10_000);
const BIN = path.join(ROOT, 'bin', 'attain.js');

export interface LoadResult {
  readonly organizations: number;
  readonly records: number;
  readonly bytes: number;
  /** Reading and validating alone, in this process. */
  readonly parsePerSecond: number;
  /** `attain load` end to end, into a new PGlite store. */
  readonly pglitePerSecond: number;
  readonly postgresPerSecond: number | null;
  /** psql `\copy`: the faster of its two runs. */
  readonly copyPerSecond: number | null;
  readonly pgliteRatio: number | null;
  readonly postgresRatio: number | null;
  readonly goal: number;
}

/** The organizations' records as CSV per table, the way `\copy` reads them; and the NDJSON file. */
async function writeInputs(
  dir: string,
): Promise<{ ndjson: string; csv: Record<string, string>; records: number; bytes: number }> {
  const random = mulberry32(7);
  const tables = ['organizations', 'fx_rates', 'people', 'exam_passes', 'customers', 'dpor_periods', 'revenue'] as const;
  const csv = Object.fromEntries(tables.map((t) => [t, path.join(dir, `${t}.csv`)])) as Record<(typeof tables)[number], string>;
  const streams = Object.fromEntries(tables.map((t) => [t, createWriteStream(csv[t])]));
  const ndjson = path.join(dir, 'organizations.ndjson');
  const out = createWriteStream(ndjson);
  let records = 0;
  let bytes = 0;
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  for (let i = 0; i < ORGANIZATIONS; i++) {
    const people = 5 + Math.floor(random() * 46);
    const revenue = 100 + Math.floor(random() * 901);
    const doc: OrganizationDocument = { ...generateOrganization({ people, revenue, seed: i + 1 }), id: `load-${i}` };
    const line = `${JSON.stringify(doc)}\n`;
    bytes += Buffer.byteLength(line);
    out.write(line);
    const rows: Record<(typeof tables)[number], string[]> = {
      organizations: [`${doc.id},${q(doc.name)},${doc.market},${doc.country}`],
      fx_rates: Object.entries(doc.fx).map(([c, r], k) => `${doc.id},${k},${c},${r}`),
      people: doc.people.map((p, k) => `${doc.id},${k},${p.id},${q(p.name)}`),
      exam_passes: doc.people.flatMap((p) => p.exams.map((e) => `${doc.id},${p.id},${q(e.exam)},${e.passed}`)),
      customers: doc.customers.map((c, k) => `${doc.id},${k},${c.id},${q(c.name)}`),
      dpor_periods: doc.customers.flatMap((c) => c.dpor.map((d) => `${doc.id},${c.id},${d.from},${d.to ?? ''}`)),
      revenue: doc.revenue.map(
        (r, k) => `${doc.id},${k},${r.customer},${r.product},${r.date},${r.amount},${r.currency},${r.netNew ?? true}`,
      ),
    };
    for (const t of tables) {
      records += rows[t].length;
      if (rows[t].length > 0) streams[t]?.write(`${rows[t].join('\n')}\n`);
    }
  }
  await Promise.all([out, ...Object.values(streams)].map((s) => new Promise((resolve) => s?.end(resolve))));
  return { ndjson, csv, records, bytes };
}

/**
 * psql `\copy` of every table's CSV into plain tables of the same columns, in one psql run from start to exit: the
 * fastest way in. Returns its seconds.
 */
function copySeconds(databaseUrl: string, csv: Record<string, string>): number {
  const schema = `load_baseline_${process.pid}`;
  const columns: Record<string, string> = {
    organizations: 'id text, name text, market text, country text',
    fx_rates: 'org_id text, seq integer, currency text, rate numeric',
    people: 'org_id text, seq integer, id text, name text',
    exam_passes: 'org_id text, person_id text, exam text, passed date',
    customers: 'org_id text, seq integer, id text, name text',
    dpor_periods: 'org_id text, customer_id text, from_date date, to_date date',
    revenue: 'org_id text, seq integer, customer text, product text, date date, amount numeric, currency text, net_new boolean',
  };
  const create = Object.entries(columns)
    .map(([t, c]) => `CREATE TABLE ${schema}.${t} (${c});`)
    .join(' ');
  psql(databaseUrl, ['-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; ${create}`]);
  const copies = Object.keys(columns).flatMap((t) => ['-c', `\\copy ${schema}.${t} FROM '${csv[t]}' WITH (FORMAT csv)`]);
  try {
    const start = performance.now();
    psql(databaseUrl, copies);
    return (performance.now() - start) / 1000;
  } finally {
    psql(databaseUrl, ['-c', `DROP SCHEMA ${schema} CASCADE`]);
  }
}

/**
 * `attain load FILE` as a user runs it, in a process of its own; its seconds from start to exit. It must load every
 * organization.
 */
function attainLoadSeconds(ndjson: string, organizations: number, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'load', ndjson, '--lang', 'en', ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  const all = organizations.toLocaleString('en');
  if (run.status !== 0 || !run.stdout.includes(`Loaded ${all} of ${all} organizations`)) {
    throw new Error(`attain load failed (${run.status}): ${run.stderr.slice(-2000)}${run.stdout.slice(-2000)}`);
  }
  return seconds;
}

function psql(databaseUrl: string, args: readonly string[]): void {
  const run = spawnSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
}

export async function benchLoad(databaseUrl: string | undefined): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-load-'));
  try {
    const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
    const [{ readOrganizationInputs }, { openStore }] = await Promise.all([
      load('importers/read-organization-inputs.js'),
      load('store/open-store.js'),
    ]);
    const { ndjson, csv, records, bytes } = await writeInputs(dir);

    // For scale: what reading and validating costs alone, the organizations dropped as they come.
    let organizations = 0;
    const start = performance.now();
    for await (const input of readOrganizationInputs([ndjson], 'USD')) {
      if (!('organization' in input)) throw new Error(`refused: ${JSON.stringify(input.error)}`);
      organizations++;
    }
    const parseSeconds = (performance.now() - start) / 1000;

    const baseline: number[] = [];
    if (databaseUrl) baseline.push(copySeconds(databaseUrl, csv));
    const { DATABASE_URL: _url, ATTAIN_DATABASE_SCHEMA: _schema, ...env } = process.env;
    const dataDir = path.join(dir, 'data');
    // The store exists before the clock starts, as the baseline's tables do.
    await (await openStore({ dataDir })).close();
    const pgliteSeconds = attainLoadSeconds(ndjson, organizations, ['--data-dir', dataDir], env);
    let postgresSeconds: number | null = null;
    if (databaseUrl) {
      const schema = `bench_load_${process.pid}`;
      try {
        await (await openStore({ databaseUrl, schema })).close();
        postgresSeconds = attainLoadSeconds(ndjson, organizations, [], {
          ...env,
          DATABASE_URL: databaseUrl,
          ATTAIN_DATABASE_SCHEMA: schema,
        });
      } finally {
        spawnSync('psql', [
          databaseUrl,
          '-q',
          '-c',
          `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`,
        ]);
      }
      baseline.push(copySeconds(databaseUrl, csv));
    }
    const copy = baseline.length === 0 ? null : Math.min(...baseline);
    const perSecond = (seconds: number) => Math.round(organizations / seconds);
    return {
      organizations,
      records,
      bytes,
      parsePerSecond: perSecond(parseSeconds),
      pglitePerSecond: perSecond(pgliteSeconds),
      postgresPerSecond: postgresSeconds === null ? null : perSecond(postgresSeconds),
      copyPerSecond: copy === null ? null : perSecond(copy),
      pgliteRatio: copy === null ? null : round(copy / pgliteSeconds, 3),
      postgresRatio: copy === null || postgresSeconds === null ? null : round(copy / postgresSeconds, 3),
      goal: LOAD_GOAL,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadRows(result: LoadResult): string[][] {
  const n = (x: number | null) => (x === null ? 'n/a' : x.toLocaleString('en'));
  const verdict = (ratio: number | null) => (ratio === null ? 'no PostgreSQL' : `goal ${ratio >= result.goal ? 'PASS' : 'FAIL'}`);
  const what = `${n(result.organizations)} organizations (${n(result.records)} records)`;
  return [
    [`load: read and validate ${what} alone`, `${n(result.parsePerSecond)} orgs/s`, '', '', 'none', 'for scale'],
    [
      `load: attain load ${what} into PGlite, end to end`,
      `${n(result.pglitePerSecond)} orgs/s`,
      `${n(result.copyPerSecond)} orgs/s \\copy`,
      `${result.pgliteRatio ?? 'n/a'}`,
      `≥ ${result.goal}`,
      verdict(result.pgliteRatio),
    ],
    [
      `load: attain load ${what} into PostgreSQL, end to end`,
      `${n(result.postgresPerSecond)} orgs/s`,
      `${n(result.copyPerSecond)} orgs/s \\copy`,
      `${result.postgresRatio ?? 'n/a'}`,
      `≥ ${result.goal}`,
      verdict(result.postgresRatio),
    ],
  ];
}

// `tsx bench/load-benchmarks.ts` runs this benchmark alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchLoad(process.env.DATABASE_URL ?? process.env.ATTAIN_TEST_DATABASE_URL);
  console.log(JSON.stringify(result, null, 2));
  for (const row of loadRows(result)) console.log(row.join('  '));
}
