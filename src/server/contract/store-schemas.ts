import { z } from '@hono/zod-openapi';
import { ASSOCIATION_TYPES } from '../../engine/organization.js';
import type { OrganizationDocument } from '../../engine/organization-document.js';
import { IMPORT_KINDS } from '../../importers/import-kinds.js';
import { type ImportPlan, RECORD_TYPES } from '../../importers/import-plan.js';
import { type AuditEntry, type OrganizationSummary, ROLES, type TokenRecord } from '../../store/store.js';
import { issueGroupSchema } from './error-responses.js';
import { daySchema, decimalSchema } from './evaluation-schema.js';
import { type Same, sameType } from './same-type.js';

/** `GET /api/health`: the process answers, with the catalog it serves. */
export const healthSchema = z.object({ ok: z.literal(true), catalog: z.string() }).openapi('Health');
/** `GET /api/ready`: the store answers and can write. */
export const readySchema = z.object({ ok: z.literal(true) }).openapi('Ready');

export const roleSchema = z.enum(ROLES);
/** `GET /api/me`: who the token is. */
export const meSchema = z.object({ role: roleSchema, org: z.string().nullable(), tokenId: z.string() }).openapi('Me');

const organizationSummary = z.object({
  id: z.string(),
  name: z.string().nullable(),
  market: z.string(),
  country: z.string().nullable(),
  people: z.number().int(),
  customers: z.number().int(),
  revenueRecords: z.number().int(),
  updatedAt: z.string(),
  /** The levels the stored standing holds, as of its day; null before the program has evaluated the organization. */
  held: z
    .object({
      asOf: z.string(),
      levels: z.array(z.object({ competency: z.string(), option: z.string(), level: z.string() })).readonly(),
    })
    .nullable(),
});
export const organizationListSchema = z
  .object({ organizations: z.array(organizationSummary).readonly() })
  .openapi('OrganizationList');

const periodSchema = z.object({ from: daySchema, to: daySchema.exactOptional() });

/** The organization file's JSON, as `parseOrganization` reads it: amounts and rates as decimal text. */
export const organizationDocumentSchema = z
  .object({
    id: z.string(),
    name: z.string().exactOptional(),
    market: z.string(),
    country: z.string().exactOptional(),
    fx: z.record(z.string(), decimalSchema).exactOptional(),
    people: z
      .array(
        z.object({
          id: z.string(),
          name: z.string().exactOptional(),
          mcid: z.string().exactOptional(),
          email: z.string().exactOptional(),
          exams: z.array(z.object({ exam: z.string(), passed: daySchema, expires: daySchema.exactOptional() })).readonly(),
        }),
      )
      .readonly(),
    customers: z
      .array(
        z.object({
          id: z.string(),
          name: z.string().exactOptional(),
          country: z.string().exactOptional(),
          dpor: z.array(periodSchema).readonly(),
          associations: z
            .array(periodSchema.extend({ type: z.enum(ASSOCIATION_TYPES) }))
            .readonly()
            .exactOptional(),
        }),
      )
      .readonly(),
    revenue: z
      .array(
        z.object({
          customer: z.string(),
          product: z.string(),
          date: daySchema,
          amount: decimalSchema,
          currency: z.string(),
          netNew: z.boolean(),
          attribution: z.enum(ASSOCIATION_TYPES).exactOptional(),
        }),
      )
      .readonly(),
    subscriptions: z
      .array(
        z.object({
          id: z.string().exactOptional(),
          customer: z.string(),
          product: z.string(),
          seats: z.number().int(),
          from: daySchema,
          to: daySchema.exactOptional(),
          trial: z.boolean().exactOptional(),
        }),
      )
      .readonly()
      .exactOptional(),
    consumption: z
      .array(
        z.object({
          customer: z.string(),
          date: daySchema,
          amount: decimalSchema,
          currency: z.string(),
          service: z.string().exactOptional(),
        }),
      )
      .readonly()
      .exactOptional(),
    devices: z
      .array(z.object({ product: z.string(), date: daySchema, units: z.number().int() }))
      .readonly()
      .exactOptional(),
  })
  .openapi('OrganizationDocument');

export const replacedSchema = z.object({ created: z.boolean() }).openapi('Replaced');

/** A refused organization's error, as `AttainError.toJSON` writes it. */
const errorJson = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().exactOptional(),
  issues: z
    .array(z.object({ code: z.string(), path: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }))
    .readonly(),
});
export const loadOutcomesSchema = z
  .object({
    outcomes: z
      .array(
        z.union([
          z.object({ id: z.string(), status: z.enum(['created', 'replaced']), batch: z.number().int() }),
          z.object({ id: z.string(), status: z.literal('refused'), error: errorJson }),
          z.object({ id: z.string(), status: z.literal('failed'), batch: z.number().int(), error: errorJson }),
        ]),
      )
      .readonly(),
  })
  .openapi('LoadOutcomes');

const counts = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
});
const codedParams = z.record(z.string(), z.union([z.string(), z.number()]));
/** What an import did, or on a dry run would do: `attain import --format json`'s report. */
export const importResultSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    replace: z.boolean(),
    summary: z.object(
      Object.fromEntries(RECORD_TYPES.map((t) => [t, counts])) as Record<(typeof RECORD_TYPES)[number], typeof counts>,
    ),
    rows: z.number().int(),
    skipped: z.array(z.object({ line: z.number().int(), reason: z.string(), params: codedParams })).readonly(),
    notices: z.array(z.object({ code: z.string(), params: codedParams })).readonly(),
    changed: z.boolean(),
    dryRun: z.boolean(),
    /** With `skipInvalid=true`: the rows left out for their problems, the first 1000 problems and every cause counted. */
    leftOut: z
      .object({
        rows: z.number().int(),
        problems: z.number().int(),
        issues: z.array(z.object({ code: z.string(), path: z.string(), params: codedParams })).readonly(),
        groups: z.array(issueGroupSchema).readonly(),
      })
      .exactOptional(),
  })
  .openapi('ImportResult');

export const tokenSchema = z
  .object({
    id: z.string(),
    role: roleSchema,
    org: z.string().nullable(),
    label: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');
export const createdTokenSchema = z
  .object({ secret: z.string(), token: tokenSchema })
  .openapi('CreatedToken', { description: 'The secret is shown here once; only its hash is stored.' });
export const tokenListSchema = z.object({ tokens: z.array(tokenSchema).readonly() }).openapi('TokenList');

const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.enum(['token', 'cli', 'system']), id: z.string() }),
  org: z.string().nullable(),
  action: z.string(),
  detail: z.unknown().openapi({ description: "The change's details, as the action records them (counts, ids, a summary)" }),
});
export const auditPageSchema = z
  .object({ entries: z.array(auditEntry).readonly(), next: z.number().int().nullable() })
  .openapi('AuditPage', { description: '`next` is the `before` of the next page, or null on the last' });

sameType<Same<z.infer<typeof organizationSummary>, OrganizationSummary>>();
sameType<Same<z.infer<typeof organizationDocumentSchema>, OrganizationDocument>>();
sameType<Same<z.infer<typeof tokenSchema>, TokenRecord>>();
sameType<Same<z.infer<typeof auditEntry>, AuditEntry>>();
sameType<Same<Omit<z.infer<typeof importResultSchema>, 'dryRun'>, Omit<ImportPlan, 'organization' | 'additions'>>>();
