import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { type ServeProcess, startServe } from './serve-process.js';

/** The real server, started as users start it, on a fresh embedded store seeded with the examples. */
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-e2e-'));
let server: ServeProcess;
let url = '';
let token = '';

beforeAll(async () => {
  server = await startServe(path.join(dir, 'data'), { args: ['--seed-examples'] });
  url = server.url;
  token = server.adminToken as string;
}, 90_000);

afterAll(async () => {
  await server.stop();
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
  });

  it('answers 401 without a token, and serves its API reference', async () => {
    expect((await fetch(`${url}/api/orgs`)).status).toBe(401);
    expect((await fetch(`${url}/api/docs`)).status).toBe(200);
  });
});

describe('the command line while the server holds the embedded store', () => {
  const data = path.join(dir, 'data');
  const cli = (...args: string[]) => runCli([...args, '--data-dir', data]);

  it('manages tokens through the server', async () => {
    const created = await cli('token', 'create', '--role', 'viewer', '--org', 'contoso', '--label', 'from the cli');
    expect(created.status).toBe(0);
    const secret = created.stdout.trim();
    const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(await me.json()).toMatchObject({ role: 'viewer', org: 'contoso' });
    const listed = await cli('token', 'list');
    const id = listed.stdout
      .split('\n')
      .find((line) => line.endsWith('from the cli'))
      ?.split('\t')[0] as string;
    expect((await cli('token', 'revoke', id)).stdout).toBe(`revoked ${id}\n`);
    expect((await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    expect((await cli('token', 'revoke', id)).status).toBe(2);
  });

  it('evaluates a stored organization exactly as its file', async () => {
    const stored = await cli('evaluate', '--org', 'contoso', '--as-of', '2018-03-31', '--format', 'json');
    const file = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-03-31', '--format', 'json']);
    expect(stored.status).toBe(0);
    // The import of the first test added revenue to the stored one: the statuses agree, the amounts need not.
    const statuses = (text: string) => (JSON.parse(text) as { results: { status: string }[] }).results.map((r) => r.status);
    expect(statuses(stored.stdout)).toEqual(statuses(file.stdout));
    const missing = await cli('evaluate', '--org', 'nobody');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no organization "nobody"/);
  });

  it('loads many organizations through the server, refusing the bad ones as on the store', async () => {
    const file = path.join(dir, 'many.ndjson');
    const good = (id: string) => JSON.stringify({ id, market: 'developed', people: [], customers: [], revenue: [] });
    writeFileSync(file, [good('many-1'), '{"id":"many-bad","market":"mars"}', good('many-2'), good('many-1')].join('\n'));
    const loaded = await cli('load', file, '--format', 'json');
    expect(loaded.status).toBe(2);
    const { summary, organizations } = JSON.parse(loaded.stdout) as {
      summary: { created: number; refused: number };
      organizations: { id: string; status: string; line: number; error?: { code: string } }[];
    };
    expect(summary).toMatchObject({ created: 2, refused: 2 });
    // Refusals are reported as they are read, written organizations as their batch lands.
    const byLine = [...organizations].sort((a, b) => a.line - b.line);
    expect(byLine.map((o) => [o.line, o.id, o.status, o.error?.code])).toEqual([
      [1, 'many-1', 'created', undefined],
      [2, null, 'refused', 'org.invalid'],
      [3, 'many-2', 'created', undefined],
      [4, 'many-1', 'refused', 'load.duplicate'],
    ]);
    expect(((await get('/api/orgs/many-2')) as { id: string }).id).toBe('many-2');
  });

  it('imports, runs the program and reports an impact through the server, which does the work', async () => {
    const dry = await cli('import', 'examples/contoso-dynamics.json', '--org', 'contoso', '--dry-run', '--format', 'json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true });
    // A kind of the program's other data, through the server and its store: the subscriptions land and read back.
    const report = await cli(
      'import',
      'examples/imports/contoso-partner-center-subscriptions.csv',
      '--org',
      'contoso',
      '--format',
      'json',
    );
    expect(report.status).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({
      kind: 'partner-center-subscriptions',
      summary: { subscriptions: { added: 4 } },
    });
    const stored = (await get('/api/orgs/contoso')) as { subscriptions?: { id: string; trial?: boolean }[] };
    expect(stored.subscriptions?.map((s) => s.trial ?? false)).toEqual([false, true, false, false]);
    const run = await cli('run', '--as-of', '2018-03-31', '--format', 'json');
    expect(run.status).toBe(0);
    const ran = JSON.parse(run.stdout) as { run: { done: number; failed: number }; levels: { attained: number }[] };
    // The examples, and the two organizations loaded above.
    expect(ran.run).toMatchObject({ done: 4, failed: 0 });
    const standing = (await get('/api/orgs/contoso/standing')) as { asOf: string };
    expect(standing.asOf).toBe('2018-03-31');
    const impact = await cli(
      'impact',
      '--catalog',
      'examples/drafts/crm-gold-600k.yaml',
      '--as-of',
      '2018-03-31',
      '--format',
      'json',
    );
    expect(impact.status).toBe(0);
    expect(JSON.parse(impact.stdout).changes).toContainEqual(
      expect.objectContaining({ org: 'contoso', level: 'gold', before: 'attained', after: 'not-attained' }),
    );
    const other = await cli('run', '--catalog', 'catalogs/mpn-2017.yaml');
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('[cli.server.option]');
    const worker = await cli('worker');
    expect(worker.status).toBe(2);
    expect(worker.stderr).toContain('[cli.server.jobs]');
  });

  it('when the server stops, its token is revoked, its address removed, and the store opens directly again', async () => {
    expect(existsSync(path.join(data, 'server.json'))).toBe(true);
    await server.stop();
    expect(existsSync(path.join(data, 'server.json'))).toBe(false);
    const listed = await cli('token', 'list');
    expect(listed.stdout).toMatch(/\trevoked [^\t]+\tattain serve: command lines on this machine/);
    expect(listed.stdout).not.toMatch(/\tlive\tattain serve: command lines/);
    expect((await cli('evaluate', '--org', 'fabrikam', '--as-of', '2018-03-31')).status).toBe(0);
  });
});
