/**
 * `npx tsx web/dev/serve.ts [PORT] [DATA_DIR]`: the real API (`createApp`) on PORT (default 8787), over an embedded
 * store in DATA_DIR (default a new temporary directory) holding the example organizations and the development tokens
 * (`dev-admin`, `dev-contoso`, `dev-fabrikam`, `dev-viewer` stand for their real secrets here), with the program run
 * as of today and the jobs running; it also serves the built dashboard from dist/web. `npx vite --config
 * web/vite.config.ts` proxies /api here for hot reloading.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { startJobs } from '../../src/jobs/start-jobs.js';
import { createApp } from '../../src/server/create-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { DEV_TOKENS, devCatalog, seedDevStore } from './dev-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.argv[2] ?? 8787);
const dataDir = process.argv[3] ?? mkdtempSync(join(os.tmpdir(), 'attain-dev-'));
const fresh = !existsSync(join(dataDir, 'pgdata'));
const secrets = fresh ? await seedDevStore(dataDir, { programAsOf: new Date().toISOString().slice(0, 10) }) : {};
const { catalog, document, rules } = devCatalog();
const store = (await openStore({ dataDir })) as SqlStore;
const jobs = await startJobs(store, { rules }, { nightly: false });
const api = createApp({ store, catalog, catalogDocument: document, webRoot: join(root, 'dist/web') });

// The development names stand for the real secrets, so that the sign-in form and the docs can use them.
const app = new Hono();
app.all('*', (c) => {
  const name = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const secret = name === undefined ? undefined : secrets[name];
  if (secret === undefined) return api.fetch(c.req.raw, c.env);
  const headers = new Headers(c.req.raw.headers);
  headers.set('authorization', `Bearer ${secret}`);
  return api.fetch(new Request(c.req.raw, { headers }), c.env);
});

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`attain API (real, embedded store in ${dataDir}) on http://127.0.0.1:${info.port}`);
  if (fresh) console.log(`tokens: ${Object.keys(DEV_TOKENS).join(', ')}`);
});
process.on('SIGTERM', () => {
  server.close();
  void jobs
    .stop()
    .then(() => api.close())
    .then(() => store.close());
});
