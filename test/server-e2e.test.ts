import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real server, started as users start it, on a fresh embedded store seeded with the examples. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-e2e-'));
let server: ChildProcess;
let url = '';
let token = '';

beforeAll(async () => {
  server = spawn(
    process.execPath,
    ['bin/attain.js', 'serve', '--port', '0', '--data-dir', path.join(dir, 'data'), '--seed-examples'],
    {
      env: { ...process.env, ATTAIN_LOG_LEVEL: 'warn' },
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const u = /serving (http:\/\/\S+)/.exec(out);
      const t = /admin token \(shown once\): (\S+)/.exec(out);
      if (u && t) {
        url = (u[1] as string).replace(/\/$/, '');
        token = t[1] as string;
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}, 90_000);

afterAll(() => {
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const get = async (route: string) => (await fetch(`${url}${route}`, { headers: { authorization: `Bearer ${token}` } })).json();

describe('the server end to end', () => {
  it('imports CSV over HTTP and serves the evaluation that reflects it', async () => {
    const crm = async () => {
      const evaluation = (await get('/api/orgs/contoso/evaluation?asOf=2018-03-31')) as {
        results: { option: string; level: string; requirements: { kind: string; counted?: string }[] }[];
      };
      const gold = evaluation.results.find((r) => r.option === 'reseller' && r.level === 'gold');
      return gold?.requirements.find((r) => r.kind === 'revenue')?.counted;
    };
    const before = await crm();
    const csv = 'customer_id,product,date,amount,currency,net_new\nnorthwind,crm-online,2018-02-01,12345.67,USD,true\n';
    const response = await fetch(`${url}/api/orgs/contoso/imports/revenue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(await response.json()).toMatchObject({ kind: 'revenue', changed: true, dryRun: false });
    const after = await crm();
    expect(Number(after) - Number(before)).toBeCloseTo(12345.67, 2);
    const history = (await get('/api/orgs/contoso/history')) as { snapshots: unknown[] };
    // Serving an evaluation is only a read.
    expect(history.snapshots.length).toBe(0);
  });

  it('answers 401 without a token, and serves its API reference', async () => {
    expect((await fetch(`${url}/api/orgs`)).status).toBe(401);
    expect((await fetch(`${url}/api/docs`)).status).toBe(200);
  });
});
