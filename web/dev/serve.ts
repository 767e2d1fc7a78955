/**
 * `npx tsx web/dev/serve.ts [PORT]`: the mock API on PORT (default 8787), also serving the built dashboard from
 * dist/web with SPA fallback. `npx vite --config web/vite.config.ts` proxies /api here for hot reloading.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createMockApi, DEV_TOKENS } from './mock-api.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist/web');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
};

const app = createMockApi(join(root, 'dist/catalogs/mpn-2017.json'), [
  join(root, 'examples/contoso-dynamics.json'),
  join(root, 'examples/fabrikam-ops.yaml'),
]);
app.get('*', (c) => {
  const path = join(dist, c.req.path);
  if (path.startsWith(dist) && extname(path) && existsSync(path))
    return c.body(readFileSync(path), 200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  const index = join(dist, 'index.html');
  return existsSync(index) ? c.html(readFileSync(index, 'utf8')) : c.text('run npm run build first', 404);
});

const port = Number(process.argv[2] ?? 8787);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`mock attain API on http://127.0.0.1:${info.port}`);
  console.log(`tokens: ${Object.keys(DEV_TOKENS).join(', ')}`);
});
process.on('SIGTERM', () => server.close());
