// Started by bench/service-benchmarks.ts in a child process, so that the load generator and the servers do not
// share a thread: the attain API on a PGlite store holding one typical organization, and beside it a bare Hono
// route returning a constant JSON body, all served by @hono/node-server. Prints { subject, uncached, baseline, token }.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const dist = new URL('../dist/', import.meta.url);
const { loadShippedCatalog } = await import(new URL('catalog/shipped-catalog.js', dist).href);
const { parseOrganization } = await import(new URL('engine/parse-organization.js', dist).href);
const { openStore } = await import(new URL('store/open-store.js', dist).href);
const { createApp } = await import(new URL('server/create-app.js', dist).href);
const document = JSON.parse(process.argv[2]);

const catalog = await loadShippedCatalog();
const store = await openStore({ dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'attain-http-')), 'data') });
const actor = { kind: 'system', id: 'bench' };
await store.replaceOrganization(parseOrganization(document, catalog.currency), actor);
const { secret } = await store.createToken({ role: 'admin', org: null }, actor);

const listen = (fetch) =>
  new Promise((resolve) => serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)));
const subject = await listen(createApp({ store, catalog }).fetch);
// The same API with its caches off: every request authenticates against the store and evaluates again.
const uncached = await listen(createApp({ store, catalog, cacheMs: 0 }).fetch);
const constant = new Hono().get('/constant', (c) => c.json({ ok: true, organization: document.id, levels: 6 }));
const baseline = await listen(constant.fetch);
process.stdout.write(`${JSON.stringify({ subject, uncached, baseline, token: secret })}\n`);
