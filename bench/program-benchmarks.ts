/**
 * Running the program (issue 11), run by `npm run bench` (step h, about 15 minutes on two cores; `--skip-program`
 * leaves it out) and on its own (`npx tsx bench/program-benchmarks.ts`, after a build). On each backend, with the real
 * `attain serve` and `attain worker`:
 *
 * 1. a full run over 50,000 generated small organizations (5–50 people, 100–1,000 revenue records) against one over
 *    the first 1,000 of them: time per organization, as a ratio (goal ≤ 1.3×);
 * 2. PostgreSQL only: a run's throughput with two `attain worker` processes against one (goal ≥ 1.7×), over 4,000
 *    organizations, alternating 1, 2, 1, 2 after a warm-up run, best of each, without probes;
 * 3. during each run, `/api/health` and a random partner's stored standing (`GET /api/orgs/{id}/standing`), polled
 *    back to back: p99 under 100 ms and 50 ms;
 * 4. after the full run, the operator's filtered page (`GET /api/program/organizations`) with a set of filters,
 *    sorts and offsets: p99 under 200 ms.
 *
 * On PGlite, `attain serve` runs the jobs itself (evaluating on its worker threads). On PostgreSQL, `attain serve
 * --no-jobs` answers while two `attain worker` processes do the jobs. Organizations are loaded with the store's bulk
 * path (`replaceOrganizations`, as `attain load` does); the evaluations the load queues are dropped before the run,
 * which would do them all again. `ATTAIN_BENCH_PROGRAM_ORGS` runs a smaller program while working on it; the
 * recorded figure is for 50,000. `ATTAIN_BENCH_KEEP=1` keeps the stores and the servers' logs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Day, formatDay, parseDay } from '../src/core/day.js';
import type { Organization } from '../src/engine/organization.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { generateOrganization, mulberry32 } from './generate-organization.js';
import { round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const CLI = path.join(ROOT, 'bin', 'attain.js');
const AS_OF = '2018-03-31';
/** `ATTAIN_BENCH_PROGRAM_ORGS` runs a smaller program while working on it; the benchmark's figure is for 50,000. */
const ORGANIZATIONS = Number(process.env.ATTAIN_BENCH_PROGRAM_ORGS ?? 50_000);
const BASELINE = Math.min(1_000, ORGANIZATIONS);
/**
 * The store the worker processes are compared on: 120 jobs of a hundred, so that a run's fixed costs (starting it,
 * listing its organizations, the last job's tail, tidying up) stay small beside its work; with 40 jobs, once a worker
 * evaluated 400 organizations a second, they were a fifth of a run's time and hid how the work spreads.
 */
const WORKER_ORGANIZATIONS = Math.min(12_000, ORGANIZATIONS);
const LOAD_BATCH = 500;
/** Pause between two rounds of probes of the API during a run. */
const PROBE_PAUSE_MS = 50;
const POLL_MS = 250;
const ACTOR = { kind: 'system', id: 'bench' } as const;

export const PROGRAM_GOALS = { scaling: 1.3, workers: 1.7, healthP99Ms: 100, standingP99Ms: 50, pageP99Ms: 200 } as const;

export interface Latencies {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Answers other than 200. */
  readonly errors: number;
}

export interface RunMeasure {
  readonly organizations: number;
  readonly seconds: number;
  readonly msPerOrganization: number;
  readonly failed: number;
  /** Time per organization over each fifth of the run's progress: a run that slows down as it goes shows here. */
  readonly msPerOrganizationByFifth: readonly number[];
  readonly health: Latencies;
  readonly standing: Latencies;
}

export interface BackendResult {
  readonly backend: 'PGlite' | 'PostgreSQL';
  /** How the jobs ran. */
  readonly jobs: string;
  readonly baseline: RunMeasure;
  readonly full: RunMeasure;
  /** Time per organization of the full run ÷ that of the baseline run. */
  readonly scaling: number;
  readonly page: Latencies & {
    readonly queries: readonly { readonly query: string; readonly p50Ms: number }[];
    /** `GET /api/program/counts`, shown above the page. */
    readonly counts: Latencies;
  };
}

export interface WorkerComparison {
  readonly organizations: number;
  /** Organizations per second of each measured round, the rounds alternating. */
  readonly one: readonly number[];
  /** One worker with V8's helper threads (`--all-cores`). */
  readonly oneAllCores: readonly number[];
  readonly two: readonly number[];
  /** Best of two ÷ best of one, either way. */
  readonly ratio: number;
  /**
   * The same per second of the machine's busy CPU (every process: workers, PostgreSQL, the server): 1 when two
   * workers do as much per unit of CPU as one, that is when the work divides without overhead and only the cores
   * bound it.
   */
  readonly perCoreRatio: number;
}

export interface ProgramBenchmarks {
  readonly organizations: number;
  readonly baseline: number;
  readonly pglite: BackendResult;
  readonly postgres: (BackendResult & { readonly workers: WorkerComparison }) | null;
  readonly goals: typeof PROGRAM_GOALS;
  /** The whole step, loading included. */
  readonly seconds: number;
}

type Modules = {
  openStore: typeof import('../src/store/open-store.js').openStore;
  parseOrganization: typeof import('../src/engine/parse-organization.js').parseOrganization;
};

/** The compiled modules from dist/, as users run them (see loadLibrary in run-benchmarks.ts). */
async function loadModules(): Promise<Modules> {
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
  const [store, parse] = await Promise.all([load('store/open-store.js'), load('engine/parse-organization.js')]);
  return { openStore: store.openStore, parseOrganization: parse.parseOrganization };
}

// ---------------------------------------------------------------------------------------------------------------
// Stores

/** Where a store lives, as the CLI is told: a PGlite directory, or a PostgreSQL schema. */
type StoreLocation = { readonly dataDir: string } | { readonly databaseUrl: string; readonly schema: string };

interface Prepared {
  readonly location: StoreLocation;
  readonly organizations: number;
  readonly token: string;
}

const orgId = (i: number) => `org-${String(i).padStart(5, '0')}`;

/** The i-th organization of the program (called in order): the first n of any program are the same organizations. */
function organizationDocument(random: () => number, i: number) {
  const people = 5 + Math.floor(random() * 46);
  const revenue = 100 + Math.floor(random() * 901);
  return { ...generateOrganization({ people, revenue, seed: i + 1 }), id: orgId(i) };
}

/**
 * Opens each store and loads the first `size` organizations into it (generated once, a batch at a time, written to
 * every store that needs them), drops the evaluations the load queued and makes an admin token. Closes the stores.
 */
async function prepareStores(m: Modules, targets: readonly { location: StoreLocation; size: number }[]): Promise<Prepared[]> {
  const stores: SqlStore[] = [];
  try {
    for (const t of targets) stores.push(await m.openStore(t.location));
    const largest = Math.max(...targets.map((t) => t.size));
    const random = mulberry32(7);
    const started = performance.now();
    for (let i = 0; i < largest; i += LOAD_BATCH) {
      const batch: Organization[] = [];
      for (let k = i; k < Math.min(largest, i + LOAD_BATCH); k++) {
        batch.push(m.parseOrganization(organizationDocument(random, k), 'USD'));
      }
      // PGlite works on this thread, PostgreSQL in its server: writing to all at once overlaps the two.
      await Promise.all(
        targets.map(async (t, s) => {
          if (i >= t.size) return;
          const outcomes = await (stores[s] as SqlStore).replaceOrganizations(batch.slice(0, t.size - i), ACTOR);
          const bad = outcomes.find((o) => o.status !== 'created');
          if (bad) throw new Error(`loading ${bad.id}: ${bad.status}`);
        }),
      );
      const done = Math.min(largest, i + LOAD_BATCH);
      if (done % 5_000 === 0 || done === largest) {
        console.log(`   loaded ${done.toLocaleString('en')} in ${round((performance.now() - started) / 1000)} s`);
      }
    }
    const { sql } = await import('kysely');
    const prepared: Prepared[] = [];
    for (const [s, t] of targets.entries()) {
      const store = stores[s] as SqlStore;
      // The load queued every organization's evaluation; the run about to be measured would do them all again.
      await sql`delete from ${sql.table(`${store.jobs.schema}._private_jobs`)}`.execute(store.db);
      const { secret } = await store.createToken({ role: 'admin', org: null, label: 'bench' }, ACTOR);
      prepared.push({ location: t.location, organizations: t.size, token: secret });
    }
    return prepared;
  } finally {
    for (const store of stores) await store.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

/** An `attain` child process: its output goes to a log file, its first lines are read for readiness. */
class Child {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<number | null>,
  ) {}

  /** Starts `attain ARGS` and resolves once it printed a line matching `ready`, with the match. */
  static async start(
    args: readonly string[],
    env: NodeJS.ProcessEnv,
    log: string,
    ready: RegExp,
  ): Promise<{ child: Child; match: RegExpMatchArray }> {
    const stderr = openSync(log, 'a');
    const spawned = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', stderr],
    });
    const exited = new Promise<number | null>((resolve) => spawned.once('exit', (code) => resolve(code)));
    const lines = createInterface({ input: spawned.stdout as NodeJS.ReadableStream });
    const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
      lines.on('line', (line) => {
        const found = line.match(ready);
        if (found) resolve(found);
      });
      exited.then((code) => reject(new Error(`attain ${args.join(' ')} exited (${code}) before it was ready; see ${log}`)));
    });
    return { child: new Child(spawned, exited), match };
  }

  /** SIGTERM, then SIGKILL if it has not exited within ten seconds. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

function envOf(location: StoreLocation): NodeJS.ProcessEnv {
  return 'dataDir' in location
    ? { DATABASE_URL: '', ATTAIN_DATABASE_SCHEMA: '' }
    : { DATABASE_URL: location.databaseUrl, ATTAIN_DATABASE_SCHEMA: location.schema };
}

/** `attain serve` on the store: with its jobs on PGlite, without them on PostgreSQL (the workers do them). */
async function startServer(location: StoreLocation, logDir: string): Promise<{ server: Child; url: string }> {
  const args = ['serve', '--port', '0', ...('dataDir' in location ? ['--data-dir', location.dataDir] : ['--no-jobs'])];
  const { child, match } = await Child.start(args, envOf(location), path.join(logDir, 'serve.log'), /serving (http:\S+?)\/?$/);
  return { server: child, url: match[1] as string };
}

async function startWorkers(location: StoreLocation, count: number, logDir: string, allCores = false): Promise<Child[]> {
  const args = ['worker', '--no-nightly', ...(allCores ? ['--all-cores'] : [])];
  const started = Array.from({ length: count }, (_, i) =>
    Child.start(args, envOf(location), path.join(logDir, `worker-${i}.log`), /^attain worker: running/),
  );
  return (await Promise.all(started)).map((s) => s.child);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

interface Sample {
  readonly ms: number;
  readonly status: number;
}

class Api {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** GETs a route, reading the whole body, and returns how long it took and the status (0: no answer). */
  async time(route: string): Promise<Sample> {
    const start = performance.now();
    try {
      const response = await this.request('GET', route);
      await response.arrayBuffer();
      return { ms: performance.now() - start, status: response.status };
    } catch {
      return { ms: performance.now() - start, status: 0 };
    }
  }

  async json<T>(method: 'GET' | 'POST', route: string): Promise<T> {
    const response = await this.request(method, route);
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /**
   * One request, tried again once when the connection failed: a kept-alive connection the server closes as idle
   * just when a request goes out fails without any fault of the server's.
   */
  private async request(method: 'GET' | 'POST', route: string): Promise<Response> {
    const init = { method, headers: { authorization: `Bearer ${this.token}` } };
    try {
      return await fetch(`${this.url}${route}`, init);
    } catch {
      return fetch(`${this.url}${route}`, init);
    }
  }
}

interface RunRow {
  readonly id: string;
  readonly requestedAt: string;
  readonly finishedAt: string | null;
  readonly done: number;
  readonly failed: number;
}

function latencies(samples: readonly Sample[]): Latencies {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    count: samples.length,
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
    errors: samples.filter((s) => s.status !== 200).length,
  };
}

/**
 * Starts a run through the API and follows it to the end, meanwhile probing health and a random organization's
 * stored standing back to back. The run's time is the server's own, from queued to finished.
 */
async function measureRun(api: Api, organizations: number, probe = true, asOf = AS_OF): Promise<RunMeasure> {
  const queuedAt = performance.now();
  const queued = await api.json<RunRow>('POST', `/api/program/runs?asOf=${asOf}`);
  const health: Sample[] = [];
  const standing: Sample[] = [];
  let finished = !probe;
  const random = mulberry32(11);
  const probing = (async () => {
    while (!finished) {
      health.push(await api.time('/api/health'));
      standing.push(await api.time(`/api/orgs/${orgId(Math.floor(random() * organizations))}/standing`));
      await new Promise((resolve) => setTimeout(resolve, PROBE_PAUSE_MS));
    }
  })();
  const progress: { at: number; done: number }[] = [];
  let run: RunRow = queued;
  try {
    while (run.finishedAt === null) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      run = await api.json<RunRow>('GET', `/api/program/runs/${queued.id}`);
      progress.push({ at: performance.now(), done: run.done });
    }
  } finally {
    finished = true;
    await probing;
  }
  if (run.done !== organizations) throw new Error(`run ${run.id} did ${run.done} of ${organizations} organizations`);
  const seconds = (Date.parse(run.finishedAt) - Date.parse(run.requestedAt)) / 1000;
  return {
    organizations,
    seconds: round(seconds, 2),
    msPerOrganization: round((seconds * 1000) / organizations, 3),
    failed: run.failed,
    msPerOrganizationByFifth: byFifth(queuedAt, progress, organizations),
    health: latencies(health),
    standing: latencies(standing),
  };
}

/** Time per organization over each fifth of the run, from when it was queued and the polled progress. */
function byFifth(queuedAt: number, progress: readonly { at: number; done: number }[], organizations: number): number[] {
  const times = [queuedAt];
  for (let f = 1; f <= 5; f++) times.push(progress.find((p) => p.done >= (organizations * f) / 5)?.at ?? Number.NaN);
  return times.slice(1).map((t, f) => round((t - (times[f] as number)) / (organizations / 5), 3));
}

/**
 * The operator's page as the dashboard asks for it (pages of 25, the at-risk list of 100 sorted by date) with each
 * filter and sort, and deep pages.
 */
const PAGE_QUERIES: readonly string[] = [
  'limit=25',
  'atRiskWithin=90&sort=at-risk&limit=100',
  'sort=name&limit=25',
  'sort=attained&desc=true&offset=40000&limit=25',
  'level=cloud-crm/reseller/gold&status=attained&limit=25',
  'level=cloud-crm/reseller/gold&status=attained&sort=name&offset=10000&limit=25',
  'level=cloud-business-applications/enterprise-customer-engagement/silver&lifecycle=qualified&limit=25',
  'atRiskWithin=30&level=cloud-crm/reseller/silver&limit=25',
  'market=developing&sort=attained&desc=true&limit=25',
  'q=org-012&limit=25',
  'failed=true&limit=25',
  'sort=at-risk&offset=25000&limit=25',
];
const PAGE_ROUNDS = 10;

/**
 * Every query of PAGE_QUERIES once to warm up, then PAGE_ROUNDS rounds of all of them; and, for scale, the counts
 * per level the operator's page shows above the table.
 */
async function measurePage(api: Api): Promise<BackendResult['page']> {
  const perQuery = new Map<string, Sample[]>(PAGE_QUERIES.map((q) => [q, []]));
  const counts: Sample[] = [];
  for (const q of PAGE_QUERIES) await api.time(`/api/program/organizations?${q}`);
  for (let r = 0; r < PAGE_ROUNDS; r++) {
    for (const q of PAGE_QUERIES) perQuery.get(q)?.push(await api.time(`/api/program/organizations?${q}`));
    counts.push(await api.time('/api/program/counts'));
  }
  return {
    ...latencies([...perQuery.values()].flat()),
    queries: [...perQuery].map(([query, samples]) => ({ query, p50Ms: latencies(samples).p50Ms })),
    counts: latencies(counts),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Backends

type Deployment = (prepared: Prepared) => Promise<{ api: Api; stop: () => Promise<void> }>;

/** The baseline run and the full one (then the operator's page) on one backend, each on a fresh deployment. */
async function benchBackend(
  backend: BackendResult['backend'],
  jobs: string,
  deploy: Deployment,
  baseline: Prepared,
  full: Prepared,
): Promise<BackendResult> {
  const measure = async (prepared: Prepared, page: boolean) => {
    const { api, stop } = await deploy(prepared);
    try {
      const run = await measureRun(api, prepared.organizations);
      console.log(`   ${backend}, ${prepared.organizations.toLocaleString('en')}: ${run.msPerOrganization} ms per organization`);
      return { run, page: page ? await measurePage(api) : undefined };
    } finally {
      await stop();
    }
  };
  const small = await measure(baseline, false);
  const large = await measure(full, true);
  return {
    backend,
    jobs,
    baseline: small.run,
    full: large.run,
    scaling: round(large.run.msPerOrganization / small.run.msPerOrganization, 3),
    page: large.page as BackendResult['page'],
  };
}

/** PGlite: `attain serve` alone, running the jobs. */
function pgliteDeployment(logDir: string): Deployment {
  return async (prepared) => {
    const { server, url } = await startServer(prepared.location, logDir);
    return { api: new Api(url, prepared.token), stop: () => server.stop() };
  };
}

/** PostgreSQL: `attain serve --no-jobs` and two `attain worker` processes. */
function postgresDeployment(logDir: string): Deployment {
  return async (prepared) => {
    const { server, url } = await startServer(prepared.location, logDir);
    const workers = await startWorkers(prepared.location, 2, logDir);
    const stop = async () => {
      await Promise.all([server, ...workers].map((p) => p.stop()));
    };
    return { api: new Api(url, prepared.token), stop };
  };
}

/**
 * Runs over one store with one worker process and with two, alternating; the first run (two workers) warms up and
 * is not counted, so that every measured run re-evaluates organizations that already have a standing.
 */
async function compareWorkers(prepared: Prepared, logDir: string): Promise<WorkerComparison> {
  const { server, url } = await startServer(prepared.location, logDir);
  const api = new Api(url, prepared.token);
  const one: number[] = [];
  const oneAllCores: number[] = [];
  const two: number[] = [];
  const onePerCore: number[] = [];
  const twoPerCore: number[] = [];
  // One worker twice: on one core (the default) and with V8's helper threads on the other core, so that two are
  // compared with the faster one, not with a single worker held to one core.
  const rounds: readonly { count: number; allCores: boolean }[] = [
    { count: 2, allCores: false },
    { count: 1, allCores: false },
    { count: 1, allCores: true },
    { count: 2, allCores: false },
    { count: 1, allCores: true },
    { count: 1, allCores: false },
    { count: 2, allCores: false },
  ];
  try {
    for (const [r, { count, allCores }] of rounds.entries()) {
      const workers = await startWorkers(prepared.location, count, logDir, allCores);
      try {
        // No probes: this is throughput alone, and a probe's work would weigh more on two workers than on one. Each
        // round as of another day: a run leaves out organizations already evaluated on their data as of its day.
        const asOf = formatDay((parseDay(AS_OF) as Day) - r);
        const before = machineCpu();
        const run = await measureRun(api, prepared.organizations, false, asOf);
        const cores = coresBusy(before, machineCpu());
        const perSecond = round(prepared.organizations / run.seconds);
        const perCoreSecond = round(perSecond / cores);
        const what = `${count} worker process${count === 1 ? '' : 'es'}${allCores ? ' (--all-cores)' : ''}`;
        console.log(
          `   ${what}: ${perSecond} organizations/s, the machine's ${round(cores, 2)} busy cores: ${perCoreSecond} per core-second${r === 0 ? ' (warm-up)' : ''}`,
        );
        if (r > 0) {
          (count === 2 ? two : allCores ? oneAllCores : one).push(perSecond);
          (count === 2 ? twoPerCore : onePerCore).push(perCoreSecond);
        }
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
    }
  } finally {
    await server.stop();
  }
  const best = Math.max(...one, ...oneAllCores);
  return {
    organizations: prepared.organizations,
    one,
    oneAllCores,
    two,
    ratio: round(Math.max(...two) / best, 3),
    perCoreRatio: round(Math.max(...twoPerCore) / Math.max(...onePerCore), 3),
  };
}

/** The machine's CPU time so far from /proc/stat, in clock ticks: busy and in all. */
function machineCpu(): { readonly busy: number; readonly total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** How many of the machine's cores were busy, on average, between two readings. */
function coresBusy(before: ReturnType<typeof machineCpu>, after: ReturnType<typeof machineCpu>): number {
  return ((after.busy - before.busy) / (after.total - before.total)) * os.availableParallelism();
}

// ---------------------------------------------------------------------------------------------------------------

export async function benchProgram(databaseUrl: string | undefined): Promise<ProgramBenchmarks> {
  const started = performance.now();
  const m = await loadModules();
  const keep = process.env.ATTAIN_BENCH_KEEP === '1';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-program-'));
  const logDir = path.join(dir, 'logs');
  mkdirSync(logDir);
  const schema = (name: string) => `bench_program_${process.pid}_${name}`;
  try {
    const targets = [
      { location: { dataDir: path.join(dir, 'pglite-baseline') }, size: BASELINE },
      { location: { dataDir: path.join(dir, 'pglite-full') }, size: ORGANIZATIONS },
      ...(databaseUrl
        ? [
            { location: { databaseUrl, schema: schema('baseline') }, size: BASELINE },
            { location: { databaseUrl, schema: schema('full') }, size: ORGANIZATIONS },
            { location: { databaseUrl, schema: schema('workers') }, size: WORKER_ORGANIZATIONS },
          ]
        : []),
    ];
    console.log(`   loading ${ORGANIZATIONS.toLocaleString('en')} organizations into each backend…`);
    const [pgliteBaseline, pgliteFull, postgresBaseline, postgresFull, postgresWorkers] = (await prepareStores(m, targets)) as [
      Prepared,
      Prepared,
      Prepared?,
      Prepared?,
      Prepared?,
    ];
    const pglite = await benchBackend(
      'PGlite',
      'attain serve (jobs on its worker threads)',
      pgliteDeployment(logDir),
      pgliteBaseline,
      pgliteFull,
    );
    const postgres =
      postgresBaseline && postgresFull && postgresWorkers
        ? {
            ...(await benchBackend(
              'PostgreSQL',
              'attain serve --no-jobs and two attain worker processes',
              postgresDeployment(logDir),
              postgresBaseline,
              postgresFull,
            )),
            workers: await compareWorkers(postgresWorkers, logDir),
          }
        : null;
    return {
      organizations: ORGANIZATIONS,
      baseline: BASELINE,
      pglite,
      postgres,
      goals: PROGRAM_GOALS,
      seconds: round((performance.now() - started) / 1000),
    };
  } finally {
    if (keep) console.log(`   kept ${dir} and the schemas bench_program_${process.pid}_*`);
    else {
      rmSync(dir, { recursive: true, force: true });
      if (databaseUrl) {
        const drops = ['baseline', 'full', 'workers'].map(
          (n) => `drop schema if exists ${schema(n)}, ${schema(n)}_jobs cascade;`,
        );
        spawnSync('psql', [databaseUrl, '-q', '-c', `set client_min_messages = warning; ${drops.join(' ')}`]);
      }
    }
  }
}

/** Rows for the summary table of run-benchmarks.ts. */
export function programRows(result: ProgramBenchmarks): string[][] {
  const g = result.goals;
  const verdict = (ok: boolean) => `goal ${ok ? 'PASS' : 'FAIL'}`;
  const n = (x: number) => x.toLocaleString('en');
  const rows: string[][] = [];
  for (const b of [result.pglite, result.postgres]) {
    if (!b) continue;
    const p99 = (what: string, l: Latencies, goal: number, unit: string): string[] => [
      `program: ${what}, ${b.backend}`,
      `p99 ${l.p99Ms} ms (${n(l.count)} ${unit})`,
      `p50 ${l.p50Ms} ms`,
      '',
      `< ${goal} ms`,
      verdict(l.p99Ms < goal && l.errors === 0),
    ];
    rows.push(
      [
        `program: full run of ${n(b.full.organizations)} organizations, ${b.backend}`,
        `${b.full.msPerOrganization} ms/org (${n(b.full.seconds)} s)`,
        `${b.baseline.msPerOrganization} ms/org at ${n(b.baseline.organizations)}`,
        `${b.scaling}×`,
        `≤ ${g.scaling}×`,
        verdict(b.scaling <= g.scaling),
      ],
      p99('/api/health during the run', b.full.health, g.healthP99Ms, 'polls'),
      p99('stored standing during the run', b.full.standing, g.standingP99Ms, 'polls'),
      p99(`operator's page at ${n(b.full.organizations)}`, b.page, g.pageP99Ms, 'requests'),
      [
        `program: counts per level at ${n(b.full.organizations)}, ${b.backend}`,
        `p99 ${b.page.counts.p99Ms} ms (${n(b.page.counts.count)} requests)`,
        `p50 ${b.page.counts.p50Ms} ms`,
        '',
        'none',
        'for scale',
      ],
    );
  }
  const w = result.postgres?.workers;
  if (w) {
    rows.push([
      `program: 2 worker processes vs 1, ${n(w.organizations)} organizations, PostgreSQL`,
      `${Math.max(...w.two)} orgs/s`,
      `${Math.max(...w.one)} orgs/s (--all-cores: ${Math.max(...w.oneAllCores)})`,
      `${w.ratio}×`,
      `≥ ${g.workers}×`,
      verdict(w.ratio >= g.workers),
    ]);
    rows.push([
      '  the same per busy core-second of the machine (workers, PostgreSQL and the server together)',
      `${w.perCoreRatio}×`,
      '',
      '',
      'none',
      'for scale: 1 means the work divides without overhead',
    ]);
  }
  return rows;
}

// `tsx bench/program-benchmarks.ts` runs this benchmark alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchProgram(process.env.DATABASE_URL || process.env.ATTAIN_TEST_DATABASE_URL);
  console.log(JSON.stringify(result, null, 2));
  for (const row of programRows(result)) console.log(row.join('  '));
}
