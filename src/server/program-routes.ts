import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Catalog } from '../catalog/catalog-types.js';
import { readDraftCatalog } from '../catalog/read-draft-catalog.js';
import { AttainError } from '../core/attain-error.js';
import { formatDay } from '../core/day.js';
import { catalogFingerprint } from '../program/catalog-fingerprint.js';
import { impactTotals } from '../program/impact-totals.js';
import { LIFECYCLE_STATUSES } from '../program/standing-types.js';
import { type ProgramFilter, SORTS } from '../store/program-store.js';
import { type AppEnv, type AppOptions, canRead } from './app-env.js';
import { errorResponses } from './contract/error-responses.js';
import {
  impactReportSchema,
  programCountsSchema,
  programPageSchema,
  programRunSchema,
  standingSchema,
  transitionsSchema,
} from './contract/program-schemas.js';
import { dayField, dayQuery, flagQuery, optionalDayQuery } from './contract/query-schemas.js';
import { httpErrors } from './http-error.js';
import { PROGRAM_CSV_HEADER, programCsv } from './program-csv.js';
import { actorOf, assertReadable, bodyText, json, orgParams } from './route-helpers.js';

const tags = ['program'];
const STATUSES = ['attained', 'not-attained', 'undetermined'] as const;
/** The stored standings look this far ahead; an at-risk window beyond it could not be answered. */
const HORIZON = 90;

const filterQuery = z.object({
  level: z.string().max(300).optional().openapi({ example: 'cloud-crm/reseller/gold' }),
  status: z.enum(STATUSES).optional(),
  lifecycle: z.enum(LIFECYCLE_STATUSES).optional(),
  market: z.string().max(100).optional(),
  atRiskWithin: z.coerce.number().int().min(0).max(HORIZON).optional(),
  q: z.string().max(200).optional(),
  failed: flagQuery.openapi({ description: 'only organizations whose last evaluation failed' }),
});
const pageQuery = filterQuery.extend({
  sort: z.enum(SORTS).optional(),
  desc: flagQuery.openapi({ description: 'sort descending' }),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const levelBody = z.object({
  competency: z.string().min(1).max(200),
  option: z.string().min(1).max(200),
  level: z.string().min(1).max(200),
});

function filterOf(query: z.infer<typeof filterQuery>): ProgramFilter {
  return {
    ...(query.level !== undefined && { level: query.level }),
    ...(query.status !== undefined && { status: query.status }),
    ...(query.lifecycle !== undefined && { lifecycle: query.lifecycle }),
    ...(query.market !== undefined && { market: query.market }),
    ...(query.atRiskWithin !== undefined && { atRiskWithin: query.atRiskWithin }),
    ...(query.q !== undefined && { text: query.q }),
    ...(query.failed && { failed: true }),
  };
}

function requireAdmin(c: Context<AppEnv>): void {
  if (c.get('token').role !== 'admin') throw httpErrors.forbidden('the program view is for admin tokens');
}

const ADMIN = ['request.invalid', 'auth.forbidden'];
const RUN_PARAMS = z.object({ run: z.string().max(20).openapi({ example: '1' }) });
const CATALOG_REF = { $ref: '#/components/schemas/Catalog' };

export const PROGRAM_ROUTES = {
  page: createRoute({
    method: 'get',
    path: '/api/program/organizations',
    tags,
    summary: 'Admin: a page of organizations with their stored standings, filtered and sorted on the server',
    request: { query: pageQuery },
    responses: { 200: json('A page of organizations', programPageSchema), ...errorResponses(ADMIN) },
  }),
  csv: createRoute({
    method: 'get',
    path: '/api/program/organizations.csv',
    tags,
    summary: 'Admin: every organization × level the filter matches, as CSV',
    request: { query: filterQuery },
    responses: {
      200: {
        description: `CSV with the header ${PROGRAM_CSV_HEADER.join(',')}; a cell starting with = + - @ is prefixed with '`,
        content: { 'text/csv': { schema: z.string().openapi({ example: `${PROGRAM_CSV_HEADER.join(',')}\r\n` }) } },
      },
      ...errorResponses(ADMIN),
    },
  }),
  counts: createRoute({
    method: 'get',
    path: '/api/program/counts',
    tags,
    summary: 'Admin: per level, how many organizations attain it, are at risk, and stand at each lifecycle status',
    responses: { 200: json('The counts, as of the last run', programCountsSchema), ...errorResponses(ADMIN) },
  }),
  runs: createRoute({
    method: 'get',
    path: '/api/program/runs',
    tags,
    summary: 'Admin: the latest runs of the program, with their progress',
    responses: {
      200: json('The runs, newest first', z.object({ runs: z.array(programRunSchema).readonly() })),
      ...errorResponses(ADMIN),
    },
  }),
  startRun: createRoute({
    method: 'post',
    path: '/api/program/runs',
    tags,
    summary: 'Admin: evaluate every organization now (as a job); answers at once with the run to follow',
    request: { query: z.object({ asOf: dayQuery('asOf', 'the day to evaluate as of') }) },
    responses: {
      202: json('The run, queued', programRunSchema),
      ...errorResponses([...ADMIN, 'request.parameter', 'input.date.range']),
    },
  }),
  run: createRoute({
    method: 'get',
    path: '/api/program/runs/{run}',
    tags,
    summary: 'Admin: one run and its progress',
    request: { params: RUN_PARAMS },
    responses: { 200: json('The run', programRunSchema), ...errorResponses([...ADMIN, 'route.not-found']) },
  }),
  startImpact: createRoute({
    method: 'post',
    path: '/api/program/impacts',
    tags,
    summary: 'Admin: the impact of a draft catalog (YAML or JSON body) on every stored organization, as a job',
    request: {
      query: z.object({
        asOf: dayQuery('asOf', 'the day to compare as of'),
        name: z.string().max(200).optional().openapi({ description: "the draft's name, for messages" }),
      }),
      body: {
        description: 'The draft catalog, in the catalog format (YAML or JSON)',
        content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: CATALOG_REF } },
        required: true,
      },
    },
    responses: {
      202: json('The impact run, queued', programRunSchema),
      ...errorResponses([...ADMIN, 'request.parameter', 'input.date.range', 'catalog.invalid', 'input.malformed']),
    },
  }),
  impacts: createRoute({
    method: 'get',
    path: '/api/program/impacts',
    tags,
    summary: 'Admin: the latest impact reports',
    responses: {
      200: json('The impact runs, newest first', z.object({ impacts: z.array(programRunSchema).readonly() })),
      ...errorResponses(ADMIN),
    },
  }),
  impact: createRoute({
    method: 'get',
    path: '/api/program/impacts/{run}',
    tags,
    summary: 'Admin: an impact report: its progress, who gains and who loses which level, and totals',
    request: {
      params: RUN_PARAMS,
      query: z.object({
        offset: z.coerce.number().int().min(0).optional(),
        limit: z.coerce.number().int().min(1).max(10_000).optional(),
      }),
    },
    responses: { 200: json('The report', impactReportSchema), ...errorResponses([...ADMIN, 'route.not-found']) },
  }),
  standing: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/standing',
    tags,
    summary: "The organization's stored standing per level (status, gaps, next change, at risk, lifecycle)",
    request: { params: orgParams },
    responses: {
      200: json('The stored evaluation, or { org, pending: true } before the first job has run', standingSchema),
      ...errorResponses(['request.invalid', 'org.not-found']),
    },
  }),
  transitions: createRoute({
    method: 'get',
    path: '/api/orgs/{id}/transitions',
    tags,
    summary: 'What changed for the organization, when, and why: newest first',
    request: { params: orgParams, query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).optional() }) },
    responses: {
      200: json('The transitions, newest first', transitionsSchema),
      ...errorResponses(['request.invalid', 'org.not-found']),
    },
  }),
  award: createRoute({
    method: 'post',
    path: '/api/orgs/{id}/awards',
    tags,
    summary: 'Admin: record the day a level was granted (its anniversary year starts then)',
    request: {
      params: orgParams,
      body: {
        content: {
          'application/json': { schema: levelBody.extend({ awarded: dayField('awarded', 'the day the level was granted') }) },
        },
      },
    },
    responses: {
      204: { description: 'Recorded; the organization is re-evaluated' },
      ...errorResponses([
        ...ADMIN,
        'http.400',
        'request.parameter',
        'input.date.range',
        'program.level.invalid',
        'store.not-found',
      ]),
    },
  }),
  override: createRoute({
    method: 'put',
    path: '/api/orgs/{id}/overrides',
    tags,
    summary: "Admin: hold a level's lifecycle status until a day, whatever the data says (status null clears it)",
    request: {
      params: orgParams,
      body: {
        content: {
          'application/json': {
            schema: levelBody.extend({
              status: z.enum(LIFECYCLE_STATUSES).nullable(),
              until: optionalDayQuery('until', 'the last day the status holds (required unless status is null)'),
              reason: z.string().max(2000).optional(),
            }),
          },
        },
      },
    },
    responses: {
      204: { description: 'Recorded; the organization is re-evaluated' },
      ...errorResponses([
        ...ADMIN,
        'http.400',
        'request.parameter',
        'input.date.range',
        'program.level.invalid',
        'program.override.invalid',
        'store.not-found',
      ]),
    },
  }),
} as const;

/**
 * The program as stored by the jobs: the operator's filtered pages, counts and CSV, runs and impact reports, and
 * each organization's standing and transitions. Every answer is a query; nothing here evaluates.
 */
export function registerProgramRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions): void {
  const { store } = options;
  const program = store.program;
  let fingerprint: { catalog: Catalog; value: string } | undefined;
  const currentCatalog = () => {
    if (fingerprint?.catalog !== options.catalog)
      fingerprint = { catalog: options.catalog, value: catalogFingerprint(options.catalog) };
    return fingerprint.value;
  };

  app.openapi(PROGRAM_ROUTES.page, async (c) => {
    requireAdmin(c);
    const q = c.req.valid('query');
    const page = await program.page({
      ...filterOf(q),
      ...(q.sort !== undefined && { sort: q.sort }),
      descending: q.desc,
      ...(q.offset !== undefined && { offset: q.offset }),
      ...(q.limit !== undefined && { limit: q.limit }),
    });
    return c.json(page, 200);
  });

  app.openapi(PROGRAM_ROUTES.csv, async (c) => {
    requireAdmin(c);
    const csv = await programCsv(store, filterOf(c.req.valid('query')));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=UTF-8',
      'content-disposition': 'attachment; filename="attain-program.csv"',
    });
  });

  app.openapi(PROGRAM_ROUTES.counts, async (c) => {
    requireAdmin(c);
    const [levels, asOf] = await Promise.all([program.counts(), program.programAsOf()]);
    return c.json({ asOf, levels }, 200);
  });

  app.openapi(PROGRAM_ROUTES.runs, async (c) => {
    requireAdmin(c);
    return c.json({ runs: await program.runs('run') }, 200);
  });

  app.openapi(PROGRAM_ROUTES.startRun, async (c) => {
    requireAdmin(c);
    const asOf = formatDay(c.req.valid('query').asOf);
    const run = await program.startRun({ kind: 'run', asOf, catalog: currentCatalog() });
    return c.json(run, 202);
  });

  app.openapi(PROGRAM_ROUTES.run, async (c) => {
    requireAdmin(c);
    const run = await program.run(c.req.valid('param').run);
    if (run?.kind !== 'run') throw notFound('run', c.req.valid('param').run);
    return c.json(run, 200);
  });

  app.openapi(PROGRAM_ROUTES.startImpact, async (c) => {
    requireAdmin(c);
    const query = c.req.valid('query');
    const asOf = formatDay(query.asOf);
    const name = query.name ?? 'draft';
    const draft = await readDraftCatalog(name, await bodyText(c));
    const run = await program.startRun({ kind: 'impact', asOf, catalog: currentCatalog(), draft, draftName: name });
    return c.json(run, 202);
  });

  app.openapi(PROGRAM_ROUTES.impacts, async (c) => {
    requireAdmin(c);
    return c.json({ impacts: await program.runs('impact') }, 200);
  });

  app.openapi(PROGRAM_ROUTES.impact, async (c) => {
    requireAdmin(c);
    const id = c.req.valid('param').run;
    const run = await program.run(id);
    if (run?.kind !== 'impact') throw notFound('impact', id);
    const q = c.req.valid('query');
    const all = await program.impactChanges(id);
    const changes = all.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 1000));
    return c.json({ run, totals: impactTotals(all), total: all.length, changes }, 200);
  });

  app.openapi(PROGRAM_ROUTES.standing, async (c) => {
    const { id } = c.req.valid('param');
    if (!canRead(c.get('token'), id)) throw httpErrors.notFound(id);
    // A stored evaluation means the organization exists (it goes with it): only without one is the organization
    // looked up, which reads all of its records.
    const evaluation = await program.evaluation(id);
    if (evaluation) return c.json(evaluation, 200);
    await assertReadable(c, options, id);
    return c.json({ org: id, pending: true as const }, 200);
  });

  app.openapi(PROGRAM_ROUTES.transitions, async (c) => {
    const { id } = c.req.valid('param');
    await assertReadable(c, options, id);
    const limit = c.req.valid('query').limit;
    return c.json({ transitions: await program.transitions(id, limit === undefined ? {} : { limit }) }, 200);
  });

  app.openapi(PROGRAM_ROUTES.award, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const awarded = formatDay(body.awarded);
    await program.recordAward(id, levelOf(body), awarded, actorOf(c));
    return c.body(null, 204);
  });

  app.openapi(PROGRAM_ROUTES.override, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    if (body.status !== null && body.until === undefined) throw httpErrors.badParameter('until', '');
    const override =
      body.status === null || body.until === undefined
        ? null
        : { status: body.status, until: formatDay(body.until), reason: body.reason ?? '' };
    await program.recordOverride(id, levelOf(body), override, actorOf(c));
    return c.body(null, 204);
  });
}

function levelOf(body: { competency: string; option: string; level: string }) {
  return { competency: body.competency, option: body.option, level: body.level };
}

function notFound(what: string, id: string): AttainError {
  return new AttainError('route.not-found', `no ${what} ${id}`, []);
}
