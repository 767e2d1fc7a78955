import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { forecastRange } from '../service/forecast-range.js';
import type { AppCaches, AppEnv, AppOptions } from './app-env.js';
import { canRead } from './app-env.js';
import type { ComputePool } from './compute/compute-pool.js';
import { errorResponses } from './contract/error-responses.js';
import { evaluationSchema } from './contract/evaluation-schema.js';
import { atRiskSchema, forecastSchema } from './contract/forecast-schema.js';
import { planSchema } from './contract/plan-schema.js';
import { dayQuery, flagQuery, langQuery, listQuery, optionalDayQuery, wholeNumberQuery } from './contract/query-schemas.js';
import { jsonText } from './json-text.js';
import { localeOf } from './locale-of.js';
import { json, orgParams, readableOrganization, responseKey } from './route-helpers.js';

const tags = ['reports'];
const REPORT_ERRORS = ['request.invalid', 'request.parameter', 'input.date.range', 'org.not-found', 'compute.timeout'];

export const REPORT_ROUTES = {
  evaluation: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/evaluation',
    tags,
    summary: 'Evaluate every level (the JSON of `attain evaluate --format json`)',
    request: {
      params: orgParams,
      query: z.object({ asOf: dayQuery('asOf', 'the day to evaluate as of'), lang: langQuery }),
    },
    responses: { 200: json('The evaluation', evaluationSchema), ...errorResponses(REPORT_ERRORS) },
  }),
  plan: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/plan',
    tags,
    summary: 'The cheapest plan to a level (the JSON of `attain plan --format json`)',
    request: {
      params: orgParams,
      query: z.object({
        target: z.string().openapi({ example: 'cloud-crm/reseller/gold', description: 'competency/option/level' }),
        asOf: dayQuery('asOf', 'the day to plan from'),
        exclude: listQuery.openapi({ description: 'people not to plan exams for (repeat the parameter for several)' }),
        maxExamsPerPerson: wholeNumberQuery('maxExamsPerPerson', 0, 'at most this many exams for one person'),
        noHire: flagQuery.openapi({ description: 'plan with the people there are, hiring nobody' }),
        lang: langQuery,
      }),
    },
    responses: {
      200: json('The plan', planSchema),
      ...errorResponses([...REPORT_ERRORS, 'plan.unknown-target', 'plan.unknown-person']),
    },
  }),
  forecast: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/forecast',
    tags,
    summary: 'Every day a level is gained or lost (the JSON of `attain forecast --format json`)',
    request: {
      params: orgParams,
      query: z.object({
        from: dayQuery('from', 'the first day'),
        to: optionalDayQuery('to', 'the last day (default a year after from)'),
        atRisk: wholeNumberQuery('atRisk', 1, 'answer instead the levels held now and lost within this many days'),
        lang: langQuery,
      }),
    },
    responses: {
      200: json(
        'The forecast; with atRisk, the levels at risk and the plans that keep them',
        z.union([forecastSchema, atRiskSchema]),
      ),
      ...errorResponses([...REPORT_ERRORS, 'forecast.range']),
    },
  }),
} as const;

export function registerReportRoutes(
  app: OpenAPIHono<AppEnv>,
  options: AppOptions,
  caches: AppCaches,
  compute: () => ComputePool,
): void {
  app.openapi(REPORT_ROUTES.evaluation, async (c) => {
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('query');
    const key = String(asOf);
    let body = canRead(c.get('token'), id) ? caches.evaluations.get(id, key) : undefined;
    if (body === undefined) {
      const organization = await readableOrganization(c, options, id);
      // Computed off the event loop, and only read: serving an evaluation records nothing.
      body = await compute().run('evaluate', organization, { asOf });
      caches.evaluations.set(id, key, body);
    }
    caches.responses.set(id, responseKey(c), body);
    return jsonText(c, body, 200);
  });

  app.openapi(REPORT_ROUTES.plan, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const organization = await readableOrganization(c, options, id);
    const plan = await compute().run('plan', organization, {
      target: query.target,
      asOf: query.asOf,
      maxExamsPerPerson: query.maxExamsPerPerson ?? null,
      exclude: query.exclude,
      noHire: query.noHire,
    });
    return jsonText(c, plan, 200);
  });

  app.openapi(REPORT_ROUTES.forecast, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const riskDays = query.atRisk;
    const { from, to } = forecastRange(
      query.from,
      riskDays !== undefined ? { atRiskDays: riskDays } : query.to !== undefined ? { to: query.to } : {},
    );
    const organization = await readableOrganization(c, options, id);
    const params = { from, to, locale: localeOf(c) };
    return riskDays !== undefined
      ? jsonText(c, await compute().run('atRisk', organization, params), 200)
      : jsonText(c, await compute().run('forecast', organization, params), 200);
  });
}
