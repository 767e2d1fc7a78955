import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AttainError } from '../core/attain-error.js';
import type { Organization } from '../engine/organization.js';
import { organizationDocument } from '../engine/organization-document.js';
import { parseOrganization } from '../engine/parse-organization.js';
import { IMPORT_KINDS, type ImportKind, isImportKind } from '../importers/import-kinds.js';
import { importIntoStore } from '../service/import-into-store.js';
import { type AppCaches, type AppEnv, type AppOptions, forgetOrganization } from './app-env.js';
import { errorResponses } from './contract/error-responses.js';
import { flagQuery } from './contract/query-schemas.js';
import {
  importResultSchema,
  loadOutcomesSchema,
  organizationDocumentSchema,
  organizationListSchema,
  replacedSchema,
} from './contract/store-schemas.js';
import { httpErrors } from './http-error.js';
import { actorOf, assertReadable, assertWritable, bodyText, json, orgParams, readableOrganization } from './route-helpers.js';

const tags = ['organizations'];
/** Organizations per bulk request, as per `attain load` batch: one transaction each. */
const LOAD_BATCH = 500;
const IMPORT_ERRORS = [
  'request.invalid',
  'import.invalid',
  'import.kind.unknown',
  'import.busy',
  'org.invalid',
  'org.not-found',
  'auth.forbidden',
  'store.conflict',
  'org.mcid.taken',
  'org.mcid.taken-elsewhere',
];

const ORGANIZATION_DOCUMENT_REF = { $ref: '#/components/schemas/OrganizationDocument' };

export const ORGANIZATION_ROUTES = {
  list: createRoute({
    method: 'get',
    path: '/api/orgs',
    tags,
    summary: 'Organizations this token can see',
    responses: { 200: json('The organizations', organizationListSchema), ...errorResponses([]) },
  }),
  load: createRoute({
    method: 'post',
    path: '/api/orgs',
    tags,
    summary: 'Admin: replace (or create) many organizations in one transaction, as `attain load` does',
    description:
      'Each organization is validated as `attain evaluate` validates a file; a bad one is refused and the others are ' +
      'written, all in one transaction with their re-evaluations queued.',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.object({
              organizations: z
                .array(z.unknown().openapi({ description: 'An organization file (OrganizationDocument), validated on its own' }))
                .min(1)
                .max(LOAD_BATCH),
            }),
          },
        },
        required: true,
      },
    },
    responses: {
      200: json('Each organization in the order sent: created, replaced, refused or failed', loadOutcomesSchema),
      ...errorResponses(['request.invalid', 'http.400', 'auth.forbidden']),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/orgs/{id}',
    tags,
    summary: 'The organization file (JSON)',
    request: { params: orgParams },
    responses: {
      200: json('The organization in the organization file format', organizationDocumentSchema),
      ...errorResponses(['request.invalid', 'org.not-found']),
    },
  }),
  replace: createRoute({
    method: 'put',
    path: '/api/orgs/{id}',
    tags,
    summary: 'Replace (or create) an organization from an organization file',
    description: 'The body is the organization file as JSON (any content type).',
    request: {
      params: orgParams,
      // Documented, not validated here: the organization's own reader gives each problem its code and path.
      body: { content: { 'application/json': { schema: ORGANIZATION_DOCUMENT_REF } }, required: true },
    },
    responses: {
      200: json('Whether the organization was created', replacedSchema),
      ...errorResponses([
        'request.invalid',
        'request.json',
        'org.id-mismatch',
        'org.invalid',
        'org.not-found',
        'auth.forbidden',
        'store.conflict',
        'org.mcid.taken',
        'org.mcid.taken-elsewhere',
      ]),
    },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/api/orgs/{id}',
    tags,
    summary: 'Admin: delete an organization and everything of it, its tokens included (audited)',
    request: { params: orgParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(['request.invalid', 'org.not-found', 'auth.forbidden']) },
  }),
  import: createRoute({
    method: 'post',
    path: '/api/orgs/{id}/imports/{kind}',
    tags,
    summary: 'Import a file: the organization file, attain CSV, or Partner Center exports (all or nothing)',
    description: `Kinds: ${IMPORT_KINDS.join(', ')}, or auto (recognized from the header). The body is the file itself.`,
    request: {
      params: orgParams.extend({ kind: z.string().openapi({ example: 'revenue' }) }),
      body: {
        description: 'The file itself',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/yaml': { schema: { type: 'string' } },
          'application/json': { schema: ORGANIZATION_DOCUMENT_REF },
        },
        required: true,
      },
      query: z.object({
        dryRun: flagQuery.openapi({ description: 'plan the import and write nothing' }),
        skipInvalid: flagQuery.openapi({
          description: 'leave out the rows with problems and import the others (listed in leftOut); default: refuse',
        }),
        name: z.string().max(200).optional().openapi({ description: "the file's name, for the format and messages" }),
      }),
    },
    responses: { 200: json('What the import did, or would do', importResultSchema), ...errorResponses(IMPORT_ERRORS) },
  }),
} as const;

export function registerOrganizationRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions, caches: AppCaches): void {
  const { store, catalog } = options;

  app.openapi(ORGANIZATION_ROUTES.list, async (c) => {
    const token = c.get('token');
    const all = await store.listOrganizations();
    return c.json({ organizations: all.filter((o) => token.role === 'admin' || o.id === token.org) }, 200);
  });

  app.openapi(ORGANIZATION_ROUTES.load, async (c) => {
    if (c.get('token').role !== 'admin') throw httpErrors.forbidden('loading many organizations is for admin tokens');
    const documents = c.req.valid('json').organizations;
    // In the order sent, so that the caller can tell which of its organizations each outcome is.
    const outcomes: z.infer<typeof loadOutcomesSchema>['outcomes'][number][] = [];
    const valid: { readonly at: number; readonly organization: Organization }[] = [];
    for (const [at, document] of documents.entries()) {
      try {
        valid.push({ at, organization: parseOrganization(document, catalog) });
      } catch (error) {
        if (!(error instanceof AttainError)) throw error;
        const id = isRecord(document) && typeof document.id === 'string' ? document.id : `#${at}`;
        outcomes[at] = { id, status: 'refused', error: error.toJSON() };
      }
    }
    const organizations = valid.map((v) => v.organization);
    const written =
      valid.length === 0 ? [] : await store.replaceOrganizations(organizations, actorOf(c), { batchSize: valid.length });
    written.forEach((o, k) => {
      forgetOrganization(caches, o.id);
      outcomes[(valid[k] as (typeof valid)[number]).at] = 'error' in o ? { ...o, error: o.error.toJSON() } : o;
    });
    return c.json({ outcomes }, 200);
  });

  app.openapi(ORGANIZATION_ROUTES.get, async (c) =>
    c.json(organizationDocument(await readableOrganization(c, options, c.req.valid('param').id)), 200),
  );

  app.openapi(ORGANIZATION_ROUTES.replace, async (c) => {
    const { id } = c.req.valid('param');
    assertWritable(c, id);
    const document = jsonBody(await bodyText(c));
    if (isRecord(document) && document.id !== undefined && document.id !== id) {
      throw new AttainError('org.id-mismatch', `the body's id "${String(document.id)}" is not the URL's "${id}"`, [
        { code: 'org.id-mismatch', path: '$.id', params: { value: String(document.id), expected: id } },
      ]);
    }
    const organization = parseOrganization(isRecord(document) ? { ...document, id } : document, catalog);
    const { created } = await store.replaceOrganization(organization, actorOf(c), 'org.replace');
    forgetOrganization(caches, id);
    return c.json({ created }, 200);
  });

  app.openapi(ORGANIZATION_ROUTES.delete, async (c) => {
    const { id } = c.req.valid('param');
    await assertReadable(c, options, id);
    // It takes the organization's history and tokens with it: not a partner's to decide.
    if (c.get('token').role !== 'admin') throw httpErrors.forbidden('deleting an organization is for admin tokens');
    await store.deleteOrganization(id, actorOf(c));
    forgetOrganization(caches, id);
    // Its tokens are gone; the watch tells every server, this one is told now.
    caches.tokens.clear();
    return c.body(null, 204);
  });

  app.openapi(ORGANIZATION_ROUTES.import, async (c) => {
    const { id, kind } = c.req.valid('param');
    const { dryRun, skipInvalid, name } = c.req.valid('query');
    if (kind !== 'auto' && !isImportKind(kind)) {
      throw new AttainError('import.kind.unknown', `unknown import kind "${kind}"; one of: auto, ${IMPORT_KINDS.join(', ')}`, [
        { code: 'import.kind.unknown', path: 'kind', params: { kind, known: IMPORT_KINDS.join(', ') } },
      ]);
    }
    assertWritable(c, id);
    const text = await bodyText(c);
    const fileOf = name ?? fileNameOf(c.req.header('content-type'), kind);
    const result = await importIntoStore(
      store,
      {
        orgId: id,
        ...(kind !== 'auto' && { kind: kind as ImportKind }),
        text,
        ...(fileOf && { file: fileOf }),
        catalog,
        skipInvalid,
      },
      { actor: actorOf(c), dryRun },
    );
    if (!dryRun && result.changed) forgetOrganization(caches, id);
    const { organization: _, additions: __, ...report } = result;
    return c.json({ ...report, dryRun }, 200);
  });
}

/** The request's JSON, or a clear 400 saying where it does not parse. */
function jsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AttainError('request.json', `the body is not JSON: ${(error as Error).message}`, [
      { code: 'request.json', path: '$', params: { reason: (error as Error).message } },
    ]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A name the importer can tell the format from: YAML and JSON bodies say so in their content type. */
function fileNameOf(contentType: string | undefined, kind: string): string | undefined {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('yaml')) return `upload-${kind}.yaml`;
  if (type.includes('json')) return `upload-${kind}.json`;
  if (type.includes('csv')) return `upload-${kind}.csv`;
  return undefined;
}
