import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { SHIPPED_CATALOGS } from '../catalog/shipped-catalog.js';
import { AttainError, type Issue, isAttainError } from '../core/attain-error.js';
import { withoutOtherOrganizations } from '../store/mcid-claims.js';
import { type StoreFault, storeFaultOf } from '../store/store-fault.js';
import { VERSION } from '../version.js';
import { registerAlertRoutes } from './alert-routes.js';
import type { AppCaches, AppEnv, AppOptions, Logger } from './app-env.js';
import { registerAuditRoutes } from './audit-routes.js';
import { clientAddress, clientOf } from './client-address.js';
import { compressResponses } from './compress-responses.js';
import type { CatalogSource } from './compute/compute-message.js';
import { ComputePool } from './compute/compute-pool.js';
import { codedIssueOf } from './contract/query-schemas.js';
import { FailureLimit } from './failure-limit.js';
import { errorBody, faultBody, statusFor } from './http-error.js';
import { localeOf } from './locale-of.js';
import { openApiPage } from './openapi-page.js';
import { registerOrganizationRoutes } from './organization-routes.js';
import { registerOutlookRoutes } from './outlook-routes.js';
import { registerPeopleRoutes } from './people-routes.js';
import { registerProgramRoutes } from './program-routes.js';
import { registerRecordsRoutes } from './records-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { guardInput, JSON_HEADERS, responseKey } from './route-helpers.js';
import { securityHeaders } from './security-headers.js';
import { ServedCache } from './served-cache.js';
import { registerServiceRoutes } from './service-routes.js';
import { registerTokenRoutes } from './token-routes.js';

const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;
const PUBLIC = new Set(['/api/health', '/api/ready', '/api/openapi.json', '/api/docs']);
const BODYLESS = new Set(['GET', 'HEAD']);
const EVALUATION_PATH = '/api/orgs/:id/evaluation';
const silent: Logger = { info: () => undefined, error: () => undefined };
/** How long what does not count is kept for paging an organization's data: five minutes, or the cache's own time if longer. */
const NOT_COUNTING_MS = 5 * 60_000;
const NOT_COUNTING_ORGANIZATIONS = 32;

/** The app, and how to end what it started (its worker threads, its token watch); the store stays open, it is the caller's. */
export type AttainApp = OpenAPIHono<AppEnv> & {
  readonly close: () => Promise<void>;
  /** Resolves once the app hears token revocations and deletions made anywhere (and may reuse authentications). */
  readonly watching: Promise<void>;
};

/**
 * The HTTP API (and, when built, the dashboard) over one store. Every `/api` route but health, readiness and the API's
 * own documentation needs `Authorization: Bearer TOKEN`; a token sees only its organization. Errors are always JSON
 * `{ error: { code, message, path?, issues? } }`, and this file alone maps error codes to statuses.
 */
export function createApp(options: AppOptions): AttainApp {
  const logger = options.logger ?? silent;
  const ttl = options.cacheMs ?? 2000;
  const caches: AppCaches = {
    evaluations: new ServedCache(ttl),
    responses: new ServedCache(ttl),
    tokens: new ServedCache(ttl),
    // Filed under the data version it was computed from, so never stale: kept for as long as someone pages.
    // Bounded by organizations too: an operator paging through many would otherwise keep every one's index.
    notCounting: new ServedCache(ttl === 0 ? 0 : Math.max(ttl, NOT_COUNTING_MS), Date.now, NOT_COUNTING_ORGANIZATIONS),
  };
  // Decided now, so that an app that could not start its threads fails here rather than on some later request.
  const catalog = options.compute ? undefined : catalogSourceOf(options);
  let own: ComputePool | undefined;
  // Started on first use: most apps built in tests, and an idle server, never need a thread.
  const compute = (): ComputePool => {
    if (options.compute) return options.compute;
    own ??= new ComputePool({ catalog: catalog as CatalogSource, ...(options.timeLimits && { timeLimits: options.timeLimits }) });
    return own;
  };
  const trusted = new Set(options.trustedProxies ?? []);
  const addressOf = (c: Context<AppEnv>) => clientAddress(c.env, c.req.header('x-forwarded-for'), trusted);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      return c.json(errorBody(requestError(result.error.issues), localeOf(c)), 400);
    },
  });

  // A request id on every response and every log line: the caller's own when it looks like one (a proxy's), else new.
  app.use('*', requestId({ limitLength: 128 }));
  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    const token = c.get('token') as AppEnv['Variables']['token'] | undefined;
    // Never the Authorization header or the query's secrets: only what identifies the request.
    logger.info(
      {
        reqId: c.get('requestId'),
        client: addressOf(c),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - start),
        ...(token && { token: token.id }),
      },
      'request',
    );
  });
  // gzip for whoever accepts it: a large organization's document is 15 MB of JSON and about a tenth of that
  // compressed. Outside the security headers and the request id, so those are set on the response it compresses.
  app.use('*', compressResponses());
  app.use('*', securityHeaders());
  const limit = bodyLimit({ maxSize: options.bodyLimit ?? DEFAULT_BODY_LIMIT, onError: tooLarge });
  // GET and HEAD carry no body. Asking for one makes the Node adapter build a full fetch Request, which on the
  // busiest route (a cached evaluation) cost more than everything else it does.
  app.use('/api/*', (c, next) => (BODYLESS.has(c.req.method) ? next() : limit(c, next)));
  // Authentications are remembered only while every revocation and deletion, by any server, is heard (see
  // TokenWatch): the cache spares a query per request, a third to a half of the busiest routes' time.
  const watch = options.store.watchTokens(() => caches.tokens.clear());
  const failures = new FailureLimit(options.authFailures);
  app.use('/api/*', async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AttainError('auth.required', 'send Authorization: Bearer TOKEN', []);
    const secret = match[1] as string;
    // Reads may reuse a recent authentication; a write always asks the store, so that a token revoked or deleted an
    // instant ago elsewhere, whose news is still on its way, can never change anything.
    const reuse = watch.live && BODYLESS.has(c.req.method);
    let token = reuse ? caches.tokens.get('tokens', secret) : undefined;
    if (token === undefined) {
      token = (await options.store.authenticate(secret)) ?? null;
      if (watch.live) caches.tokens.set('tokens', secret, token);
    }
    if (!token) throw refused(c, failures, addressOf(c));
    c.set('token', token);
    return next();
  });
  app.use('/api/*', guardInput);

  // A dashboard asks for the same evaluation again and again. The same token asking for the same URL within the
  // cache's few seconds, with no write to the organization since (writes drop its entries), gets the same bytes,
  // without validating the request and routing it again; the token itself was checked just above.
  app.use(EVALUATION_PATH, async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const body = caches.responses.get(c.req.param('id') as string, responseKey(c));
    return body === undefined ? next() : c.body(body, 200, JSON_HEADERS);
  });

  registerServiceRoutes(app, options);
  registerOrganizationRoutes(app, options, caches);
  registerReportRoutes(app, options, caches, compute);
  registerRecordsRoutes(app, options, caches, compute);
  registerOutlookRoutes(app, options, compute);
  registerProgramRoutes(app, options);
  registerPeopleRoutes(app, options);
  registerTokenRoutes(app, options, caches);
  registerAuditRoutes(app, options);
  registerAlertRoutes(app, options);

  // Not `doc31`: it answers a document it could not write with an empty 500; this one's failure is logged like any.
  // Written once, on first request: every route is registered by then and none is added later.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get('/api/openapi.json', (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'attain API',
        version: VERSION,
        description:
          'Partner competency levels: evaluate, plan, forecast, import. Every route but this document, /api/docs, /api/health and /api/ready needs `Authorization: Bearer TOKEN`. Every error answers `{ error: { code, message, path?, issues? } }`; each route lists the codes it can answer, by status.',
      },
      security: [{ bearer: [] }],
    });
    return c.json(document);
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registerDocumentRoutes(app);
  app.get('/api/docs', async (c) => {
    const document = await (await app.request('/api/openapi.json')).json();
    return c.html(openApiPage(document));
  });
  app.all('/api/*', (c) => {
    throw new AttainError('route.not-found', `no route ${c.req.method} ${c.req.path}`, []);
  });

  serveDashboard(app, options.webRoot ?? null);

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    const client = addressOf(c);
    const fault = storeFaultOf(error);
    if (fault) {
      // What the database said stays here, findable by the request id the client was given.
      const detail = (fault as Partial<StoreFault>).detail ?? fault.message;
      logger.error({ reqId: requestId, client, path: c.req.path, code: fault.code, detail, issues: fault.issues }, 'store fault');
      return c.json(faultBody(fault.code, localeOf(c), requestId), statusFor(fault));
    }
    if (isAttainError(error)) {
      // Only an admin may see every organization: anyone else is told that the individual is elsewhere, not where.
      const shown = c.get('token')?.role === 'admin' ? error : withoutOtherOrganizations(error);
      return c.json(errorBody(shown, localeOf(c)), statusFor(shown));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: { code: `http.${error.status}`, message: error.message } }, error.status);
    }
    logger.error(
      { reqId: requestId, client, err: { message: error.message, stack: error.stack }, path: c.req.path },
      'internal error',
    );
    return c.json(faultBody('internal', localeOf(c), requestId), 500);
  });
  const close = async () => {
    const pool = own;
    own = undefined;
    await watch.close();
    await pool?.close();
  };
  return Object.assign(app, { close, watching: watch.ready });
}

function catalogSourceOf(options: AppOptions): CatalogSource {
  if (options.catalogSource) return options.catalogSource;
  if (options.catalogDocument !== undefined) return { document: options.catalogDocument };
  if ((SHIPPED_CATALOGS as readonly string[]).includes(options.catalog.id)) return { shipped: options.catalog.id };
  throw new Error(`createApp: catalog "${options.catalog.id}" is not shipped; pass catalogSource or catalogDocument`);
}

/**
 * The error for a token that did not authenticate: 401, or 429 with Retry-After once the client address has failed
 * too often. Requests that came over no socket (in-process) have no address and are not limited.
 */
function refused(c: Context<AppEnv>, failures: FailureLimit, address: string | undefined): AttainError {
  const client = address === undefined ? undefined : clientOf(address);
  const retryAfter = client === undefined ? undefined : failures.retryAfter(client);
  if (retryAfter !== undefined) {
    c.header('Retry-After', String(retryAfter));
    return new AttainError('auth.rate-limited', `too many failed authentications; try again in ${retryAfter} s`, [
      { code: 'auth.rate-limited', path: 'authorization', params: { retryAfter } },
    ]);
  }
  if (client !== undefined) failures.fail(client);
  return new AttainError('auth.invalid', 'the token is unknown or revoked', []);
}

function tooLarge(): never {
  throw new AttainError('request.too-large', 'the request body is larger than the server accepts', []);
}

/**
 * A request the schemas refused: each problem a coded issue. A parameter schema's own issue (`request.parameter`,
 * `input.date.range`) is kept as it is, and the first one's code is the error's; zod's other words become
 * `request.invalid` issues.
 */
function requestError(
  problems: readonly { readonly path: readonly PropertyKey[]; readonly message: string; readonly params?: unknown }[],
) {
  const coded = problems.map((p) => codedIssueOf(p.params));
  const issues: Issue[] = problems.map(
    (p, k) => coded[k]?.attain ?? { code: 'request.invalid', path: p.path.map(String).join('.'), params: { reason: p.message } },
  );
  const first = coded[0];
  const message = problems.map((p, k) => (coded[k] ? p.message : `${issues[k]?.path}: ${p.message}`)).join('; ');
  return new AttainError(first?.error ?? 'request.invalid', message, issues);
}

/** The API's own documentation, in the document too: a client finds every route the app answers there. */
function registerDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    tags: ['service'],
    summary: 'This document (OpenAPI 3.1; no token needed)',
    security: [],
    responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/docs',
    tags: ['service'],
    summary: 'This document as a page to read (no token needed)',
    security: [],
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
  });
}

function serveDashboard(app: OpenAPIHono<AppEnv>, webRoot: string | null): void {
  if (!webRoot || !existsSync(path.join(webRoot, 'index.html'))) return;
  const index = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  app.use('/*', serveStatic({ root: path.relative(process.cwd(), webRoot) || '.' }));
  // Client-side routes (/orgs/contoso, …) all load the same page.
  app.get('*', (c) => c.html(index));
}
