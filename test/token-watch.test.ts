/**
 * Two servers on one PostgreSQL database (issue 14): each remembers authenticated tokens for two seconds, and a
 * revocation or an organization's deletion on one reaches the other through LISTEN/NOTIFY, at once, not when its
 * cache expires. Needs ATTAIN_TEST_DATABASE_URL.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { type AttainApp, createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';

const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const SYSTEM = { kind: 'system', id: 'test' } as const;
const schema = `surface_watch_${process.pid}`;
if (!DATABASE_URL) console.warn('token watch tests skipped: set ATTAIN_TEST_DATABASE_URL');

describe.skipIf(!DATABASE_URL)('token caches of two servers on one PostgreSQL database', () => {
  const catalog = loadShippedCatalog();
  let stores: SqlStore[] = [];
  let a: AttainApp;
  let b: AttainApp;
  let admin = '';

  beforeAll(async () => {
    stores = [
      await openStore({ databaseUrl: DATABASE_URL as string, schema }),
      await openStore({ databaseUrl: DATABASE_URL as string, schema }),
    ];
    const [first, second] = stores as [SqlStore, SqlStore];
    a = createApp({ store: first, catalog: await catalog });
    b = createApp({ store: second, catalog: await catalog });
    await Promise.all([a.watching, b.watching]);
    admin = (await first.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const store of stores) await store.close();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`);
    await client.end();
  });

  const as = (secret: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { authorization: `Bearer ${secret}` },
  });

  /**
   * Asks `app` with the token until it is refused; how long that took after `since`, and how many got through. Each
   * request waits its turn behind I/O, as one arriving over the network does (in-process requests answered from a
   * cache would otherwise never let the notification in).
   */
  async function untilRefused(app: AttainApp, route: string, secret: string, since: number, init: RequestInit = {}) {
    let accepted = 0;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const status = (await app.request(route, as(secret, init))).status;
      if (status === 401) return { ms: performance.now() - since, accepted };
      accepted++;
      if (performance.now() - since > 5000) return { ms: Number.POSITIVE_INFINITY, accepted };
    }
  }

  it('a token revoked on one server stops on the other at once, not when its cache expires', async () => {
    const store = stores[0] as SqlStore;
    await store.replaceOrganization(await readOrganizationFile('examples/contoso-dynamics.json'), SYSTEM);
    const { secret, token } = await store.createToken({ role: 'partner', org: 'contoso' }, SYSTEM);
    // Remembered by the second server.
    expect((await b.request('/api/me', as(secret))).status).toBe(200);
    expect((await a.request(`/api/tokens/${token.id}`, as(admin, { method: 'DELETE' }))).status).toBe(204);
    const { ms, accepted } = await untilRefused(b, '/api/me', secret, performance.now());
    console.log(`revoked token: refused by the other server after ${ms.toFixed(1)} ms, ${accepted} requests accepted meanwhile`);
    expect(ms).toBeLessThan(250);
  });

  it('an organization deleted on one server takes its tokens on the other at once: they cannot re-create it', async () => {
    const store = stores[0] as SqlStore;
    await store.replaceOrganization({ ...(await readOrganizationFile('examples/contoso-dynamics.json')), id: 'gone' }, SYSTEM);
    const { secret } = await store.createToken({ role: 'partner', org: 'gone' }, SYSTEM);
    expect((await b.request('/api/orgs/gone', as(secret))).status).toBe(200);
    expect((await a.request('/api/orgs/gone', as(admin, { method: 'DELETE' }))).status).toBe(204);
    const body = JSON.stringify({ id: 'gone', market: 'developed' });
    const { ms } = await untilRefused(b, '/api/orgs/gone', secret, performance.now(), { method: 'PUT', body });
    expect(ms).toBeLessThan(250);
    expect(await store.getOrganization('gone')).toBeUndefined();
  });

  it('while its watch is cut off, a server does not trust what it remembers, and listens again by itself', async () => {
    const store = stores[0] as SqlStore;
    const { secret, token } = await store.createToken({ role: 'partner', org: 'contoso' }, SYSTEM);
    expect((await b.request('/api/me', as(secret))).status).toBe(200);
    // Both servers' LISTEN connections dropped, as a network failure would: notifications sent meanwhile are lost.
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    const cut = await client.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and usename = current_user and query = $1`,
      [`listen "attain.tokens.${schema}_jobs"`],
    );
    await client.end();
    expect(cut.rowCount).toBe(2);
    await store.revokeToken(token.id, SYSTEM);
    expect((await b.request('/api/me', as(secret))).status).toBe(401);
    // Back within the watch's retry.
    const back = Date.now();
    while (!(await listening(schema)) && Date.now() - back < 5000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listening(schema)).toBe(true);
  });
});

async function listening(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const found = await client.query(
    `select count(*)::int as n from pg_stat_activity where datname = current_database() and query = $1`,
    [`listen "attain.tokens.${name}_jobs"`],
  );
  await client.end();
  return (found.rows[0] as { n: number }).n === 2;
}
