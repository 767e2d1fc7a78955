import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from '../bench/generate-organization.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { runToCompletion } from '../src/jobs/run-to-completion.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NEEDS_POSTGRES } from './requirements.js';

/**
 * A worker killed with SIGKILL in the middle of a job: the job must be retried and the run finished. graphile-worker
 * alone would keep the job locked for four hours; attain's workers hand it back within seconds (DeadWorkers).
 * The real `attain worker` process is killed, against real PostgreSQL; nothing is mocked.
 */
const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const SYSTEM = { kind: 'system', id: 'test' } as const;
const AS_OF = '2018-03-31';
const ORGANIZATIONS = 250;

function generated(count = ORGANIZATIONS, size = { people: 40, revenue: 800 }) {
  return Array.from({ length: count }, (_, i) =>
    parseOrganization({ ...generateOrganization({ ...size, seed: 1000 + i }), id: `kill-${i}` }, 'USD'),
  );
}

describe('a process killed mid-run on the embedded store', () => {
  // Enough that the run reports progress (once a second) before it ends: on a quiet machine 300 were evaluated
  // between two reports.
  const count = 1000;
  const dir = mkdtempSync(path.join(tmpdir(), 'attain-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves its jobs to the next process that opens the store, which finishes the run', async () => {
    const store = await openStore({ dataDir: dir });
    // Organizations of the default size: small ones (10 people, 200 records) were all evaluated within the first
    // second of progress once reading an organization got cheaper.
    await store.replaceOrganizations(generated(count), SYSTEM);
    await store.close();
    const child = spawn(process.execPath, ['bin/attain.js', 'run', '--as-of', AS_OF, '--data-dir', dir], {
      env: { ...process.env, ATTAIN_PROGRESS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Killed once it reports some organizations evaluated, not all.
    await new Promise<void>((resolve, reject) => {
      let progress = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        progress += chunk.toString();
        const done = [...progress.matchAll(/evaluated (\d+) of/g)].map((m) => Number(m[1]));
        if (done.some((n) => n > 0 && n < count)) resolve();
      });
      child.once('exit', () => reject(new Error(`attain run ended before it could be killed: ${progress}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const reopened = await openStore({ dataDir: dir });
    try {
      const [killed] = await reopened.program.runs('run');
      expect(killed?.finishedAt).toBeNull();
      const catalog = await loadShippedCatalog();
      const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
      const run = await runToCompletion(reopened, rules, killed?.id as string);
      expect(run).toMatchObject({ total: count, done: count, failed: 0 });
    } finally {
      await reopened.close();
    }
  }, 180_000);
});

if (!DATABASE_URL) {
  it.skip(`a killed worker on PostgreSQL — ${NEEDS_POSTGRES}`, () => undefined);
} else {
  describe('a worker killed mid-job (PostgreSQL)', () => {
    const schema = `kill_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
    let store: SqlStore;
    let worker: ChildProcess | undefined;

    beforeAll(async () => {
      store = await openStore({ databaseUrl: DATABASE_URL, schema });
      await store.replaceOrganizations(generated(), SYSTEM);
      // The writes queued one job each; the run below is what this test is about.
      await sql`delete from ${sql.table(`${store.jobs.schema}._private_jobs`)}`.execute(store.db);
    }, 120_000);

    afterAll(async () => {
      if (worker?.pid !== undefined && worker.exitCode === null && worker.signalCode === null) {
        process.kill(-worker.pid, 'SIGKILL');
      }
      await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
      await sql`drop schema ${sql.id(`${schema}_jobs`)} cascade`.execute(store.db);
      await store.close();
    }, 60_000);

    const lockedJobs = async () =>
      (
        await sql<{ id: string; locked_by: string; attempts: number }>`
          select id, locked_by, attempts from ${sql.table(`${store.jobs.schema}.jobs`)} where locked_by is not null`.execute(
          store.db,
        )
      ).rows;

    it('leaves the job to be retried by another worker, which finishes the run', async () => {
      const catalog = await loadShippedCatalog();
      const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
      const queued = await store.program.startRun({ kind: 'run', asOf: AS_OF, catalog: rules.fingerprint });
      // A process group of its own: `attain worker` runs its jobs in a child process, and a lost machine takes both.
      worker = spawn(process.execPath, ['bin/attain.js', 'worker', '--concurrency', '1', '--no-nightly'], {
        env: { ...process.env, DATABASE_URL, ATTAIN_DATABASE_SCHEMA: schema },
        stdio: 'ignore',
        detached: true,
      });
      // Killed once it holds a batch of organizations and has stored some of them, not all.
      let victim: { id: string; locked_by: string } | undefined;
      for (let waited = 0; victim === undefined; waited += 50) {
        if (waited > 60_000) throw new Error('the worker never took a batch');
        const run = await store.program.run(queued.id);
        const [locked] = await lockedJobs();
        if (locked && run && run.total !== null && run.done > 0) victim = locked;
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const exited = new Promise((resolve) => worker?.once('exit', resolve));
      process.kill(-(worker.pid as number), 'SIGKILL');
      await exited;
      const afterKill = await store.program.run(queued.id);
      expect(afterKill?.finishedAt).toBeNull();
      expect(afterKill?.done).toBeLessThan(ORGANIZATIONS);
      // The dead worker's job is still locked by it: only a live worker can hand it back.
      expect((await lockedJobs()).map((j) => j.locked_by)).toContain(victim.locked_by);

      const run = await runToCompletion(store, rules, queued.id);
      expect(run).toMatchObject({ total: ORGANIZATIONS, done: ORGANIZATIONS, failed: 0 });
      const stored = await sql<{ n: number }>`select count(*)::int as n from evaluations where as_of = ${AS_OF}`.execute(
        store.db,
      );
      expect(stored.rows[0]?.n).toBe(ORGANIZATIONS);
      expect(await lockedJobs()).toEqual([]);
    }, 180_000);
  });
}
