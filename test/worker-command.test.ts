import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { organization as randomOrganization } from './arbitraries.js';

const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const bin = fileURLToPath(new URL('../bin/attain.js', import.meta.url));
const SYSTEM = { kind: 'system', id: 'test' } as const;

/** `attain worker` against the schema, as a user starts it; resolves once it says it is running jobs. */
async function startWorker(schema: string, ...args: string[]): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [bin, 'worker', '--no-nightly', ...args], {
    env: { ...process.env, DATABASE_URL, ATTAIN_DATABASE_SCHEMA: schema },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: worker.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (line.startsWith('attain worker: running jobs')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`attain worker exited (${code}) before it was ready`)));
  });
  return worker;
}

/** The processes the given one started (Linux `ps`). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(DATABASE_URL === undefined)('attain worker (PostgreSQL)', () => {
  const schema = `worker_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  let store: SqlStore;
  beforeAll(async () => {
    store = await openStore({ databaseUrl: DATABASE_URL as string, schema });
    const documents = fc.sample(randomOrganization, { seed: 3, numRuns: 12 });
    for (const [i, d] of documents.entries()) {
      await store.replaceOrganization(parseOrganization({ ...d, id: `w-${i}` }, 'USD'), SYSTEM);
    }
  }, 60_000);
  afterAll(async () => {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await sql`drop schema ${sql.id(`${schema}_jobs`)} cascade`.execute(store.db);
    await store.close();
  }, 60_000);

  it('runs the jobs in a process of its own on one core, and stops with it on SIGTERM', async () => {
    const worker = await startWorker(schema);
    const [child] = childrenOf(worker.pid as number);
    expect(child).toBeDefined();
    const flags = execFileSync('ps', ['-o', 'args=', '-p', String(child)], { encoding: 'utf8' });
    expect(flags).toContain('--single-threaded-gc');
    const catalog = await loadShippedCatalog();
    const run = await store.program.startRun({ kind: 'run', asOf: '2018-03-31', catalog: catalogFingerprint(catalog) });
    await until(async () => (await store.program.run(run.id))?.finishedAt != null, 60_000);
    expect(await store.program.run(run.id)).toMatchObject({ total: 12, done: 12 });
    const exited = new Promise((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until(() => !alive(child as number), 10_000);
  }, 90_000);

  it('with --all-cores, runs the jobs in its own process with V8 as it starts', async () => {
    const worker = await startWorker(schema, '--all-cores');
    expect(childrenOf(worker.pid as number)).toEqual([]);
    const catalog = await loadShippedCatalog();
    const run = await store.program.startRun({ kind: 'run', asOf: '2018-03-30', catalog: catalogFingerprint(catalog) });
    await until(async () => (await store.program.run(run.id))?.finishedAt != null, 60_000);
    expect(await store.program.run(run.id)).toMatchObject({ total: 12, done: 12 });
    const exited = new Promise((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);

  it('ends by itself when the process that started it is killed', async () => {
    const worker = await startWorker(schema);
    const [child] = childrenOf(worker.pid as number);
    expect(child).toBeDefined();
    worker.kill('SIGKILL');
    await until(() => !alive(child as number), 15_000);
  }, 60_000);
});
