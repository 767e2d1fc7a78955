/**
 * The bulk load benchmark (`attain load`), run by `npm run bench`: 10,000 small organizations (5–50 people,
 * 100–1,000 revenue records) written as NDJSON, then
 *
 * - parse: reading and validating the file as `attain load` does (`readOrganizationInputs`), organizations/s;
 * - write: `store.replaceOrganizations` of the parsed organizations, 500 per call as the command does, into a new
 *   PGlite store and a new PostgreSQL schema, organizations/s;
 *
 * each as a ratio to `psql \copy` of the same records (organizations, fx rates, people, exam passes, customers, DPOR
 * periods and revenue, a row per record) into plain tables of the same columns. Goal: the write ≥ 0.3 on both.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Organization } from '../src/engine/organization.js';
import type { Store } from '../src/store/store.js';
import { generateOrganization, mulberry32, type OrganizationDocument } from './generate-organization.js';
import { round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const LOAD_GOAL = 0.3;
/** `ATTAIN_BENCH_LOAD_ORGS` runs a smaller load while working on it; the benchmark's figure is for 10,000. */
const ORGANIZATIONS = Number(process.env.ATTAIN_BENCH_LOAD_ORGS ?? 10_000);
const BATCH = 500;

export interface LoadResult {
  readonly organizations: number;
  readonly records: number;
  readonly bytes: number;
  readonly parsePerSecond: number;
  readonly pglitePerSecond: number;
  readonly postgresPerSecond: number | null;
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

/** psql `\copy` of every table's CSV into plain tables of the same columns, in one psql run: the fastest way in. */
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
  const start = performance.now();
  psql(databaseUrl, copies);
  const seconds = (performance.now() - start) / 1000;
  psql(databaseUrl, ['-c', `DROP SCHEMA ${schema} CASCADE`]);
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

    // Parse once, timed alone; the organizations are kept for the writes, so that those time the store only.
    const organizations: Organization[] = [];
    const start = performance.now();
    for await (const input of readOrganizationInputs([ndjson], 'USD')) {
      if (!('organization' in input)) throw new Error(`refused: ${JSON.stringify(input.error)}`);
      organizations.push(input.organization);
    }
    const parseSeconds = (performance.now() - start) / 1000;

    const write = async (store: Store) => {
      const actor = { kind: 'system', id: 'bench' } as const;
      const begin = performance.now();
      for (let i = 0; i < organizations.length; i += BATCH) {
        const outcomes = await store.replaceOrganizations(organizations.slice(i, i + BATCH), actor);
        const bad = outcomes.find((o) => o.status !== 'created');
        if (bad) throw new Error(`${bad.id}: ${bad.status}`);
      }
      return (performance.now() - begin) / 1000;
    };
    const pglite: Store = await openStore({ dataDir: path.join(dir, 'data') });
    let pgliteSeconds: number;
    try {
      pgliteSeconds = await write(pglite);
    } finally {
      await pglite.close();
    }
    let postgresSeconds: number | null = null;
    let baseline: number | null = null;
    if (databaseUrl) {
      const schema = `bench_load_${process.pid}`;
      const postgres: Store = await openStore({ databaseUrl, schema });
      try {
        postgresSeconds = await write(postgres);
      } finally {
        await postgres.close();
        spawnSync('psql', [
          databaseUrl,
          '-q',
          '-c',
          `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`,
        ]);
      }
      baseline = copySeconds(databaseUrl, csv);
    }
    const perSecond = (seconds: number) => Math.round(organizations.length / seconds);
    return {
      organizations: organizations.length,
      records,
      bytes,
      parsePerSecond: perSecond(parseSeconds),
      pglitePerSecond: perSecond(pgliteSeconds),
      postgresPerSecond: postgresSeconds === null ? null : perSecond(postgresSeconds),
      copyPerSecond: baseline === null ? null : perSecond(baseline),
      pgliteRatio: baseline === null ? null : round(baseline / pgliteSeconds, 3),
      postgresRatio: baseline === null || postgresSeconds === null ? null : round(baseline / postgresSeconds, 3),
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
    [`load: parse ${what}`, `${n(result.parsePerSecond)} orgs/s`, '', '', 'none', 'for scale'],
    [
      `load: write ${what} into PGlite`,
      `${n(result.pglitePerSecond)} orgs/s`,
      `${n(result.copyPerSecond)} orgs/s \\copy`,
      `${result.pgliteRatio ?? 'n/a'}`,
      `≥ ${result.goal}`,
      verdict(result.pgliteRatio),
    ],
    [
      `load: write ${what} into PostgreSQL`,
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
