/**
 * How fast the store takes an import: one `addToOrganization` of 100,000 revenue records (one transaction, its
 * reference check, four `insert … select from unnest(…)` batches and the audit entry), on PGlite and, given a
 * database URL, on PostgreSQL, against PostgreSQL's own bulk path on the same rows.
 *
 * The baseline is `psql -c "\copy <schema>.revenue_records (…) from '<file>' with (format csv)"`, which streams
 * the file through `COPY … FROM STDIN` (node's pg has no COPY support without pg-copy-streams). Its wall time
 * includes starting psql and connecting, so it is also given less a `psql -c "select 1"` run (`copyNet`), which
 * is the more demanding baseline. The CSV is written before the clock starts. Both load the same table, with the
 * same primary key and foreign key, into an organization of their own.
 *
 *   tsx bench/store-import-bench.ts [postgres://…]     prints the result as JSON
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDay } from '../src/core/day.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import type { OpenStoreOptions } from '../src/store/open-store.js';
import type { Actor, OrganizationAdditions, Store } from '../src/store/store.js';
import { generateOrganization } from './generate-organization.js';

export interface StoreImportBenchOptions {
  /** PostgreSQL to measure as well, with the COPY baseline; PGlite alone without it. */
  readonly databaseUrl?: string;
  /** Revenue records in the one addition measured; 100,000 unless given. */
  readonly rows?: number;
  /** Times each measurement is taken (each adds `rows` more records); the best counts. 2 unless given. */
  readonly rounds?: number;
  /** The store to measure, e.g. the compiled one from dist/; the sources' `openStore` unless given. */
  readonly openStore?: (options: OpenStoreOptions) => Promise<Store>;
}

export interface ImportTiming {
  /** The best round's time. */
  readonly seconds: number;
  readonly rowsPerSecond: number;
  /** Every round's time, in order. */
  readonly rounds: readonly number[];
}

export interface StoreImportBenchResult {
  readonly rows: number;
  readonly pglite: ImportTiming;
  readonly postgres?: ImportTiming;
  /** `psql \copy` of the same rows: wall time, and wall time less psql's start-up and connection (`net`). */
  readonly copy?: ImportTiming & { readonly net: ImportTiming; readonly startupSeconds: number };
  /** Store rows/s divided by COPY rows/s (1 = as fast as COPY), against the wall and the net COPY time. */
  readonly ratios?: {
    readonly postgresToCopy: number;
    readonly postgresToCopyNet: number;
    readonly pgliteToCopy: number;
    readonly pgliteToCopyNet: number;
  };
  readonly notes: readonly string[];
}

const ACTOR: Actor = { kind: 'system', id: 'bench:store-import' };
const ORG = 'bench-import';
const COPY_ORG = 'bench-copy';
const WARMUP_ROWS = 1_000;

export async function benchStoreImport(options: StoreImportBenchOptions = {}): Promise<StoreImportBenchResult> {
  const rows = options.rows ?? 100_000;
  const rounds = options.rounds ?? 2;
  const open = options.openStore ?? (await import('../src/store/open-store.js')).openStore;
  const organization = parseOrganization(generateOrganization({ people: 10, revenue: rows + WARMUP_ROWS, seed: 11 }));
  const base: Organization = { ...organization, id: ORG, revenue: [] };
  const warmup = additions(organization.revenue.slice(0, WARMUP_ROWS));
  const measured = additions(organization.revenue.slice(WARMUP_ROWS));
  const notes: string[] = [];

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'attain-bench-store-'));
  let pglite: ImportTiming;
  try {
    pglite = await timeImport(await open({ dataDir }), base, warmup, measured, rounds);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (options.databaseUrl === undefined) return { rows, pglite, notes: ['no database URL: PostgreSQL and COPY not measured'] };

  const schema = `attain_bench_${process.pid}`;
  const store = await open({ databaseUrl: options.databaseUrl, schema });
  try {
    const postgres = await timeImport(store, base, warmup, measured, rounds, false);
    await store.replaceOrganization({ ...base, id: COPY_ORG }, ACTOR);
    const copy = timeCopy(options.databaseUrl, schema, measured.revenue, rounds);
    await store.close();
    if (!copy) {
      notes.push('psql not found: the COPY baseline was not measured');
      return { rows, pglite, postgres, notes };
    }
    return {
      rows,
      pglite,
      postgres,
      copy,
      ratios: {
        postgresToCopy: postgres.rowsPerSecond / copy.rowsPerSecond,
        postgresToCopyNet: postgres.rowsPerSecond / copy.net.rowsPerSecond,
        pgliteToCopy: pglite.rowsPerSecond / copy.rowsPerSecond,
        pgliteToCopyNet: pglite.rowsPerSecond / copy.net.rowsPerSecond,
      },
      notes,
    };
  } finally {
    psql(options.databaseUrl, `drop schema if exists ${schema} cascade`);
  }
}

function additions(revenue: Organization['revenue']): OrganizationAdditions {
  return { people: [], exams: [], customers: [], dpor: [], revenue };
}

/** Writes the organization without revenue, adds a small warm-up batch, then times the measured addition. */
async function timeImport(
  store: Store,
  base: Organization,
  warmup: OrganizationAdditions,
  measured: OrganizationAdditions,
  rounds: number,
  close = true,
): Promise<ImportTiming> {
  try {
    await store.replaceOrganization(base, ACTOR);
    await store.addToOrganization(base.id, warmup, ACTOR, 'import.revenue');
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      await store.addToOrganization(base.id, measured, ACTOR, 'import.revenue');
      times.push((performance.now() - start) / 1000);
    }
    const stored = (await store.listOrganizations()).find((o) => o.id === base.id)?.revenueRecords;
    if (stored !== warmup.revenue.length + rounds * measured.revenue.length)
      throw new Error(`not every row was stored: ${stored}`);
    return timing(measured.revenue.length, times);
  } finally {
    if (close) await store.close();
  }
}

function timeCopy(
  databaseUrl: string,
  schema: string,
  revenue: Organization['revenue'],
  rounds: number,
): (ImportTiming & { net: ImportTiming; startupSeconds: number }) | undefined {
  if (spawnSync('psql', ['--version']).status !== 0) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-bench-copy-'));
  try {
    const columns = 'org_id, seq, customer, product, date, amount, currency, net_new';
    const startup = Math.min(...[0, 1, 2].map(() => psql(databaseUrl, 'select 1')));
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Each round's file continues the sequence, as the store's additions do; it is written before the clock starts.
      const file = path.join(dir, `revenue-${round}.csv`);
      writeFileSync(file, revenueCsv(revenue, round * revenue.length));
      times.push(psql(databaseUrl, `\\copy ${schema}.revenue_records (${columns}) from '${file}' with (format csv)`));
    }
    return {
      ...timing(revenue.length, times),
      net: timing(
        revenue.length,
        times.map((t) => t - startup),
      ),
      startupSeconds: startup,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one psql command, failing on any error; returns its wall time in seconds. */
function psql(databaseUrl: string, command: string): number {
  const start = performance.now();
  const result = spawnSync('psql', [databaseUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr || result.error?.message}`);
  return seconds;
}

function revenueCsv(revenue: Organization['revenue'], firstSeq: number): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return revenue
    .map((r, seq) =>
      [
        COPY_ORG,
        String(firstSeq + seq),
        quote(r.customer),
        quote(r.product),
        formatDay(r.date),
        r.amount.toString(),
        r.currency,
        r.netNew ? 't' : 'f',
      ].join(','),
    )
    .join('\n')
    .concat('\n');
}

function timing(rows: number, rounds: readonly number[]): ImportTiming {
  const seconds = Math.min(...rounds);
  return { seconds, rowsPerSecond: Math.round(rows / seconds), rounds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const databaseUrl = process.argv[2] ?? process.env.ATTAIN_BENCH_DATABASE_URL;
  console.log(JSON.stringify(await benchStoreImport(databaseUrl ? { databaseUrl } : {}), null, 2));
}
