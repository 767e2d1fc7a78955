import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AttainError } from '../core/attain-error.js';
import { ROLES } from '../store/store.js';
import type { AppCaches, AppEnv, AppOptions } from './app-env.js';
import { errorResponses } from './contract/error-responses.js';
import { createdTokenSchema, tokenListSchema } from './contract/store-schemas.js';
import { httpErrors } from './http-error.js';
import { actorOf, json } from './route-helpers.js';

const tags = ['tokens'];
const tokenInput = z.object({
  role: z.enum(ROLES),
  org: z.string().min(1).max(200).nullable().optional(),
  label: z.string().max(200).optional(),
});

const ADMIN = ['request.invalid', 'auth.forbidden'];

export const TOKEN_ROUTES = {
  create: createRoute({
    method: 'post',
    path: '/api/tokens',
    tags,
    summary: 'Create a token (admin); the secret is returned once',
    request: { body: { content: { 'application/json': { schema: tokenInput } }, required: true } },
    responses: {
      200: json('The token, and its secret (shown this once)', createdTokenSchema),
      ...errorResponses([...ADMIN, 'http.400', 'token.org-required', 'store.token.invalid']),
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/tokens',
    tags,
    summary: 'Every token (admin), without secrets',
    responses: { 200: json('Every token', tokenListSchema), ...errorResponses(ADMIN) },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/api/tokens/{tokenId}',
    tags,
    summary: 'Revoke a token (admin)',
    request: { params: z.object({ tokenId: z.string() }) },
    responses: { 204: { description: 'Revoked' }, ...errorResponses([...ADMIN, 'token.not-found']) },
  }),
} as const;

/** Tokens are managed by admins only; the secret is shown once, in the response that creates it. */
export function registerTokenRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions, caches: AppCaches): void {
  const { store } = options;
  const adminOnly = (role: string) => {
    if (role !== 'admin') throw httpErrors.forbidden('only an admin token manages tokens');
  };

  app.openapi(TOKEN_ROUTES.create, async (c) => {
    adminOnly(c.get('token').role);
    const input = c.req.valid('json');
    const org = input.org ?? null;
    if (input.role !== 'admin' && org === null) {
      throw new AttainError('token.org-required', `a ${input.role} token needs the organization it may see`, [
        { code: 'token.org-required', path: '$.org', params: { role: input.role } },
      ]);
    }
    const created = await store.createToken(
      { role: input.role, org: input.role === 'admin' ? null : org, ...(input.label && { label: input.label }) },
      actorOf(c),
    );
    return c.json(created, 200);
  });

  app.openapi(TOKEN_ROUTES.list, async (c) => {
    adminOnly(c.get('token').role);
    return c.json({ tokens: await store.listTokens() }, 200);
  });

  app.openapi(TOKEN_ROUTES.revoke, async (c) => {
    adminOnly(c.get('token').role);
    const { tokenId } = c.req.valid('param');
    if (!(await store.revokeToken(tokenId, actorOf(c)))) {
      throw new AttainError('token.not-found', `no token "${tokenId}"`, []);
    }
    // A revoked token stops working at once, not when its cached authentication expires.
    caches.tokens.clear();
    return c.body(null, 204);
  });
}
