import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { forecastRange } from '../service/forecast-range.js';
import type { AppCaches, AppEnv, AppOptions } from './app-env.js';
import { canRead } from './app-env.js';
import type { ComputePool } from './compute/compute-pool.js';
import { localeOf } from './locale-of.js';
import { dayParameter, JSON_HEADERS, ok, orgParams, readableOrganization, responseKey, wholeNumber } from './route-helpers.js';

const tags = ['reports'];

export function registerReportRoutes(
  app: OpenAPIHono<AppEnv>,
  options: AppOptions,
  caches: AppCaches,
  compute: () => ComputePool,
): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orgs/{id}/evaluation',
      tags,
      summary: 'Evaluate every level (the JSON of `attain evaluate --format json`)',
      request: { params: orgParams, query: z.object({ asOf: z.string().optional(), lang: z.string().optional() }) },
      responses: ok('The evaluation'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const asOf = dayParameter('asOf', c.req.valid('query').asOf);
      const key = String(asOf);
      let body = canRead(c.get('token'), id) ? caches.evaluations.get(id, key) : undefined;
      if (body === undefined) {
        const organization = await readableOrganization(c, options, id);
        // Computed off the event loop, and only read: serving an evaluation records nothing.
        body = await compute().run('evaluate', organization, { asOf });
        caches.evaluations.set(id, key, body);
      }
      caches.responses.set(id, responseKey(c), body);
      // Already JSON text: sent as is. The typed route expects c.json's type, which would serialize it again.
      return c.body(body, 200, JSON_HEADERS) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orgs/{id}/plan',
      tags,
      summary: 'The cheapest plan to a level (the JSON of `attain plan --format json`)',
      request: {
        params: orgParams,
        query: z.object({
          target: z.string().openapi({ example: 'cloud-crm/reseller/gold' }),
          asOf: z.string().optional(),
          exclude: z.union([z.string(), z.array(z.string())]).optional(),
          maxExamsPerPerson: z.string().optional(),
          noHire: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: ok('The plan'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const organization = await readableOrganization(c, options, id);
      const plan = await compute().run('plan', organization, {
        target: query.target,
        asOf: dayParameter('asOf', query.asOf),
        maxExamsPerPerson: wholeNumber('maxExamsPerPerson', query.maxExamsPerPerson, 0) ?? null,
        exclude: c.req.queries('exclude') ?? [],
        noHire: query.noHire === 'true',
      });
      return c.body(plan, 200, JSON_HEADERS) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/orgs/{id}/forecast',
      tags,
      summary: 'Every day a level is gained or lost (the JSON of `attain forecast --format json`)',
      request: {
        params: orgParams,
        query: z.object({
          from: z.string().optional(),
          to: z.string().optional(),
          atRisk: z.string().optional(),
          lang: z.string().optional(),
        }),
      },
      responses: ok('The forecast, or with atRisk the levels at risk and the plans that keep them'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const riskDays = wholeNumber('atRisk', query.atRisk, 1);
      const { from, to } = forecastRange(
        dayParameter('from', query.from),
        riskDays !== undefined
          ? { atRiskDays: riskDays }
          : query.to !== undefined && query.to !== ''
            ? { to: dayParameter('to', query.to) }
            : {},
      );
      const organization = await readableOrganization(c, options, id);
      const params = { from, to, locale: localeOf(c) };
      const body = await compute().run(riskDays !== undefined ? 'atRisk' : 'forecast', organization, params);
      return c.body(body, 200, JSON_HEADERS) as never;
    },
  );
}
