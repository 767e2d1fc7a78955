import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { storeFault } from '../store/store-fault.js';
import type { AppEnv, AppOptions } from './app-env.js';
import { catalogDocumentSchema } from './contract/catalog-document-schema.js';
import { errorResponses } from './contract/error-responses.js';
import { healthSchema, meSchema, readySchema } from './contract/store-schemas.js';
import { json } from './route-helpers.js';

/** How long readiness waits for the store: an embedded store busy with a long write answers nothing meanwhile. */
const READY_MS = 5000;
const tags = ['service'];

/** What an app built without the catalog's document publishes of it. */
const catalogIdentity = z.object({ id: z.string(), name: z.record(z.string(), z.string()) });

export const SERVICE_ROUTES = {
  health: createRoute({
    method: 'get',
    path: '/api/health',
    tags,
    summary: 'Liveness: the process answers (no token needed)',
    security: [],
    responses: { 200: json('Alive', healthSchema), ...errorResponses([], { public: true }) },
  }),
  ready: createRoute({
    method: 'get',
    path: '/api/ready',
    tags,
    summary: 'Readiness: the store answers and can write (no token needed)',
    security: [],
    responses: { 200: json('Ready', readySchema), ...errorResponses([], { public: true }) },
  }),
  me: createRoute({
    method: 'get',
    path: '/api/me',
    tags,
    summary: "The token's role and the organization it is scoped to",
    responses: { 200: json('Who the token is', meSchema), ...errorResponses([]) },
  }),
  catalog: createRoute({
    method: 'get',
    path: '/api/catalog',
    tags,
    summary: 'The catalog as published: the validated document, with names in every language',
    responses: {
      200: json('The catalog document', z.union([catalogDocumentSchema, catalogIdentity])),
      ...errorResponses([]),
    },
  }),
} as const;

/** Liveness, readiness, who the token is, and the catalog served. */
export function registerServiceRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions): void {
  app.openapi(SERVICE_ROUTES.health, (c) => c.json({ ok: true as const, catalog: options.catalog.id }, 200));
  app.openapi(SERVICE_ROUTES.ready, async (c) => {
    await withTimeout(options.store.checkReady(), READY_MS);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(SERVICE_ROUTES.me, (c) => {
    const token = c.get('token');
    return c.json({ role: token.role, org: token.org, tokenId: token.id }, 200);
  });
  app.openapi(SERVICE_ROUTES.catalog, (c) =>
    c.json(options.catalogDocument ?? { id: options.catalog.id, name: options.catalog.name }, 200),
  );
}

/** The store's answer, or `store.unavailable` when it takes longer than `ms`. */
async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(storeFault('store.unavailable', `the store did not answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
