import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { planLevel } from '../src/planner/plan-level.js';
import { createApp } from '../src/server/create-app.js';
import { forecastReport } from '../src/service/forecast-report.js';
import { levelOutlook } from '../src/service/level-outlook.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

const catalog = await loadShippedCatalog();
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-server-'));
let store: Store;
let app: ReturnType<typeof createApp>;
const tokens: Record<'admin' | 'partner' | 'viewer' | 'other' | 'revoked', string> = {
  admin: '',
  partner: '',
  viewer: '',
  other: '',
  revoked: '',
};

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(dir, 'data') });
  for (const file of ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml']) {
    await store.replaceOrganization(await readOrganizationFile(file), SYSTEM);
  }
  tokens.admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  tokens.partner = (await store.createToken({ role: 'partner', org: 'contoso' }, SYSTEM)).secret;
  tokens.viewer = (await store.createToken({ role: 'viewer', org: 'contoso' }, SYSTEM)).secret;
  tokens.other = (await store.createToken({ role: 'partner', org: 'fabrikam' }, SYSTEM)).secret;
  const revoked = await store.createToken({ role: 'admin', org: null }, SYSTEM);
  await store.revokeToken(revoked.token.id, SYSTEM);
  tokens.revoked = revoked.secret;
  const catalogDocument = JSON.parse(readFileSync('dist/catalogs/mpn-2017.json', 'utf8'));
  app = createApp({ store, catalog, catalogDocument });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Who = keyof typeof tokens | null;
async function call(who: Who, route: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (who) headers.set('authorization', `Bearer ${tokens[who]}`);
  return await app.request(route, { ...init, headers });
}
async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & { error?: { code: string; issues?: unknown[] } };
}

describe('authentication', () => {
  it.each([
    '/api/me',
    '/api/orgs',
    '/api/orgs/contoso',
    '/api/orgs/contoso/evaluation',
    '/api/catalog',
    '/api/tokens',
    '/api/program/organizations',
  ])('%s needs a live token: none, an unknown one or a revoked one get 401', async (route) => {
    for (const response of [
      await call(null, route),
      await app.request(route, { headers: { authorization: 'Bearer att_nope' } }),
      await call('revoked', route),
    ]) {
      expect(response.status).toBe(401);
      expect((await json(response)).error?.code).toMatch(/^auth\./);
    }
  });

  it('health and the API documents are public', async () => {
    expect((await call(null, '/api/health')).status).toBe(200);
    const doc = await json(await call(null, '/api/openapi.json'));
    expect(Object.keys(doc.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/orgs',
        '/api/orgs/{id}',
        '/api/orgs/{id}/imports/{kind}',
        '/api/orgs/{id}/plan',
        '/api/tokens',
      ]),
    );
    expect(await (await call(null, '/api/docs')).text()).toContain('/api/orgs/{id}/forecast');
  });

  it('/api/me says who the token is', async () => {
    expect(await json(await call('partner', '/api/me'))).toMatchObject({ role: 'partner', org: 'contoso' });
  });
});

describe('tenancy: a partner sees only its own organization', () => {
  it('lists only the organizations the token may see', async () => {
    const ids = async (who: Who) =>
      ((await json(await call(who, '/api/orgs'))).organizations as { id: string }[]).map((o) => o.id).sort();
    expect(await ids('admin')).toEqual(['contoso', 'fabrikam']);
    expect(await ids('partner')).toEqual(['contoso']);
    expect(await ids('viewer')).toEqual(['contoso']);
  });

  it.each([
    ['get', '/api/orgs/fabrikam'],
    ['get', '/api/orgs/fabrikam/evaluation'],
    ['get', '/api/orgs/fabrikam/plan?target=cloud-crm/reseller/gold'],
    ['get', '/api/orgs/fabrikam/forecast'],
    ['get', '/api/orgs/fabrikam/outlook'],
    ['get', '/api/orgs/fabrikam/data-dates'],
    ['get', '/api/orgs/fabrikam/history'],
    ['put', '/api/orgs/fabrikam'],
    ['delete', '/api/orgs/fabrikam'],
    ['post', '/api/orgs/fabrikam/imports/exams'],
  ])("another organization's %s %s is 404, exactly as one that does not exist", async (method, route) => {
    const body = method === 'put' || method === 'post' ? '{}' : null;
    const theirs = await call('partner', route, { method: method.toUpperCase(), body });
    const missing = await call('partner', route.replace('fabrikam', 'nobody'), { method: method.toUpperCase(), body });
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await json(theirs)).error?.code).toBe((await json(missing)).error?.code);
  });

  it('a viewer reads its organization but cannot change it (403)', async () => {
    expect((await call('viewer', '/api/orgs/contoso')).status).toBe(200);
    const put = await call('viewer', '/api/orgs/contoso', { method: 'PUT', body: '{}' });
    expect(put.status).toBe(403);
    const del = await call('viewer', '/api/orgs/contoso', { method: 'DELETE' });
    expect(del.status).toBe(403);
  });

  it('only admins see the operator pages and manage tokens', async () => {
    expect((await call('partner', '/api/program/organizations')).status).toBe(403);
    expect((await call('partner', '/api/tokens')).status).toBe(403);
    const page = await json(await call('admin', '/api/program/organizations'));
    expect(page.total).toBe(2);
  });
});

describe('many organizations at once (POST /api/orgs, as attain load through a running server)', () => {
  it('writes the good ones in one transaction, refuses the bad ones with their errors, in the order sent', async () => {
    const good = (id: string) => ({ id, market: 'developed', people: [], customers: [], revenue: [] });
    const bad = { id: 'bulk-bad', market: 'nowhere', people: [] };
    const body = JSON.stringify({ organizations: [good('bulk-1'), bad, good('bulk-2')] });
    const headers = { 'content-type': 'application/json' };
    expect((await call('partner', '/api/orgs', { method: 'POST', body, headers })).status).toBe(403);
    const response = await call('admin', '/api/orgs', { method: 'POST', body, headers });
    expect(response.status).toBe(200);
    const { outcomes } = (await response.json()) as { outcomes: { id: string; status: string; error?: { code: string } }[] };
    expect(outcomes.map((o) => [o.id, o.status])).toEqual([
      ['bulk-1', 'created'],
      ['bulk-bad', 'refused'],
      ['bulk-2', 'created'],
    ]);
    expect(outcomes[1]?.error?.code).toBe('org.invalid');
    expect((await store.getOrganization('bulk-2'))?.id).toBe('bulk-2');
    expect(await store.getOrganization('bulk-bad')).toBeUndefined();
    const again = await call('admin', '/api/orgs', {
      method: 'POST',
      body: JSON.stringify({ organizations: [good('bulk-1')] }),
      headers,
    });
    expect(((await again.json()) as { outcomes: { status: string }[] }).outcomes[0]?.status).toBe('replaced');
    for (const id of ['bulk-1', 'bulk-2']) await store.deleteOrganization(id, SYSTEM);
  });
});

describe('reports are the CLI JSON', () => {
  const asOf = parseDay('2018-03-31') as number;

  it('evaluation: the same JSON as evaluate, and serving it records nothing', async () => {
    const organization = await readOrganizationFile('examples/contoso-dynamics.json');
    const history = async () => (await json(await call('viewer', '/api/orgs/contoso/history'))).snapshots;
    const before = await history();
    const response = await call('partner', '/api/orgs/contoso/evaluation?asOf=2018-03-31');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(JSON.stringify(await evaluateJointly(catalog, organization, { asOf })));
    expect(await history()).toEqual(before);
  });

  it('a served evaluation is answered again only to the same token, and never after a write', async () => {
    const route = '/api/orgs/fabrikam/evaluation?asOf=2018-03-31';
    const first = await call('admin', route);
    expect(first.status).toBe(200);
    const before = await first.text();
    expect(await (await call('admin', route)).text()).toBe(before);
    // The admin's cached answer is not another token's: a partner of contoso still gets 404, a revoked token 401.
    expect((await call('partner', route)).status).toBe(404);
    expect((await call('revoked', route)).status).toBe(401);
    expect((await call(null, route)).status).toBe(401);
    // A write drops it: the next answer is computed from the new data.
    const organization = await readOrganizationFile('examples/fabrikam-ops.yaml');
    const fewer = { ...organizationDocument(organization), people: [] };
    expect((await call('admin', '/api/orgs/fabrikam', { method: 'PUT', body: JSON.stringify(fewer) })).status).toBe(200);
    const after = await (await call('admin', route)).text();
    expect(after).not.toBe(before);
    expect(after).toBe(JSON.stringify(await evaluateJointly(catalog, parseOrganization(fewer, catalog.currency), { asOf })));
    await store.replaceOrganization(organization, SYSTEM);
  });

  it('plan: the same JSON as plan, with exclusions; an unknown target is a 400', async () => {
    const organization = await readOrganizationFile('examples/contoso-dynamics.json');
    const target = 'cloud-business-applications/enterprise-customer-engagement/gold';
    const response = await call('partner', `/api/orgs/contoso/plan?target=${target}&asOf=2018-03-31&exclude=p1&exclude=p2`);
    expect(await response.text()).toBe(
      JSON.stringify(
        await planLevel(catalog, organization, target, { asOf, maxExamsPerPerson: null, exclude: ['p1', 'p2'], noHire: false }),
      ),
    );
    const bad = await call('partner', '/api/orgs/contoso/plan?target=nope/x/y');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.code).toBe('plan.unknown-target');
  });

  it('forecast: the same JSON as forecast, causes in the language asked for', async () => {
    const organization = await readOrganizationFile('examples/contoso-dynamics.json');
    const response = await call('partner', '/api/orgs/contoso/forecast?from=2018-03-31&to=2019-09-30&lang=ko-KR');
    const range = { from: asOf, to: parseDay('2019-09-30') as number };
    expect(await response.text()).toBe(JSON.stringify((await forecastReport(catalog, organization, range, 'ko-KR')).report));
  });

  it('bad dates and numbers are 400 with the parameter named', async () => {
    const response = await call('partner', '/api/orgs/contoso/evaluation?asOf=2018-02-30');
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ code: 'request.parameter', path: 'asOf' });
    const outlook = await call('partner', '/api/orgs/contoso/outlook?asOf=2018-02-30');
    expect(outlook.status).toBe(400);
    expect((await json(outlook)).error).toMatchObject({ code: 'request.parameter', path: 'asOf' });
  });

  it('outlook: the same JSON as levelOutlook', async () => {
    const organization = await readOrganizationFile('examples/contoso-dynamics.json');
    const response = await call('viewer', '/api/orgs/contoso/outlook?asOf=2018-03-31');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(JSON.stringify(await levelOutlook(catalog, organization, asOf)));
  });

  it('data-dates: the last day with a revenue record or an exam pass', async () => {
    expect(await json(await call('viewer', '/api/orgs/contoso/data-dates'))).toEqual({ latest: '2018-03-15' });
  });

  it('says a bad parameter and a refusal in the client’s language', async () => {
    const message = async (who: Who, route: string, language: string) =>
      ((await json(await call(who, route, { headers: { 'accept-language': language } }))).error as unknown as { message: string })
        .message;
    const route = '/api/orgs/contoso/evaluation?asOf=2018-02-30';
    expect(await message('partner', route, 'en')).toBe(
      'asOf must be a date YYYY-MM-DD from 1900-01-01 to 9999-12-31, not "2018-02-30"',
    );
    expect(await message('partner', route, 'zh-TW')).toBe(
      'asOf 必須是 1900-01-01 至 9999-12-31 之間的日期（YYYY-MM-DD），而不是「2018-02-30」',
    );
    expect(await message('partner', route, 'ko-KR')).toBe(
      'asOf는 1900-01-01부터 9999-12-31까지의 날짜(YYYY-MM-DD)여야 합니다(받은 값: "2018-02-30")',
    );
    expect(await message('partner', '/api/orgs/contoso/forecast?atRisk=0', 'ko-KR')).toContain(
      'atRisk는 1 이상의 정수여야 합니다',
    );
    expect(await message('partner', '/api/orgs/fabrikam', 'ko-KR')).toBe('해당 조직이 없거나 이 토큰으로는 볼 수 없습니다');
    expect(await message('partner', '/api/orgs/fabrikam', 'en')).toBe('no organization "fabrikam"');
  });
});

describe('writes', () => {
  it('PUT replaces the organization; a bad body is refused whole with every problem and its path', async () => {
    const document = organizationDocument(await readOrganizationFile('examples/contoso-dynamics.json'));
    const bad = { ...document, people: [{ id: 'x', exams: [{ exam: 'MB2-714', passed: 'soon' }] }], market: 'mars' };
    const refused = await call('partner', '/api/orgs/contoso', { method: 'PUT', body: JSON.stringify(bad) });
    expect(refused.status).toBe(400);
    const paths = (((await json(refused)).error?.issues ?? []) as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.market', '$.people[0].exams[0].passed']));
    expect(await json(await call('partner', '/api/orgs/contoso'))).toEqual(JSON.parse(JSON.stringify(document)));
    const replaced = await call('partner', '/api/orgs/contoso', { method: 'PUT', body: JSON.stringify(document) });
    expect(await json(replaced)).toEqual({ created: false });
    const notJson = await call('partner', '/api/orgs/contoso', { method: 'PUT', body: '{"id":' });
    expect((await json(notJson)).error?.code).toBe('request.json');
  });

  it('imports: dry run writes nothing, a real import lands, the same file again changes nothing', async () => {
    const csv = 'person_id,name,exam,passed\nnew-person,New Person,MB2-716,2018-01-15\n';
    const route = '/api/orgs/contoso/imports/exams';
    const dry = await json(await call('partner', `${route}?dryRun=true`, { method: 'POST', body: csv }));
    expect(dry).toMatchObject({ kind: 'exams', dryRun: true, changed: true });
    const before = await json(await call('partner', '/api/orgs/contoso'));
    expect((before.people as { id: string }[]).some((p) => p.id === 'new-person')).toBe(false);
    expect(await json(await call('partner', route, { method: 'POST', body: csv }))).toMatchObject({ changed: true });
    const after = await json(await call('partner', '/api/orgs/contoso'));
    expect((after.people as { id: string }[]).some((p) => p.id === 'new-person')).toBe(true);
    expect(await json(await call('partner', '/api/orgs/contoso/imports/auto', { method: 'POST', body: csv }))).toMatchObject({
      kind: 'exams',
      changed: false,
    });
  });

  it('a file with bad rows is refused whole, every bad row listed with its line and column', async () => {
    const csv = 'person_id,name,exam,passed\nok,Ok,MB2-716,2018-01-15\nbad,Bad,MB2-716,someday\nbad2,Bad,,2018-01-01\n';
    const before = await call('admin', '/api/orgs/contoso').then(json);
    const refused = await call('partner', '/api/orgs/contoso/imports/exams', { method: 'POST', body: csv });
    expect(refused.status).toBe(400);
    const issues = (await json(refused)).error?.issues as {
      code: string;
      params: { line: number; column: number; rows?: number };
      message: string;
    }[];
    // The last says the two bad rows could be left out (skipInvalid=true) and the good one imported.
    expect(issues.at(-1)).toMatchObject({ code: 'import.rows.skippable', params: { rows: 2 } });
    expect(issues.slice(0, -1).map((i) => i.params.line)).toEqual([3, 4]);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
    expect(await call('admin', '/api/orgs/contoso').then(json)).toEqual(before);
    const unknownKind = await call('partner', '/api/orgs/contoso/imports/spreadsheet', { method: 'POST', body: csv });
    expect((await json(unknownKind)).error?.code).toBe('import.kind.unknown');
  });

  it('bodies over the limit get 413, as JSON', async () => {
    const small = createApp({ store, catalog, bodyLimit: 1024 });
    const response = await small.request('/api/orgs/contoso/imports/revenue', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.partner}` },
      body: 'x'.repeat(4096),
    });
    expect(response.status).toBe(413);
    expect((await json(response)).error?.code).toBe('request.too-large');
  });

  it('tokens: created once by an admin, scoped, and revocable', async () => {
    const noOrg = await call('admin', '/api/tokens', {
      method: 'POST',
      body: JSON.stringify({ role: 'viewer' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(noOrg.status).toBe(400);
    const created = await json(
      await call('admin', '/api/tokens', {
        method: 'POST',
        body: JSON.stringify({ role: 'viewer', org: 'fabrikam', label: 'auditor' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    const secret = created.secret as string;
    const me = await app.request('/api/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(await json(me)).toMatchObject({ role: 'viewer', org: 'fabrikam' });
    const id = (created.token as { id: string }).id;
    expect((await call('admin', `/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request('/api/me', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    expect((await call('admin', '/api/tokens/none', { method: 'DELETE' })).status).toBe(404);
  });

  it('unknown API routes are JSON 404s', async () => {
    const response = await call('admin', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect((await json(response)).error?.code).toBe('route.not-found');
  });
});

describe('fuzzing the API bodies', () => {
  it('arbitrary bodies never crash the server, and a refused one changes nothing', async () => {
    const snapshot = () => call('admin', '/api/orgs/fabrikam').then((r) => r.text());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constantFrom(
            'person_id,name,exam,passed\n',
            'customer_id,product,date,amount,currency,net_new\nc,p,2018-01-01,1e3,USD,yes\n',
            '{"id":"fabrikam","market":"developed","people":[{"id":1}]}',
          ),
        ),
        fc.constantFrom(
          'PUT /api/orgs/fabrikam',
          'POST /api/orgs/fabrikam/imports/auto',
          'POST /api/orgs/fabrikam/imports/revenue',
          'POST /api/tokens',
        ),
        async (body, target) => {
          const [method, route] = target.split(' ') as [string, string];
          const before = await snapshot();
          const response = await call('other', route, { method, body });
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect((await json(response)).error?.code).toBeTypeOf('string');
            expect(await snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('one individual (MCID), one organization', () => {
  const holder = { id: 'mcid-holder', market: 'developed', people: [{ id: 'h1', mcid: 'MC-4242', exams: [] }] };
  const csv = 'person_id,name,exam,passed,mcid\nnew1,Lee,MB2-716,2018-01-10,MC-4242\n';
  const importAs = (who: Who, lang: string) =>
    call(who, `/api/orgs/contoso/imports/exams?lang=${lang}`, { method: 'POST', body: csv });

  beforeAll(async () => {
    const put = await call('admin', '/api/orgs/mcid-holder', { method: 'PUT', body: JSON.stringify(holder) });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await call('admin', '/api/orgs/mcid-holder', { method: 'DELETE' });
  });

  it('tells an admin which organization lists the individual, in each language', async () => {
    for (const [lang, words] of [
      ['en', 'is already in organization "mcid-holder"'],
      ['zh-TW', '已在組織「mcid-holder」中'],
      ['ko-KR', 'MCID "MC-4242"는 이미 "mcid-holder" 조직에 있습니다'],
    ] as const) {
      const response = await importAs('admin', lang);
      expect(response.status).toBe(409);
      const { error } = (await response.json()) as { error: { code: string; message: string; path: string } };
      expect(error.code).toBe('org.mcid.taken');
      expect(error.path).toBe('$.people[0].mcid');
      expect(error.message).toContain(words);
    }
  });

  it('tells a partner only that another organization lists the individual, never which', async () => {
    for (const [lang, words] of [
      ['en', 'is already in another organization'],
      ['zh-TW', '已在另一個組織中'],
      ['ko-KR', '이미 다른 조직에 있습니다'],
    ] as const) {
      const response = await importAs('partner', lang);
      expect(response.status).toBe(409);
      const text = await response.text();
      expect(text).not.toContain('mcid-holder');
      const { error } = JSON.parse(text) as { error: { code: string; message: string } };
      expect(error.code).toBe('org.mcid.taken-elsewhere');
      expect(error.message).toContain(words);
    }
    // The preview (a dry run, which writes nothing) refuses as the write would.
    const preview = await call('partner', '/api/orgs/contoso/imports/exams?dryRun=true', { method: 'POST', body: csv });
    expect(preview.status).toBe(409);
    expect(((await preview.json()) as { error: { code: string } }).error.code).toBe('org.mcid.taken-elsewhere');
    const put = await call('partner', '/api/orgs/contoso', {
      method: 'PUT',
      body: JSON.stringify({ id: 'contoso', market: 'developed', people: [{ id: 'x', mcid: 'MC-4242', exams: [] }] }),
    });
    expect(put.status).toBe(409);
    expect(await put.text()).not.toContain('mcid-holder');
    expect((await call('partner', '/api/orgs/contoso')).status).toBe(200);
  });
});
