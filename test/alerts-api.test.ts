import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { runToCompletion } from '../src/jobs/run-to-completion.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';

const catalog = await loadShippedCatalog();
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-alerts-api-'));
let store: SqlStore;
let app: ReturnType<typeof createApp>;
const tokens = { admin: '', partner: '', viewer: '', other: '' };
type Who = keyof typeof tokens;

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(dir, 'data') });
  for (const file of ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml']) {
    await store.replaceOrganization(await readOrganizationFile(file), SYSTEM);
  }
  tokens.admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  tokens.partner = (await store.createToken({ role: 'partner', org: 'contoso' }, SYSTEM)).secret;
  tokens.viewer = (await store.createToken({ role: 'viewer', org: 'contoso' }, SYSTEM)).secret;
  tokens.other = (await store.createToken({ role: 'partner', org: 'fabrikam' }, SYSTEM)).secret;
  const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
  await runToCompletion(
    store,
    rules,
    (await store.program.startRun({ kind: 'run', asOf: '2018-03-31', catalog: rules.fingerprint })).id,
  );
  // No jobs run while these tests do: deliveries stay queued, and nothing is posted anywhere.
  app = createApp({ store, catalog, cacheMs: 0, alertHttpHosts: ['127.0.0.1'] });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(who: Who, method: string, url: string, body?: unknown, language?: string) {
  const headers = new Headers({ authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' });
  if (language) headers.set('accept-language', language);
  const response = await app.request(url, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

const HOOK = { url: 'https://hooks.example.invalid/attain', events: ['at-risk', 'lapse'], leadDays: 45 };

describe('alert subscriptions through the API', () => {
  let partnerSub: string;
  let otherSub: string;
  let operatorSub: string;

  it('subscribes a partner to its own organization, shows the secret once, and queues what is already due', async () => {
    const created = await call('partner', 'POST', '/api/alerts', HOOK);
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.subscription).toMatchObject({ org: 'contoso', leadDays: 45, enabled: true });
    partnerSub = (created.body.subscription as { id: string }).id;
    const listed = await call('partner', 'GET', '/api/alerts');
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    // Contoso's Cloud CRM Gold is lost on 2018-04-30, within 45 days of the stored standing's 2018-03-31.
    const log = await call('partner', 'GET', '/api/alerts/deliveries');
    expect(log.body.deliveries).toMatchObject([
      { subscription: partnerSub, event: 'at-risk', org: 'contoso', level: 'gold', date: '2018-04-30', status: 'pending' },
    ]);
    otherSub = ((await call('other', 'POST', '/api/alerts', HOOK)).body.subscription as { id: string }).id;
    const operator = await call('admin', 'POST', '/api/alerts', { ...HOOK, org: null });
    expect(operator.status).toBe(201);
    operatorSub = (operator.body.subscription as { id: string }).id;
  });

  it("keeps each organization to its own: another organization's subscriptions and sends stay out of sight", async () => {
    const mine = (await call('partner', 'GET', '/api/alerts')).body.subscriptions as { id: string }[];
    expect(mine.map((s) => s.id)).toEqual([partnerSub]);
    expect((await call('viewer', 'GET', '/api/alerts')).body.subscriptions).toHaveLength(1);
    expect((await call('partner', 'GET', '/api/alerts?org=fabrikam')).status).toBe(404);
    const log = (await call('partner', 'GET', '/api/alerts/deliveries')).body.deliveries as { subscription: string }[];
    expect(log.every((d) => d.subscription === partnerSub)).toBe(true);
    expect((await call('partner', 'GET', `/api/alerts/deliveries?subscription=${operatorSub}`)).body.deliveries).toEqual([]);
    for (const id of [otherSub, operatorSub]) {
      expect((await call('partner', 'PATCH', `/api/alerts/${id}`, { enabled: false })).status).toBe(404);
      expect((await call('partner', 'POST', `/api/alerts/${id}/secret`)).status).toBe(404);
      expect((await call('partner', 'DELETE', `/api/alerts/${id}`)).status).toBe(404);
    }
    expect((await call('partner', 'POST', '/api/alerts', { ...HOOK, org: 'fabrikam' })).status).toBe(404);
    expect((await call('partner', 'POST', '/api/alerts', { ...HOOK, org: null })).status).toBe(403);
    expect((await call('viewer', 'POST', '/api/alerts', HOOK)).status).toBe(403);
    expect((await call('viewer', 'PATCH', `/api/alerts/${partnerSub}`, { enabled: false })).status).toBe(403);
    // The operator sees every one.
    const all = (await call('admin', 'GET', '/api/alerts')).body.subscriptions as { id: string }[];
    expect(all.map((s) => s.id).sort()).toEqual([partnerSub, otherSub, operatorSub].sort());
    expect(((await call('admin', 'GET', '/api/alerts?org=fabrikam')).body.subscriptions as unknown[]).length).toBe(1);
  });

  it('changes, rotates and removes a subscription', async () => {
    const changed = await call('partner', 'PATCH', `/api/alerts/${partnerSub}`, { enabled: false, leadDays: 10 });
    expect(changed.body).toMatchObject({ id: partnerSub, enabled: false, leadDays: 10 });
    const unchanged = await call('partner', 'PATCH', `/api/alerts/${partnerSub}`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ id: partnerSub, enabled: false, leadDays: 10 });
    const rotated = await call('partner', 'POST', `/api/alerts/${partnerSub}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect((await call('other', 'DELETE', `/api/alerts/${otherSub}`)).status).toBe(204);
    expect((await call('other', 'DELETE', `/api/alerts/${otherSub}`)).status).toBe(404);
    const audit = (await call('admin', 'GET', '/api/audit?limit=20')).body.entries as { action: string; detail: unknown }[];
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['alert.subscribe', 'alert.update', 'alert.rotate', 'alert.remove']),
    );
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it('refuses bad input with coded errors in the caller’s language', async () => {
    const http = await call('partner', 'POST', '/api/alerts', { ...HOOK, url: 'http://10.0.0.8/hook' }, 'ko-KR');
    expect(http.status).toBe(400);
    expect(http.body.error).toMatchObject({ code: 'alert.url.invalid', path: '$.url' });
    expect((http.body.error as { message: string }).message).toContain('https를 사용하세요');
    const allowed = await call('partner', 'POST', '/api/alerts', { ...HOOK, url: 'http://127.0.0.1:9/hook' });
    expect(allowed.status).toBe(201);
    const scheme = await call('partner', 'POST', '/api/alerts', { ...HOOK, url: 'file:///etc/passwd' }, 'zh-TW');
    expect(scheme.body.error).toMatchObject({ code: 'alert.url.invalid' });
    expect((scheme.body.error as { message: string }).message).toContain('https://');
    for (const bad of [
      { ...HOOK, events: [] },
      { ...HOOK, events: ['sometime'] },
      { ...HOOK, leadDays: 91 },
      { ...HOOK, leadDays: -1 },
    ]) {
      const refused = await call('partner', 'POST', '/api/alerts', bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'request.invalid' });
    }
    expect((await call('admin', 'POST', '/api/alerts', { ...HOOK, org: 'nobody' })).status).toBe(404);
    expect((await call('admin', 'PATCH', '/api/alerts/999999', { enabled: true })).body.error).toMatchObject({
      code: 'alert.not-found',
    });
    expect((await call('admin', 'PATCH', '/api/alerts/x', { enabled: true })).status).toBe(404);
  });

  it('pages the send log, newest first', async () => {
    const first = await call('admin', 'GET', '/api/alerts/deliveries?limit=1');
    const [newest] = first.body.deliveries as { id: string }[];
    expect(first.body.next).toBe(newest?.id);
    const rest = await call('admin', 'GET', `/api/alerts/deliveries?limit=200&before=${first.body.next}`);
    expect((rest.body.deliveries as { id: string }[]).every((d) => Number(d.id) < Number(newest?.id))).toBe(true);
    expect(rest.body.next).toBeNull();
  });
});
