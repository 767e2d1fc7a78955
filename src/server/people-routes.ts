import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv, AppOptions } from './app-env.js';
import { errorResponses } from './contract/error-responses.js';
import { claimedTwicePageSchema } from './contract/identity-schemas.js';
import { httpErrors } from './http-error.js';
import { json } from './route-helpers.js';

export const PEOPLE_ROUTES = {
  claimedTwice: createRoute({
    method: 'get',
    path: '/api/people/claimed-twice',
    tags: ['program'],
    summary: 'Admin: individuals two organizations claim (one email, or an MCID a write was refused), paged',
    description:
      'The program counts a person for one organization at a time. Each individual comes with every organization’s ' +
      'claim: the person it lists and when its data last changed, or the refused write’s person, when it was first ' +
      'and last refused, and how often. A refusal drops out once the organization holding the MCID no longer lists it.',
    request: {
      query: z.object({
        offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'rows per page (default 50)' }),
      }),
    },
    responses: {
      200: json('A page of individuals', claimedTwicePageSchema),
      ...errorResponses(['request.invalid', 'auth.forbidden']),
    },
  }),
} as const;

/** What the operator needs to settle who counts an individual: partners never see other organizations. */
export function registerPeopleRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions): void {
  app.openapi(PEOPLE_ROUTES.claimedTwice, async (c) => {
    if (c.get('token').role !== 'admin') throw httpErrors.forbidden('people across organizations are for admin tokens');
    const { offset, limit } = c.req.valid('query');
    const page = await options.store.claimedTwice({
      ...(offset !== undefined && { offset }),
      ...(limit !== undefined && { limit }),
    });
    return c.json(page, 200);
  });
}
