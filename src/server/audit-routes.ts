import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, AppOptions } from './app-env.js';
import { errorResponses } from './contract/error-responses.js';
import { auditPageSchema } from './contract/store-schemas.js';
import { httpErrors } from './http-error.js';
import { json } from './route-helpers.js';

const auditQuery = z.object({
  org: z.string().min(1).max(200).optional().openapi({ example: 'contoso' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'entries per page (default 100)' }),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional()
    .openapi({ description: "the previous page's `next`: entries older than this id" }),
});
const DEFAULT_LIMIT = 100;

export const AUDIT_ROUTES = {
  log: createRoute({
    method: 'get',
    path: '/api/audit',
    tags: ['audit'],
    summary: 'Admin: the audit log, newest first; `org` filters, `before` pages',
    request: { query: auditQuery },
    responses: {
      200: json('A page of the audit log', auditPageSchema),
      ...errorResponses(['request.invalid', 'auth.forbidden']),
    },
  }),
} as const;

/** The audit log for admins: every change, who made it and when, newest first, a page at a time. */
export function registerAuditRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions): void {
  app.openapi(AUDIT_ROUTES.log, async (c) => {
    if (c.get('token').role !== 'admin') throw httpErrors.forbidden('the audit log is for admin tokens');
    const { org, limit = DEFAULT_LIMIT, before } = c.req.valid('query');
    // One more than asked tells whether another page follows.
    const found = await options.store.auditLog({
      limit: limit + 1,
      ...(org !== undefined && { org }),
      ...(before !== undefined && { before }),
    });
    const entries = found.slice(0, limit);
    const next = found.length > limit ? (entries.at(-1)?.id ?? null) : null;
    return c.json({ entries, next }, 200);
  });
}
