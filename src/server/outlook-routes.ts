import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { formatDay } from '../core/day.js';
import { latestDataDay } from '../engine/latest-data-day.js';
import type { AppEnv, AppOptions } from './app-env.js';
import type { ComputePool } from './compute/compute-pool.js';
import { dayParameter, JSON_HEADERS, ok, orgParams, readableOrganization } from './route-helpers.js';

const tags = ['reports'];

/** What a practice lead reads first: each level's next change and next action, and the last day the data covers. */
export function registerOutlookRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions, compute: () => ComputePool): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orgs/{id}/outlook',
      tags,
      summary: "Each level's standing, first change within the forecast's horizon, and the one next action",
      request: { params: orgParams, query: z.object({ asOf: z.string().optional() }) },
      responses: ok('{ asOf, horizonDays, levels: [{ competency, option, level, status, nextChange, atRisk, action }] }'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const asOf = dayParameter('asOf', c.req.valid('query').asOf);
      const organization = await readableOrganization(c, options, id);
      const body = await compute().run('outlook', organization, { asOf });
      return c.body(body, 200, JSON_HEADERS) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orgs/{id}/data-dates',
      tags,
      summary: 'The last day on which the data records a revenue record or an exam pass',
      request: { params: orgParams },
      responses: ok('{ latest: YYYY-MM-DD | null }'),
    }),
    async (c) => {
      const organization = await readableOrganization(c, options, c.req.valid('param').id);
      // One pass over the records already read, cheaper than copying them to a worker thread.
      const latest = latestDataDay(organization);
      return c.json({ latest: latest === null ? null : formatDay(latest) }, 200);
    },
  );
}
