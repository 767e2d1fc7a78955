/**
 * The server's surface against a real embedded store (issue 14): health that tells the truth, security headers, a
 * request id on every response and log line, a limit on failed authentications per client address, deleting an
 * organization as an audited admin action, the audit log route, and store faults that never echo the database.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { createApp } from '../src/server/create-app.js';
import { DOCS_STYLE } from '../src/server/openapi-page.js';
import { openStore, openStoreDatabase } from '../src/store/open-store.js';
import { SqlStore } from '../src/store/sql-store.js';

const catalog = await loadShippedCatalog();
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-surface-'));
const WEB_ROOT = path.resolve('dist/web');
/** What the app logged, as pino would receive it. */
const lines: { level: 'info' | 'error'; object: Record<string, unknown>; message: string | undefined }[] = [];
const logger = {
  info: (object: object, message?: string) => void lines.push({ level: 'info', object: { ...object }, message }),
  error: (object: object, message?: string) => void lines.push({ level: 'error', object: { ...object }, message }),
};
let store: SqlStore;
let app: ReturnType<typeof createApp>;
const tokens = { admin: '', partner: '', viewer: '' };

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(dir, 'data') });
  for (const file of ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml']) {
    await store.replaceOrganization(await readOrganizationFile(file), SYSTEM);
  }
  tokens.admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  tokens.partner = (await store.createToken({ role: 'partner', org: 'contoso' }, SYSTEM)).secret;
  tokens.viewer = (await store.createToken({ role: 'viewer', org: 'contoso' }, SYSTEM)).secret;
  app = createApp({ store, catalog, logger, webRoot: WEB_ROOT, authFailures: { limit: 5, windowMs: 60_000 } });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (secret: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${secret}` },
});
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('health that tells the truth', () => {
  it('liveness and readiness are public; readiness makes a write the store rolls back', async () => {
    const live = await app.request('/api/health');
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ ok: true });
    const before = (await store.auditLog({ limit: 1 }))[0]?.id;
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true });
    // The write rolled back: nothing was recorded.
    expect((await store.auditLog({ limit: 1 }))[0]?.id).toBe(before);
  });

  it('a store fault is a 5xx with a code, its database text only in the server log with the request id', async () => {
    await store.replaceOrganization({ ...(await readOrganizationFile('examples/contoso-dynamics.json')), id: 'broken' }, SYSTEM);
    // A date attain cannot read back, written past its checks (as a year-0 date once was).
    await sql`update people set passed = array_fill('0044-03-15 BC'::date, array[cardinality(passed)])
      where org_id = 'broken' and cardinality(passed) > 0`.execute(store.db);
    lines.length = 0;
    const response = await app.request('/api/orgs/broken', as(tokens.admin, { headers: { 'x-request-id': 'fault-1' } }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('store.corrupt');
    expect(text).not.toMatch(/BC|0044|passed/);
    const logged = lines.find((l) => l.level === 'error' && l.object.reqId === 'fault-1');
    expect(JSON.stringify(logged)).toContain('0044-03-15 BC');
    const zh = await app.request('/api/orgs/broken?lang=zh-TW', as(tokens.admin));
    expect((await errorOf(zh)).message).toMatch(/[\u4e00-\u9fff]/);
    await store.deleteOrganization('broken', SYSTEM);
  });
  it('a database that does not answer is 503 store.unavailable, for readiness and for signed-in requests (never 401)', async () => {
    // PostgreSQL on a port where nothing listens: the pool connects on first use and is refused.
    const { db, jobs } = await openStoreDatabase({ databaseUrl: 'postgres://attain:attain@127.0.0.1:9/attain' });
    const down = new SqlStore(db, jobs);
    const downApp = createApp({ store: down, catalog });
    try {
      for (const [route, init] of [
        ['/api/ready', {}],
        ['/api/me', as(tokens.admin)],
      ] as const) {
        const response = await downApp.request(route, init);
        expect([route, response.status, (await errorOf(response)).code]).toEqual([route, 503, 'store.unavailable']);
      }
    } finally {
      await downApp.close();
      await down.close();
    }
  });
});

describe('security headers', () => {
  it('every response, API and dashboard, carries them', async () => {
    for (const route of ['/api/health', '/api/orgs', '/', '/orgs/contoso']) {
      const response = await app.request(route);
      expect(response.headers.get('x-content-type-options'), route).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), route).toBe('DENY');
      expect(response.headers.get('referrer-policy'), route).toBe('no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, route).toContain("default-src 'self'");
      expect(csp, route).toContain("script-src 'self'");
      expect(csp, route).toContain("frame-ancestors 'none'");
      expect(csp, route).toContain("object-src 'none'");
    }
  });

  it("the API reference's one inline style is allowed by its hash, and nothing else inline is", async () => {
    const response = await app.request('/api/docs');
    const page = await response.text();
    expect(page).toContain(`<style>${DOCS_STYLE}</style>`);
    const hash = createHash('sha256').update(DOCS_STYLE).digest('base64');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('request ids', () => {
  it('every response has one: a sane incoming id is kept, anything else replaced by a new one', async () => {
    const kept = await app.request('/api/health', { headers: { 'x-request-id': 'lb-1234_abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234_abcd');
    const odd = await app.request('/api/health', { headers: { 'x-request-id': 'a b;<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const long = await app.request('/api/health', { headers: { 'x-request-id': 'x'.repeat(300) } });
    expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const a = (await app.request('/api/me')).headers.get('x-request-id');
    const b = (await app.request('/api/nothing', as(tokens.admin))).headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
  });

  it('every log line of a request carries its id and the client address', async () => {
    await withServer(async (port) => {
      lines.length = 0;
      const response = await send(port, '/api/me', { authorization: `Bearer ${tokens.partner}`, 'x-request-id': 'logged-1' });
      expect(response.status).toBe(200);
      const logged = lines.filter((l) => l.object.reqId === 'logged-1');
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) expect(line.object.client).toBe('127.0.0.1');
      expect(JSON.stringify(lines)).not.toContain(tokens.partner);
    });
  });
});

describe('failed authentications are limited per client address', () => {
  it('after the limit, bad tokens from that address get 429 with Retry-After; valid tokens and other addresses do not', async () => {
    await withServer(async (port) => {
      const bad = { authorization: 'Bearer att_not-a-real-token' };
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await send(port, '/api/orgs', bad)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      const limited = await send(port, '/api/orgs', bad);
      expect(limited.status).toBe(429);
      expect(JSON.parse(limited.body).error.code).toBe('auth.rate-limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      // A valid token from the same address still works, and does not count.
      expect((await send(port, '/api/me', { authorization: `Bearer ${tokens.viewer}` })).status).toBe(200);
      // Another client address is not limited.
      expect((await send(port, '/api/orgs', bad, '127.0.0.2')).status).toBe(401);
      // Public routes never are.
      expect((await send(port, '/api/health', bad)).status).toBe(200);
    });
  });
});

describe('behind a trusted reverse proxy', () => {
  it("counts failed authentications for the client X-Forwarded-For names, and only a trusted proxy's header is read", async () => {
    const proxied = createApp({
      store,
      catalog,
      logger,
      authFailures: { limit: 2, windowMs: 60_000 },
      trustedProxies: ['127.0.0.3'],
    });
    try {
      await withServer(async (port) => {
        const bad = (client: string) => ({ authorization: 'Bearer att_not-a-real-token', 'x-forwarded-for': client });
        const statuses = async (client: string, from: string, times: number) => {
          const seen: number[] = [];
          for (let i = 0; i < times; i++) seen.push((await send(port, '/api/orgs', bad(client), from)).status);
          return seen;
        };
        // Through the proxy, each forwarded client has its own count; the proxy itself is never limited.
        expect(await statuses('203.0.113.7', '127.0.0.3', 3)).toEqual([401, 401, 429]);
        expect(await statuses('203.0.113.8', '127.0.0.3', 1)).toEqual([401]);
        // A spoofed hop before the proxy's own entry does not matter: the nearest untrusted address counts.
        expect(await statuses('198.51.100.1, 203.0.113.7', '127.0.0.3', 1)).toEqual([429]);
        lines.length = 0;
        await send(port, '/api/health', { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'proxied-1' }, '127.0.0.3');
        expect(lines.find((l) => l.object.reqId === 'proxied-1')?.object.client).toBe('203.0.113.9');
        // From any other address the header is ignored: made-up clients share the sender's count.
        expect(await statuses('192.0.2.1', '127.0.0.4', 1)).toEqual([401]);
        expect(await statuses('192.0.2.2', '127.0.0.4', 2)).toEqual([401, 429]);
      }, proxied);
    } finally {
      await proxied.close();
    }
  });
});

describe('deleting an organization', () => {
  it('is for admins only: a partner cannot delete its own organization, a viewer neither', async () => {
    for (const who of [tokens.partner, tokens.viewer]) {
      const response = await app.request('/api/orgs/contoso', as(who, { method: 'DELETE' }));
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('auth.forbidden');
    }
    expect(await store.getOrganization('contoso')).toBeDefined();
  });

  it('is audited with everything it removed, its tokens included, and the tokens stop working at once', async () => {
    await store.replaceOrganization({ ...(await readOrganizationFile('examples/contoso-dynamics.json')), id: 'doomed' }, SYSTEM);
    const partner = await store.createToken({ role: 'partner', org: 'doomed', label: 'doomed partner' }, SYSTEM);
    const viewer = await store.createToken({ role: 'viewer', org: 'doomed' }, SYSTEM);
    await store.revokeToken(viewer.token.id, SYSTEM);
    // The partner token is checked (and remembered) just before the deletion.
    expect((await app.request('/api/orgs/doomed', as(partner.secret))).status).toBe(200);
    const deleted = await app.request('/api/orgs/doomed', as(tokens.admin, { method: 'DELETE' }));
    expect(deleted.status).toBe(204);
    // The token went with its organization: it cannot put the organization back.
    const put = await app.request(
      '/api/orgs/doomed',
      as(partner.secret, { method: 'PUT', body: JSON.stringify({ id: 'doomed', market: 'developed' }) }),
    );
    expect(put.status).toBe(401);
    expect(await store.getOrganization('doomed')).toBeUndefined();
    const [entry] = await store.auditLog({ org: 'doomed', limit: 1 });
    expect(entry?.action).toBe('org.delete');
    expect(entry?.detail).toMatchObject({
      people: 7,
      exams: expect.any(Number),
      customers: 4,
      dpor: expect.any(Number),
      revenue: 8,
      fx: 1,
      tokens: [
        { id: partner.token.id, role: 'partner', revoked: false },
        { id: viewer.token.id, role: 'viewer', revoked: true },
      ],
    });
  });
});

describe('the audit log route', () => {
  it('is for admins, filters by organization and pages from the newest', async () => {
    expect((await app.request('/api/audit', as(tokens.partner))).status).toBe(403);
    expect((await app.request('/api/audit')).status).toBe(401);
    const all = (await (await app.request('/api/audit?limit=500', as(tokens.admin))).json()) as {
      entries: { id: number; org: string | null; action: string }[];
      next: number | null;
    };
    expect(all.entries.length).toBeGreaterThan(3);
    expect(all.next).toBeNull();
    const first = (await (await app.request('/api/audit?limit=2', as(tokens.admin))).json()) as typeof all;
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id));
    expect(first.next).toBe(first.entries[1]?.id);
    const second = (await (await app.request(`/api/audit?limit=2&before=${first.next}`, as(tokens.admin))).json()) as typeof all;
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
    const contoso = (await (await app.request('/api/audit?org=contoso', as(tokens.admin))).json()) as typeof all;
    expect(contoso.entries.length).toBeGreaterThan(0);
    expect(contoso.entries.every((e) => e.org === 'contoso')).toBe(true);
    const bad = await app.request('/api/audit?limit=0', as(tokens.admin));
    expect(bad.status).toBe(400);
  });
});

describe('compression (issue 15)', () => {
  /** A GET over a real socket, its body as the bytes that crossed the wire. */
  const raw = (port: number, route: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path: route, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }),
        );
      });
      request.on('error', reject);
      request.end();
    });

  it('JSON, CSV and the dashboard files are gzipped for a client that accepts it, headers and request id intact', async () => {
    await withServer(async (port) => {
      const auth = { authorization: `Bearer ${tokens.admin}` };
      const assets = readdirSync(path.join(WEB_ROOT, 'assets'));
      const script = `/assets/${assets.find((f) => f.endsWith('.js'))}`;
      for (const route of ['/api/orgs/contoso', '/api/orgs/contoso/evaluation?asOf=2018-03-31', script, '/api/openapi.json']) {
        const plain = await raw(port, route, auth);
        const zipped = await raw(port, route, { ...auth, 'accept-encoding': 'gzip, deflate', 'x-request-id': 'gz-1' });
        expect([route, plain.status, zipped.status]).toEqual([route, 200, 200]);
        expect(plain.headers['content-encoding'], route).toBeUndefined();
        expect(zipped.headers['content-encoding'], route).toBe('gzip');
        expect(zipped.headers.vary, route).toContain('Accept-Encoding');
        expect(zipped.headers['x-request-id'], route).toBe('gz-1');
        expect(zipped.headers['content-security-policy'], route).toContain("default-src 'self'");
        expect(zipped.headers['x-content-type-options'], route).toBe('nosniff');
        expect(gunzipSync(zipped.bytes).equals(plain.bytes), route).toBe(true);
        expect(zipped.bytes.length, route).toBeLessThan(plain.bytes.length / 2);
      }
      const csv = await raw(port, '/api/program/organizations.csv', { ...auth, 'accept-encoding': 'gzip' });
      expect(csv.headers['content-disposition']).toContain('attachment');
      const text = csv.headers['content-encoding'] === 'gzip' ? gunzipSync(csv.bytes).toString() : csv.bytes.toString();
      expect(text).toMatch(/^org_id,name,market/);
      // Compressed from 1 KiB on.
      expect(csv.headers['content-encoding']).toBe(Buffer.byteLength(text) >= 1024 ? 'gzip' : undefined);
      // A small answer goes as it is, with its length: compressing it would cost more than it saves.
      const health = await raw(port, '/api/health', { 'accept-encoding': 'gzip' });
      expect(health.headers['content-encoding']).toBeUndefined();
      expect(Number(health.headers['content-length'])).toBe(health.bytes.length);
      expect(JSON.parse(health.bytes.toString())).toMatchObject({ ok: true });
      // A client that refuses gzip (q=0) gets the plain answer.
      const refused = await raw(port, '/api/orgs/contoso', { ...auth, 'accept-encoding': 'gzip;q=0, identity' });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(refused.bytes.toString()).id).toBe('contoso');
      // An error stays a JSON error, compressed or not.
      const missing = await raw(port, '/api/orgs/nobody', { ...auth, 'accept-encoding': 'gzip' });
      expect(missing.status).toBe(404);
      const body = missing.headers['content-encoding'] === 'gzip' ? gunzipSync(missing.bytes) : missing.bytes;
      expect(JSON.parse(body.toString()).error.code).toBe('org.not-found');
    });
  });
});

/** The app on a real socket, so that requests have a client address. */
async function withServer(work: (port: number) => Promise<void>, served: { fetch: typeof app.fetch } = app): Promise<void> {
  const server = serve({ fetch: served.fetch, port: 0, hostname: '0.0.0.0' });
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    await work((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A GET from a chosen local address (127.0.0.2 is another client of the same machine). */
function send(
  port: number,
  route: string,
  headers: Record<string, string>,
  localAddress = '127.0.0.1',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: route, headers, localAddress, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}
