/**
 * A stand-in for `attain serve`'s HTTP API, for developing the dashboard before (or without) the real server.
 * It keeps organizations in memory, answers with the library's own evaluation, plan and forecast (the same JSON the
 * CLI prints), and imports files with the importers' own planning. Not shipped; the end-to-end tests run against the real server.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../../src/catalog/catalog-types.js';
import { compileCatalog } from '../../src/catalog/compile-catalog.js';
import { isAttainError } from '../../src/core/attain-error.js';
import { type Day, parseDay } from '../../src/core/day.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Organization } from '../../src/engine/organization.js';
import { organizationDocument } from '../../src/engine/organization-document.js';
import { parseOrganization } from '../../src/engine/parse-organization.js';
import type { ImportKind } from '../../src/importers/import-kinds.js';
import { planImport } from '../../src/importers/plan-import.js';
import { forecast } from '../../src/planner/forecast.js';
import { planLevel } from '../../src/planner/plan-level.js';
import { registerMockProgram } from './mock-program.js';

type Role = 'admin' | 'partner' | 'viewer';
interface Token {
  readonly role: Role;
  readonly org: string | null;
}

/** Development tokens: `dev-admin`, and a partner token per seeded organization (`dev-contoso`, `dev-fabrikam`). */
export const DEV_TOKENS: Readonly<Record<string, Token>> = {
  'dev-admin': { role: 'admin', org: null },
  'dev-contoso': { role: 'partner', org: 'contoso' },
  'dev-fabrikam': { role: 'partner', org: 'fabrikam' },
  'dev-viewer': { role: 'viewer', org: 'contoso' },
};

const today = () => new Date().toISOString().slice(0, 10);

/**
 * @param catalogFile the built catalog JSON (`dist/catalogs/mpn-2017.json`), served as `/api/catalog`
 * @param seeds organization files (JSON or YAML) to start with
 * @param options.programAsOf the day the program was last run as of (the stored standings'); null: none yet, every
 * standing pending until "Run now"; today by default
 */
export function createMockApi(
  catalogFile: string,
  seeds: readonly string[],
  options: { readonly programAsOf?: string | null } = {},
) {
  const rawCatalog = readFileSync(catalogFile, 'utf8');
  const catalog: Catalog = compileCatalog(JSON.parse(rawCatalog));
  const orgs = new Map<string, { org: Organization; updatedAt: string }>();
  for (const file of seeds) {
    const text = readFileSync(file, 'utf8');
    const org = parseOrganization(file.endsWith('.json') ? JSON.parse(text) : parseYaml(text), catalog.currency, file);
    orgs.set(org.id, { org, updatedAt: new Date().toISOString() });
  }

  const app = new Hono<{ Variables: { token: Token } }>();
  const fail = (status: 400 | 401 | 403 | 404, code: string, message: string, issues?: unknown[], groups?: unknown[]) =>
    new Response(JSON.stringify({ error: { code, message, ...(issues && { issues }), ...(groups && { groups }) } }), {
      status,
      headers: { 'content-type': 'application/json' },
    });

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.use('/api/*', async (c, next) => {
    const secret = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    const token = DEV_TOKENS[secret];
    if (!token) return fail(401, 'auth.required', 'a valid bearer token is required');
    c.set('token', token);
    await next();
  });
  const visible = (token: Token, id: string) => (token.role === 'admin' || token.org === id ? orgs.get(id) : undefined);
  const day = (text: string | undefined, fallback: string): Day => parseDay(text ?? fallback) ?? (parseDay(fallback) as Day);

  const program = registerMockProgram(
    app,
    {
      catalog,
      orgs,
      fail,
      isAdmin: (c) => c.get('token').role === 'admin',
      visible: (c, id) => visible(c.get('token') as Token, id) !== undefined,
    },
    options.programAsOf === undefined ? today() : options.programAsOf,
  );

  app.get('/api/me', (c) => c.json({ ...c.get('token'), tokenId: 'dev' }));
  app.get('/api/catalog', (c) => c.body(rawCatalog, 200, { 'content-type': 'application/json' }));
  app.get('/api/orgs', (c) => {
    const token = c.get('token');
    const organizations = [...orgs.values()]
      .filter(({ org }) => token.role === 'admin' || org.id === token.org)
      .map(({ org, updatedAt }) => ({
        id: org.id,
        name: org.name,
        market: org.market,
        country: org.country,
        people: org.people.length,
        customers: org.customers.length,
        revenueRecords: org.revenue.length,
        updatedAt,
      }));
    return c.json({ organizations });
  });
  app.get('/api/orgs/:id', (c) => {
    const found = visible(c.get('token'), c.req.param('id'));
    return found ? c.json(organizationDocument(found.org)) : fail(404, 'org.not-found', 'no such organization');
  });
  app.put('/api/orgs/:id', async (c) => {
    const token = c.get('token');
    const id = c.req.param('id');
    if (token.role === 'viewer' || (token.role === 'partner' && token.org !== id))
      return fail(404, 'org.not-found', 'no such organization');
    try {
      const org = parseOrganization({ ...(await c.req.json()), id }, catalog.currency);
      const created = !orgs.has(id);
      orgs.set(id, { org, updatedAt: new Date().toISOString() });
      program.dataChanged(id);
      return c.json({ created }, created ? 201 : 200);
    } catch (error) {
      if (isAttainError(error)) return fail(400, error.code, error.message, [...error.issues], error.groups && [...error.groups]);
      throw error;
    }
  });
  app.delete('/api/orgs/:id', (c) => {
    const found = visible(c.get('token'), c.req.param('id'));
    if (!found) return fail(404, 'org.not-found', 'no such organization');
    orgs.delete(found.org.id);
    return c.body(null, 204);
  });
  app.get('/api/orgs/:id/evaluation', (c) => {
    const found = visible(c.get('token'), c.req.param('id'));
    if (!found) return fail(404, 'org.not-found', 'no such organization');
    return c.json(evaluate(catalog, found.org, { asOf: day(c.req.query('asOf'), today()) }));
  });
  app.get('/api/orgs/:id/plan', async (c) => {
    const found = visible(c.get('token'), c.req.param('id'));
    if (!found) return fail(404, 'org.not-found', 'no such organization');
    const max = c.req.query('maxExamsPerPerson');
    try {
      const plan = await planLevel(catalog, found.org, c.req.query('target') ?? '', {
        asOf: day(c.req.query('asOf'), today()),
        exclude: c.req.queries('exclude') ?? [],
        maxExamsPerPerson: max ? Number(max) : null,
        noHire: c.req.query('noHire') === 'true',
      });
      return c.json(plan);
    } catch (error) {
      if (isAttainError(error)) return fail(400, error.code, error.message, [...error.issues], error.groups && [...error.groups]);
      throw error;
    }
  });
  app.get('/api/orgs/:id/forecast', (c) => {
    const found = visible(c.get('token'), c.req.param('id'));
    if (!found) return fail(404, 'org.not-found', 'no such organization');
    const from = day(c.req.query('from'), today());
    const to = day(c.req.query('to'), '') || from + 548;
    return c.json(forecast(catalog, found.org, from, to));
  });
  app.post('/api/orgs/:id/imports/:kind', async (c) => {
    const found = visible(c.get('token'), c.req.param('id'));
    if (!found) return fail(404, 'org.not-found', 'no such organization');
    const kind = c.req.param('kind');
    const dryRun = c.req.query('dryRun') === 'true';
    const skipInvalid = c.req.query('skipInvalid') === 'true';
    const type = c.req.header('content-type') ?? '';
    const extension = type.includes('yaml') ? 'yaml' : type.includes('json') ? 'json' : 'csv';
    try {
      // The importers' own planning: the same checks, codes and report as the real API.
      const {
        organization,
        additions: _,
        ...report
      } = planImport({
        existing: found.org,
        orgId: found.org.id,
        ...(kind !== 'auto' && { kind: kind as ImportKind }),
        text: await c.req.text(),
        file: `upload-${kind}.${extension}`,
        catalog,
        skipInvalid,
      });
      if (!dryRun && report.changed) {
        orgs.set(found.org.id, { org: organization, updatedAt: new Date().toISOString() });
        program.dataChanged(found.org.id);
      }
      return c.json({ ...report, dryRun });
    } catch (error) {
      if (isAttainError(error)) return fail(400, error.code, error.message, [...error.issues], error.groups && [...error.groups]);
      throw error;
    }
  });
  return app;
}
