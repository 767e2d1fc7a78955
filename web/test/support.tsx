import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { type RunningJobs, startJobs } from '../../src/jobs/start-jobs.js';
import { ComputePool } from '../../src/server/compute/compute-pool.js';
import { type AttainApp, createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { devCatalog, queuedJobs, seedDevStore } from '../dev/dev-store.js';
import { App } from '../src/app.js';

/**
 * The dashboard's tests run against the real API: `createApp` over an embedded store (PGlite) holding the examples,
 * its evaluations, plans and forecasts computed by the server's own threads, its runs, imports and re-evaluations
 * done by the real jobs. No second implementation of any route.
 */

/** In memory where the system has it (tmpfs): the stores are many and short-lived. */
const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const { catalog, document, rules } = devCatalog();

/**
 * A seeded store takes seconds to create (PostgreSQL's initdb, in WASM) and a copy of one under a second to open:
 * each test file seeds once per program day, and each test works on its own copy.
 */
const bases = new Map<string, Promise<{ readonly dir: string; readonly secrets: Readonly<Record<string, string>> }>>();
function baseFor(programAsOf: string | null) {
  const key = programAsOf ?? 'never';
  let base = bases.get(key);
  if (!base) {
    const dir = mkdtempSync(path.join(SCRATCH, 'attain-web-base-'));
    base = seedDevStore(dir, { programAsOf }).then((secrets) => ({ dir, secrets }));
    bases.set(key, base);
  }
  return base;
}

let pool: ComputePool | undefined;
const DEFAULT_PROGRAM_AS_OF = '2018-03-31';

// Seeded before the tests, under its own time limit: on a busy machine it takes longer than one test may.
beforeAll(async () => {
  await baseFor(DEFAULT_PROGRAM_AS_OF);
}, 180_000);

/** The API as a test prepares it before the page starts: the real app, reached with development token names. */
export interface TestApi {
  /** A request to the real app; `Bearer dev-admin` and the other development names stand for their real tokens. */
  request(url: string, init?: RequestInit): Promise<Response>;
  readonly store: SqlStore;
}

/** Every request the app made, as `METHOD path?query`. */
export interface ApiLog {
  readonly calls: string[];
}

interface Live {
  readonly dir: string;
  readonly store: SqlStore;
  readonly app: AttainApp;
  jobs: Promise<RunningJobs> | undefined;
  closed: boolean;
}
let live: Live | undefined;

/** Runs the program as of a day through the API, and waits until the jobs have finished it and what it queued. */
export async function runProgram(api: TestApi, asOf: string): Promise<void> {
  const headers = { authorization: 'Bearer dev-admin' };
  const run = (await (await api.request(`/api/program/runs?asOf=${asOf}`, { method: 'POST', headers })).json()) as { id: string };
  for (let i = 0; ; i++) {
    const state = (await (await api.request(`/api/program/runs/${run.id}`, { headers })).json()) as { finishedAt: string | null };
    if (state.finishedAt !== null) break;
    if (i > 300) throw new Error(`run ${run.id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await settled(api.store);
}

/** Waits until no job is queued or running: a write's re-evaluation has been stored. */
async function settled(store: SqlStore): Promise<void> {
  for (let i = 0; (await queuedJobs(store)) > 0; i++) {
    if (i > 300) throw new Error('the jobs did not finish');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Renders the whole dashboard at a path, signed in with a development token, against the real API on a store of its
 * own, in place of `fetch`.
 */
export async function renderApp(options: {
  path: string;
  token?: string | null;
  locale?: string;
  /** The day the stored standings are as of (the program run by the jobs); null: never run (pending). */
  programAsOf?: string | null;
  /** Prepares the API before the app starts (runs as of another day, imports); the jobs it queues are waited for. */
  before?: (api: TestApi) => Promise<void>;
}): Promise<ApiLog> {
  const base = await baseFor(options.programAsOf === undefined ? DEFAULT_PROGRAM_AS_OF : options.programAsOf);
  const dir = mkdtempSync(path.join(SCRATCH, 'attain-web-'));
  cpSync(base.dir, dir, { recursive: true });
  const store = (await openStore({ dataDir: dir })) as SqlStore;
  pool ??= new ComputePool({ catalog: { document }, threads: 1 });
  const app = createApp({ store, catalog, catalogDocument: document, compute: pool, cacheMs: 0 });
  const state: Live = { dir, store, app, jobs: undefined, closed: false };
  live = state;
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    if (state.closed) return new Response(null, { status: 503 });
    const headers = new Headers(init.headers);
    const name = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
    if (name !== undefined && base.secrets[name] !== undefined) headers.set('authorization', `Bearer ${base.secrets[name]}`);
    const response = await app.request(url, { ...init, headers });
    // A write queues work (a re-evaluation, a run, an impact): from then on the jobs run, as beside `attain serve`.
    if ((init.method ?? 'GET') !== 'GET' && !state.closed) state.jobs ??= startJobs(store, { rules }, { nightly: false });
    return response;
  };
  const api: TestApi = { request, store };
  if (options.before) {
    await options.before(api);
    if (state.jobs) await settled(store);
  }
  const log: ApiLog = { calls: [] };
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    log.calls.push(`${init?.method ?? 'GET'} ${input}`);
    return request(input, init);
  });
  window.localStorage.clear();
  if (options.token !== null) window.localStorage.setItem('attain.token', options.token ?? 'dev-admin');
  if (options.locale) window.localStorage.setItem('attain.locale', options.locale);
  window.history.replaceState(null, '', options.path);
  render(<App />);
  return log;
}

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  const state = live;
  live = undefined;
  if (!state) return;
  state.closed = true;
  await (await state.jobs)?.stop();
  await state.app.close();
  await state.store.close();
  rmSync(state.dir, { recursive: true, force: true });
});

afterAll(async () => {
  await pool?.close();
  pool = undefined;
  for (const base of bases.values()) rmSync((await base).dir, { recursive: true, force: true });
  bases.clear();
});
