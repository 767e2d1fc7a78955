import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { type AttainApp, createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

// Forecasts run on worker threads, which run the build: `npm test` builds first.
const catalog = await loadShippedCatalog();
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-hostile-'));
let store: Store;
let app: AttainApp;
let admin = '';

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(dir, 'data') });
  await store.replaceOrganization(await readOrganizationFile('examples/contoso-dynamics.json'), SYSTEM);
  admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  const catalogDocument = JSON.parse(readFileSync('dist/catalogs/mpn-2017.json', 'utf8'));
  app = createApp({ store, catalog, catalogDocument, cacheMs: 0 });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(route: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${admin}`);
  const response = await app.request(route, { ...init, headers });
  const text = await response.text();
  let body: { error?: { code: string; issues?: { code: string; path: string; params: Record<string, unknown> }[] } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the test says what it expected.
  }
  return { status: response.status, body, text };
}

const put = (id: string, body: string | Uint8Array) => call(`/api/orgs/${id}`, { method: 'PUT', body });
const organization = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, market: 'developed', people: [], customers: [], revenue: [], ...extra });
const issueCodes = (r: Awaited<ReturnType<typeof call>>) => r.body.error?.issues?.map((i) => i.code) ?? [];

describe('dates outside 1900-01-01 … 9999-12-31', () => {
  it('refuses asOf=0000-01-01 with a 400, not a 500', async () => {
    const r = await call('/api/orgs/contoso/evaluation?asOf=0000-01-01');
    expect(r.status).toBe(400);
    expect(r.body.error?.issues?.[0]).toMatchObject({ code: 'input.date.range', path: 'asOf' });
  });

  it('refuses an organization with a year-0 date instead of storing one it cannot read back', async () => {
    const r = await put(
      'yearzero',
      organization('yearzero', { people: [{ id: 'p', exams: [{ exam: 'MB2-715', passed: '0000-01-01' }] }] }),
    );
    expect(r.status).toBe(400);
    expect(issueCodes(r)).toEqual(['input.date.range']);
    expect((await call('/api/orgs/yearzero')).status).toBe(404);
  });

  it('refuses any date query parameter before 1900 on every route that takes one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: parseDay('0000-01-01') as number, max: (parseDay('1900-01-01') as number) - 1 }).map(formatDay),
        fc.constantFrom(
          'evaluation?asOf=',
          'forecast?from=',
          'forecast?from=2018-01-01&to=',
          'plan?target=x&asOf=',
          'outlook?asOf=',
        ),
        async (date, route) => {
          const r = await call(`/api/orgs/contoso/${route}${date}`);
          expect(r.status).toBe(400);
          expect(r.body.error?.issues?.[0]).toMatchObject({ code: 'input.date.range', params: { value: date } });
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('forecast ranges and at-risk windows', () => {
  it('refuses a forecast from 9999-12-31 instead of answering a year 10001', async () => {
    const r = await call('/api/orgs/contoso/forecast?from=9999-12-31');
    expect(r.status).toBe(400);
    expect(r.text).not.toContain('+010001');
    expect(issueCodes(r)).toEqual(['forecast.range.reversed']);
  });

  it('refuses atRisk=100000000 and a range longer than ten years with a 400, not a 500', async () => {
    const risk = await call('/api/orgs/contoso/forecast?from=2018-01-01&atRisk=100000000');
    expect(risk.status).toBe(400);
    const long = await call('/api/orgs/contoso/forecast?from=2018-01-01&to=2038-01-01');
    expect(long.status).toBe(400);
    expect(issueCodes(long)).toEqual(['forecast.range.too-long']);
    const late = await call('/api/orgs/contoso/forecast?from=9999-01-01&atRisk=3000');
    expect(late.status).toBe(400);
    expect(issueCodes(late)).toEqual(['input.date.range']);
  });
});

describe('amounts', () => {
  const withAmount = (id: string, amount: string) =>
    organization(id, {
      customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
      revenue: [{ customer: 'c', product: 'crm-online', date: '2017-06-30', amount, currency: 'USD' }],
    });

  it('refuses "1" and 262,144 zeros, 5·10^160000, a scale above 16,383 and a million digits with a code, storing nothing', async () => {
    for (const amount of [
      '1'.padEnd(262_145, '0'),
      `5${'0'.repeat(160_000)}`,
      `0.${'0'.repeat(16_384)}1`,
      '7'.repeat(1_000_000),
    ]) {
      const r = await put('huge', withAmount('huge', amount));
      expect(r.status).toBe(400);
      expect(r.body.error?.issues?.[0]).toMatchObject({ code: 'input.amount.digits', path: '$.revenue[0].amount' });
      expect(r.text.length).toBeLessThan(4096);
    }
    expect((await call('/api/orgs/huge')).status).toBe(404);
  });

  it('refuses a JSON number that a double would change', async () => {
    const r = await put('long', withAmount('long', '0').replace('"amount":"0"', '"amount":12345678901234567890'));
    expect(r.status).toBe(400);
    expect(issueCodes(r)).toEqual(['input.number.inexact']);
  });
});

describe('NUL bytes', () => {
  it('refuses a NUL in a JSON string, an id, a URL and a CSV cell with a code, never a 500', async () => {
    const name = await put('nul', organization('nul', { name: 'A\u0000B' }));
    expect(name.status).toBe(400);
    expect(name.body.error?.issues?.[0]).toMatchObject({ code: 'input.nul' });
    const id = await call('/api/orgs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organizations: [JSON.parse(organization('a\u0000b'))] }),
    });
    expect(id.status).toBe(400);
    expect(issueCodes(id)).toEqual(['input.nul']);
    const url = await call('/api/orgs/a%00b');
    expect(url.status).toBe(400);
    expect(issueCodes(url)).toEqual(['input.nul']);
    const csv = await call('/api/orgs/contoso/imports/customers', { method: 'POST', body: 'customer_id,name\nc9,Ni\u0000ne\n' });
    expect(csv.status).toBe(400);
    expect(csv.body.error?.issues?.[0]).toMatchObject({ code: 'input.nul', params: { line: 2, column: 6 } });
    const token = await call('/api/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin', label: 'x\u0000' }),
    });
    expect(token.status).toBe(400);
  });
});

describe('invalid UTF-8', () => {
  const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

  it('refuses a body that is not UTF-8 at its byte, instead of storing U+FFFD', async () => {
    const body = organization('latin', { name: 'Caf\u00e9' });
    const r = await put('latin', latin1(body));
    expect(r.status).toBe(400);
    expect(r.body.error?.issues?.[0]).toMatchObject({ code: 'input.utf8', params: { offset: body.indexOf('\u00e9') } });
    expect((await call('/api/orgs/latin')).status).toBe(404);
    const csv = await call('/api/orgs/contoso/imports/customers', {
      method: 'POST',
      body: latin1('customer_id,name\nc9,Caf\u00e9\n'),
    });
    expect(csv.status).toBe(400);
    expect(issueCodes(csv)).toEqual(['input.utf8']);
    const many = await call('/api/orgs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: latin1(`{"organizations":[${body}]}`),
    });
    expect(many.status).toBe(400);
    expect(issueCodes(many)).toEqual(['input.utf8']);
  });
});

describe('bounded work per request', () => {
  it('answers a 31 MiB CSV whose header is one unknown column with an error of a few kilobytes', async () => {
    const r = await call('/api/orgs/contoso/imports/revenue', { method: 'POST', body: `${'x'.repeat(31 * 1024 * 1024)}\n1\n` });
    expect(r.status).toBe(400);
    expect(r.text.length).toBeLessThan(4096);
    expect(issueCodes(r)).toEqual(['import.csv.header']);
  });

  it('refuses YAML aliasing one 1 MB string 999 times at once', async () => {
    const yaml = `id: contoso\nmarket: developed\nname: &n ${'x'.repeat(1_000_000)}\npeople:\n${Array.from(
      { length: 999 },
      (_, i) => `  - { id: p${i}, name: *n }`,
    ).join('\n')}\n`;
    const start = performance.now();
    const r = await call('/api/orgs/contoso/imports/org?name=o.yaml', { method: 'POST', body: yaml });
    expect(r.status).toBe(400);
    expect(issueCodes(r)).toEqual(['input.yaml.aliases']);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
