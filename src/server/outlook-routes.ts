import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { formatDay } from '../core/day.js';
import { latestDataDay } from '../engine/latest-data-day.js';
import type { AppEnv, AppOptions } from './app-env.js';
import type { ComputePool } from './compute/compute-pool.js';
import { errorResponses } from './contract/error-responses.js';
import { dataDatesSchema, outlookSchema } from './contract/outlook-schema.js';
import { dayQuery } from './contract/query-schemas.js';
import { jsonText } from './json-text.js';
import { json, orgParams, readableOrganization } from './route-helpers.js';

const tags = ['reports'];

export const OUTLOOK_ROUTES = {
  outlook: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/outlook',
    tags,
    summary: "Each level's standing, first change within the forecast's horizon, and the one next action",
    request: { params: orgParams, query: z.object({ asOf: dayQuery('asOf', 'the day to look ahead from') }) },
    responses: {
      200: json('The outlook', outlookSchema),
      ...errorResponses(['request.invalid', 'request.parameter', 'input.date.range', 'org.not-found', 'compute.timeout']),
    },
  }),
  dataDates: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/data-dates',
    tags,
    summary: 'The last day on which the data records a revenue record or an exam pass',
    request: { params: orgParams },
    responses: { 200: json('The last day with data', dataDatesSchema), ...errorResponses(['org.not-found']) },
  }),
} as const;

/** What a practice lead reads first: each level's next change and next action, and the last day the data covers. */
export function registerOutlookRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions, compute: () => ComputePool): void {
  app.openapi(OUTLOOK_ROUTES.outlook, async (c) => {
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('query');
    const organization = await readableOrganization(c, options, id);
    return jsonText(c, await compute().run('outlook', organization, { asOf }), 200);
  });

  app.openapi(OUTLOOK_ROUTES.dataDates, async (c) => {
    const organization = await readableOrganization(c, options, c.req.valid('param').id);
    // One pass over the records already read, cheaper than copying them to a worker thread.
    const latest = latestDataDay(organization);
    return c.json({ latest: latest === null ? null : formatDay(latest) }, 200);
  });
}
