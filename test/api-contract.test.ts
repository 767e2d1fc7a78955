import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { runToCompletion } from '../src/jobs/run-to-completion.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { API_ROUTES } from '../src/server/api-routes.js';
import { createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';

/**
 * The HTTP contract: `/api/openapi.json` describes every route the app serves with real shapes, and what the app
 * really answers, on a real store with the examples evaluated by the real jobs, is what its route declares.
 */
const catalog = await loadShippedCatalog();
const catalogDocument = JSON.parse(readFileSync('dist/catalogs/mpn-2017.json', 'utf8'));
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-contract-'));
let store: SqlStore;
let app: ReturnType<typeof createApp>;
const secrets = { admin: '', partner: '', viewer: '' };
const rules = { catalog, fingerprint: catalogFingerprint(catalog) };

type Route = (typeof API_ROUTES)[keyof typeof API_ROUTES];
type Schemaed = { content?: Record<string, { schema: unknown }> };

beforeAll(async () => {
  store = (await openStore({ dataDir: path.join(dir, 'data') })) as SqlStore;
  for (const file of ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml']) {
    await store.replaceOrganization(await readOrganizationFile(file), SYSTEM);
  }
  secrets.admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  secrets.partner = (await store.createToken({ role: 'partner', org: 'contoso' }, SYSTEM)).secret;
  secrets.viewer = (await store.createToken({ role: 'viewer', org: 'contoso' }, SYSTEM)).secret;
  const queued = await store.program.startRun({ kind: 'run', asOf: '2018-03-31', catalog: rules.fingerprint });
  await runToCompletion(store, rules, queued.id);
  app = createApp({ store, catalog, catalogDocument, cacheMs: 0 });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every schema object in a document, with where it is. */
function* schemasOf(node: unknown, where: string): Generator<{ where: string; schema: Record<string, unknown> }> {
  if (Array.isArray(node)) {
    for (const [k, item] of node.entries()) yield* schemasOf(item, `${where}[${k}]`);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    if (key === 'schema' || key === 'items' || key === 'additionalProperties' || key === 'not') {
      if (typeof value === 'object' && value !== null)
        yield { where: `${where}.${key}`, schema: value as Record<string, unknown> };
    }
    if (key === 'properties' || key === 'schemas' || key === '$defs') {
      for (const [name, schema] of Object.entries(value as object)) {
        yield { where: `${where}.${key}.${name}`, schema: schema as Record<string, unknown> };
      }
    }
    yield* schemasOf(value, `${where}.${key}`);
  }
}

/** A schema that says nothing about its value: `{}` (what `z.any()` and `z.unknown()` become), unless explained. */
function isEmpty(schema: Record<string, unknown>): boolean {
  const says = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'not', 'description'];
  return !says.some((key) => key in schema);
}

async function documentOf(): Promise<{ paths: Record<string, Record<string, Record<string, unknown>>> }> {
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as never;
}

describe('the OpenAPI document', () => {
  it('has no empty schema: every parameter, body, response and error has a shape', async () => {
    const document = await documentOf();
    const empty = [...schemasOf(document, '$')].filter((s) => isEmpty(s.schema)).map((s) => s.where);
    expect(empty).toEqual([]);
  });

  it('gives every operation a success response with content or 204, and its errors with their codes', async () => {
    const document = await documentOf();
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const responses = operation.responses as Record<string, Schemaed>;
        const success = Object.keys(responses).filter((s) => s.startsWith('2'));
        expect(success, `${method} ${route}`).not.toEqual([]);
        for (const status of success) {
          if (status !== '204') expect(responses[status]?.content, `${method} ${route} ${status}`).toBeDefined();
        }
        if (route === '/api/openapi.json' || route === '/api/docs') continue;
        const errors = Object.keys(responses).filter((s) => /^[45]/.test(s));
        expect(errors.length, `${method} ${route}`).toBeGreaterThan(0);
        for (const status of errors) {
          const schema = responses[status]?.content?.['application/json']?.schema as {
            properties?: { error?: { properties?: { code?: { enum?: string[] } } } };
          };
          expect(schema?.properties?.error?.properties?.code?.enum, `${method} ${route} ${status}`).not.toEqual([]);
        }
      }
    }
  });

  it('describes every route the app serves, and serves every route it describes', async () => {
    const document = await documentOf();
    const documented = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
    );
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/*')
      .map((r) => `${r.method} ${r.path.replace(/:([^/]+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('reads the CSV export as text/csv and the parameters with their real types', async () => {
    const document = await documentOf();
    const csv = document.paths['/api/program/organizations.csv']?.get?.responses as Record<string, Schemaed>;
    expect(Object.keys(csv['200']?.content ?? {})).toEqual(['text/csv']);
    const parameters = document.paths['/api/program/organizations']?.get?.parameters as { name: string; schema: object }[];
    expect(parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({ type: 'integer' });
    const forecast = document.paths['/api/orgs/{id}/forecast']?.get?.parameters as { name: string; schema: object }[];
    expect(forecast.find((p) => p.name === 'from')?.schema).toMatchObject({ type: 'string', format: 'date' });
  });
});

type Who = keyof typeof secrets;

/** What the route declares for the status it answered: its JSON schema, or for text its media type. */
function declared(route: Route, status: number): { json?: z.ZodType; media?: string } {
  const response = (route.responses as Record<number, Schemaed | undefined>)[status];
  if (!response) throw new Error(`${route.method} ${route.path} does not declare status ${status}`);
  const json = response.content?.['application/json']?.schema as z.ZodType | undefined;
  if (json) return { json };
  return { media: Object.keys(response.content ?? {})[0] ?? 'none' };
}

/** Calls a route as `who` and checks the answer against what the route declares for the status; returns the body. */
async function check(
  name: keyof typeof API_ROUTES,
  url: string,
  options: { who?: Who | null; method?: string; body?: string; type?: string; status?: number } = {},
): Promise<unknown> {
  const route = API_ROUTES[name];
  const headers = new Headers();
  const who = options.who === undefined ? 'admin' : options.who;
  if (who) headers.set('authorization', `Bearer ${secrets[who]}`);
  if (options.type) headers.set('content-type', options.type);
  const response = await app.request(url, {
    method: options.method ?? route.method.toUpperCase(),
    headers,
    ...(options.body !== undefined && { body: options.body }),
  });
  if (options.status !== undefined) expect(response.status, `${name} ${url}`).toBe(options.status);
  const { json, media } = declared(route, response.status);
  if (json) {
    const body: unknown = await response.json();
    const result = json.safeParse(body);
    expect(
      result.success ? [] : result.error.issues,
      `${name} ${url} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
    ).toEqual([]);
    return body;
  }
  if (media === 'none') expect(await response.text()).toBe('');
  else expect(response.headers.get('content-type')).toContain(media);
  return await response.text();
}

describe('real answers validate against their declared schemas', () => {
  it('service routes', async () => {
    await check('health', '/api/health', { who: null, status: 200 });
    await check('ready', '/api/ready', { who: null, status: 200 });
    await check('me', '/api/me', { who: 'partner', status: 200 });
    await check('catalog', '/api/catalog', { status: 200 });
  });

  it('organizations, their files and imports', async () => {
    await check('org.list', '/api/orgs', { status: 200 });
    const document = await check('org.get', '/api/orgs/contoso', { status: 200 });
    await check('org.replace', '/api/orgs/contoso', { body: JSON.stringify(document), type: 'application/json', status: 200 });
    const csv = 'person_id,name,exam,passed\nnew-person,New Person,MB2-716,2018-01-15\n';
    await check('org.import', '/api/orgs/contoso/imports/exams?dryRun=true', { body: csv, type: 'text/csv', status: 200 });
    await check('org.load', '/api/orgs', {
      body: JSON.stringify({
        organizations: [{ id: 'acme', market: 'developed', people: [], customers: [], revenue: [] }, { id: 'x' }],
      }),
      type: 'application/json',
      status: 200,
    });
    await check('org.delete', '/api/orgs/acme', { status: 204 });
  });

  it('evaluation, plan, forecast and the levels at risk', async () => {
    await check('report.evaluation', '/api/orgs/contoso/evaluation?asOf=2018-03-31', { status: 200 });
    await check('report.plan', '/api/orgs/contoso/plan?target=cloud-crm/reseller/gold&asOf=2018-03-31', { status: 200 });
    await check('report.forecast', '/api/orgs/contoso/forecast?from=2018-03-31&to=2019-03-31&lang=ko-KR', { status: 200 });
    await check('report.forecast', '/api/orgs/contoso/forecast?from=2018-03-31&atRisk=365', { status: 200 });
  });

  it('the program: pages, counts, CSV, runs, impacts, standings, transitions, awards and overrides', async () => {
    await check('program.page', '/api/program/organizations?sort=attained&desc=true&limit=10', { status: 200 });
    const csv = await check('program.csv', '/api/program/organizations.csv?status=attained', { status: 200 });
    expect(String(csv).split('\r\n')[0]).toMatch(/^org_id,name,market/);
    await check('program.counts', '/api/program/counts', { status: 200 });
    const run = (await check('program.startRun', '/api/program/runs?asOf=2018-03-31', { status: 202 })) as { id: string };
    await check('program.run', `/api/program/runs/${run.id}`, { status: 200 });
    await check('program.runs', '/api/program/runs', { status: 200 });
    const draft = readFileSync('examples/drafts/crm-gold-600k.yaml', 'utf8');
    const impact = (await check('program.startImpact', '/api/program/impacts?asOf=2018-03-31&name=crm-gold-600k.yaml', {
      body: draft,
      type: 'application/yaml',
      status: 202,
    })) as { id: string };
    // Worked to the end, so that the report has changes to check.
    await runToCompletion(store, rules, impact.id);
    const report = (await check('program.impact', `/api/program/impacts/${impact.id}`, { status: 200 })) as {
      changes: unknown[];
    };
    expect(report.changes.length).toBeGreaterThan(0);
    await check('program.impacts', '/api/program/impacts', { status: 200 });
    await check('program.standing', '/api/orgs/contoso/standing', { status: 200 });
    await check('program.transitions', '/api/orgs/contoso/transitions?limit=5', { status: 200 });
    const level = { competency: 'cloud-crm', option: 'reseller', level: 'silver' };
    const json = 'application/json';
    await check('program.award', '/api/orgs/contoso/awards', {
      body: JSON.stringify({ ...level, awarded: '2017-06-01' }),
      type: json,
      status: 204,
    });
    await check('program.override', '/api/orgs/contoso/overrides', {
      body: JSON.stringify({ ...level, status: 'active', until: '2018-12-31', reason: 'contract' }),
      type: json,
      status: 204,
    });
  });

  it('alert subscriptions and their send log', async () => {
    const json = 'application/json';
    const hook = { org: 'contoso', url: 'https://hooks.example.invalid/attain', events: ['at-risk'], leadDays: 45 };
    const created = (await check('alerts.create', '/api/alerts', { body: JSON.stringify(hook), type: json, status: 201 })) as {
      subscription: { id: string };
    };
    const id = created.subscription.id;
    await check('alerts.list', '/api/alerts', { who: 'partner', status: 200 });
    await check('alerts.update', `/api/alerts/${id}`, { body: '{"leadDays":60}', type: json, status: 200 });
    await check('alerts.rotate', `/api/alerts/${id}/secret`, { status: 200 });
    const log = (await check('alerts.deliveries', '/api/alerts/deliveries?limit=5', { status: 200 })) as {
      deliveries: unknown[];
    };
    expect(log.deliveries.length).toBeGreaterThan(0);
    await check('alerts.create', '/api/alerts', { body: JSON.stringify({ ...hook, url: 'ftp://x' }), type: json, status: 400 });
    await check('alerts.create', '/api/alerts', { who: 'viewer', body: JSON.stringify(hook), type: json, status: 403 });
    await check('alerts.list', '/api/alerts?org=fabrikam', { who: 'partner', status: 404 });
    await check('alerts.remove', `/api/alerts/${id}`, { status: 204 });
    await check('alerts.remove', `/api/alerts/${id}`, { status: 404 });
  });

  it("the data page's records: a page of people, customers and revenue, with what does not count and why", async () => {
    const people = (await check('records.people', '/api/orgs/fabrikam/people?asOf=2018-03-31&sort=id&desc=true&limit=2', {
      status: 200,
    })) as { total: number; matched: number; warnings: number; notCounting: number; rows: { id: string; index: number }[] };
    expect(people).toMatchObject({ total: 8, matched: 8, offset: 0, limit: 2, warnings: 2, notCounting: 2 });
    expect(people.rows.map((p) => [p.id, p.index])).toEqual([
      ['f8', 7],
      ['f7', 6],
    ]);
    // Only the passes that do not count, each with the evaluation's warning on it.
    const counted = (await check('records.people', '/api/orgs/fabrikam/people?asOf=2018-03-31&notCounting=true', {
      status: 200,
    })) as { matched: number; rows: { exams: { exam: string; warnings: { code: string }[] }[] }[] };
    expect(counted.matched).toBe(counted.rows.length);
    const warned = counted.rows.flatMap((p) => p.exams.filter((e) => e.warnings.length > 0).map((e) => e.exam));
    expect(warned.sort()).toEqual(['MB6-705', 'MB6-894']);
    const revenue = (await check('records.revenue', '/api/orgs/contoso/revenue?asOf=2018-03-31&q=tailspin&sort=amount', {
      status: 200,
    })) as { matched: number; rows: { customerName: string; amount: string; notCounted: string | null }[] };
    expect(revenue.rows.map((r) => [r.customerName, r.amount, r.notCounted])).toContainEqual([
      'Tailspin Toys',
      '40000',
      'not-associated',
    ]);
    const amounts = revenue.rows.map((r) => Number(r.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    await check('records.customers', '/api/orgs/contoso/customers?asOf=2019-03-01&notCounting=true', { status: 200 });
    // A partner pages its own organization only; another is not found, as if it did not exist.
    await check('records.revenue', '/api/orgs/contoso/revenue?offset=4&limit=2', { who: 'partner', status: 200 });
    await check('records.people', '/api/orgs/fabrikam/people', { who: 'partner', status: 404 });
    await check('records.people', '/api/orgs/contoso/people?sort=amount', { status: 400 });
    await check('records.revenue', '/api/orgs/contoso/revenue?limit=0', { status: 400 });
  });

  it('people two organizations claim: an admin sees the organizations, a partner may not ask', async () => {
    const shared = { id: 'shared', name: 'Shared Person', email: 'Shared@Example.com', exams: [] };
    const write = (id: string, people: unknown[]) =>
      app.request(`/api/orgs/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${secrets.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id, market: 'developed', people, customers: [], revenue: [] }),
      });
    expect((await write('claim-one', [{ ...shared, mcid: 'MC-77' }])).status).toBe(200);
    expect((await write('claim-two', [{ ...shared, email: 'shared@example.com' }])).status).toBe(200);
    expect((await write('claim-three', [{ id: 'x', mcid: 'MC-77', exams: [] }])).status).toBe(409);
    const page = (await check('people.claimedTwice', '/api/people/claimed-twice?limit=10', { status: 200 })) as {
      total: number;
      rows: { kind: string; identity: string; claims: { status: string; org: string }[] }[];
    };
    expect(page.rows.map((r) => [r.kind, r.identity, r.claims.map((c) => `${c.status} ${c.org}`)])).toEqual([
      ['mcid', 'MC-77', ['listed claim-one', 'refused claim-three']],
      ['email', 'shared@example.com', ['listed claim-one', 'listed claim-two']],
    ]);
    await check('people.claimedTwice', '/api/people/claimed-twice', { who: 'partner', status: 403 });
    await check('people.claimedTwice', '/api/people/claimed-twice?limit=0', { status: 400 });
    for (const id of ['claim-one', 'claim-two'])
      await app.request(`/api/orgs/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${secrets.admin}` } });
  });

  it('tokens and the audit log', async () => {
    const created = (await check('token.create', '/api/tokens', {
      body: JSON.stringify({ role: 'viewer', org: 'fabrikam', label: 'contract' }),
      type: 'application/json',
      status: 200,
    })) as { token: { id: string } };
    await check('token.list', '/api/tokens', { status: 200 });
    await check('token.revoke', `/api/tokens/${created.token.id}`, { status: 204 });
    await check('audit.log', '/api/audit?limit=5', { status: 200 });
  });

  it('errors answer a code the route declares for that status', async () => {
    await check('me', '/api/me', { who: null, status: 401 });
    await check('org.get', '/api/orgs/nobody', { status: 404 });
    await check('org.replace', '/api/orgs/contoso', { who: 'viewer', body: '{}', status: 403 });
    await check('org.replace', '/api/orgs/contoso', { body: '{"id":"other"}', status: 400 });
    await check('org.replace', '/api/orgs/contoso', { body: 'not json', status: 400 });
    await check('org.import', '/api/orgs/contoso/imports/nonsense', { body: 'a,b\n', status: 400 });
    await check('org.import', '/api/orgs/contoso/imports/exams', {
      body: 'person_id,name,exam,passed\nbad,Bad,MB2-716,someday\n',
      status: 400,
    });
    await check('report.evaluation', '/api/orgs/contoso/evaluation?asOf=2018-02-30', { status: 400 });
    await check('report.evaluation', '/api/orgs/contoso/evaluation?asOf=0017-01-01', { status: 400 });
    await check('report.plan', '/api/orgs/contoso/plan?target=nope/nope/nope', { status: 400 });
    await check('report.plan', '/api/orgs/contoso/plan?target=cloud-crm/reseller/gold&maxExamsPerPerson=-1', { status: 400 });
    await check('report.forecast', '/api/orgs/contoso/forecast?atRisk=0', { status: 400 });
    await check('program.page', '/api/program/organizations', { who: 'partner', status: 403 });
    await check('program.page', '/api/program/organizations?limit=0', { status: 400 });
    await check('program.run', '/api/program/runs/999999', { status: 404 });
    await check('program.startRun', '/api/program/runs?asOf=tomorrow', { status: 400 });
    await check('program.award', '/api/orgs/contoso/awards', { body: '{', type: 'application/json', status: 400 });
    await check('token.revoke', '/api/tokens/nope', { status: 404 });
    await check('audit.log', '/api/audit?before=x', { status: 400 });
  });

  it('a bad parameter is refused with its own coded issue, read by the schema', async () => {
    const body = (await check('report.evaluation', '/api/orgs/contoso/evaluation?asOf=2018-02-30', { status: 400 })) as {
      error: { code: string; path: string; issues: { code: string; params: object }[] };
    };
    expect(body.error).toMatchObject({ code: 'request.parameter', path: 'asOf' });
    expect(body.error.issues[0]).toMatchObject({ code: 'request.parameter', params: { name: 'asOf', value: '2018-02-30' } });
    const range = (await check('report.evaluation', '/api/orgs/contoso/evaluation?asOf=0017-01-01', { status: 400 })) as {
      error: { issues: { code: string }[] };
    };
    expect(range.error.issues[0]?.code).toBe('input.date.range');
    const award = (await check('program.award', '/api/orgs/contoso/awards', {
      body: JSON.stringify({ competency: 'cloud-crm', option: 'reseller', level: 'silver', awarded: '2018-02-30' }),
      type: 'application/json',
      status: 400,
    })) as { error: { code: string; path: string } };
    expect(award.error).toMatchObject({ code: 'request.parameter', path: 'awarded' });
  });
});
