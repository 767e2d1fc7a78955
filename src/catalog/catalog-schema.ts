import { z } from 'zod';
import { kindSchemas, type RawRequirement } from '../kinds/kind-schemas.js';
import { type FormatCode, id, isoDate, localized } from './schema-parts.js';
import { EVERY_MARKET, UNPUBLISHED } from './threshold-words.js';

export type { RawPath } from '../kinds/any-of/any-of-schema.js';
export type { RawRequirement } from '../kinds/kind-schemas.js';
export type { RawFormula, RawThresholds } from './schema-parts.js';
export { EVERY_MARKET, UNPUBLISHED };

/**
 * The structure of an authored catalog (YAML or JSON), checked with zod before the semantic checks of
 * `validateCatalog`. Only validation and the JSON Schema export import this file: zod is too heavy for the
 * start-up of `attain evaluate`, which reads the shipped catalogs already validated at build time.
 */

// Each kind states its own schema in its folder; a requirement is any of them.
const requirement: z.ZodType<RawRequirement> = z.lazy(() =>
  z.discriminatedUnion(
    'kind',
    // Every kind's own schema, in the registry's order.
    Object.values(kindSchemas(requirement)) as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
  ),
) as z.ZodType<RawRequirement>;

const level = z.strictObject({ id, name: localized, requirements: z.array(requirement) });

/**
 * A level as authored may extend another level of its option (`resolveExtends` expands it before the schema
 * applies): it takes the other's requirements and states only what differs. Only the JSON Schema shows this form.
 */
const extendingLevel = z.strictObject({
  id,
  extends: id.describe('The id of another level of the same option, whose name and requirements this level starts from'),
  name: localized.optional(),
  requirements: z
    .array(z.looseObject({ id }))
    .optional()
    .describe(
      'Overrides, matched by id: a field replaces the inherited one, except lists of things with ids (requirements, paths, pools, roles), which are matched by id in turn; an id the level extended lacks is added',
    ),
});

/** The catalog's structure around a form of level: the parsed form (every level complete) or the authored one. */
function catalogWith<L extends z.ZodType>(levelSchema: L) {
  const option = z.strictObject({ id, name: localized, levels: z.array(levelSchema).min(1) });
  const version = z.strictObject({
    id: z.string().min(1),
    effective: isoDate.optional(),
    source: z.string().optional(),
    options: z.array(option).min(1),
  });
  const competency = z.strictObject({ id, name: localized, versions: z.array(version).min(1) });
  return z.strictObject({
    format: z.literal('attain-catalog/1'),
    id,
    name: localized,
    locales: z.array(z.string().min(2)).min(1),
    currency: z.string().regex(/^[A-Z]{3}$/, 'catalog.format.currency' satisfies FormatCode),
    markets: z.array(id.refine((m) => m !== EVERY_MARKET, 'catalog.format.every-market' satisfies FormatCode)).min(1),
    policy: z
      .strictObject({
        revenueAssociation: z.enum(['within-period', 'associated-at-as-of']).default('within-period'),
        maxCompetenciesPerPerson: z.number().int().positive().nullable().default(null),
      })
      .default({ revenueAssociation: 'within-period', maxCompetenciesPerPerson: null }),
    exams: z.array(exam),
    products: z.array(product),
    errata: z.array(z.strictObject({ location: z.string(), note: localized })).default([]),
    competencies: z.array(competency).min(1),
  });
}

/**
 * An entry of the credential registry (the key stays `exams:` so that every catalog written so far means the same):
 * an exam by default, or an assessment or a certification, which may be valid for a number of months from the pass.
 */
const exam = z.strictObject({
  code: z.string().min(1),
  title: localized,
  // No default filled in: a catalog's plain form (what the build writes and /api/catalog serves) stays as it was.
  type: z.enum(['exam', 'assessment', 'certification']).optional().describe('What the entry is; an exam when absent'),
  validForMonths: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('How long a pass stays valid, in months from the day it was earned; a pass file may state its own `expires`'),
  launched: isoDate.optional(),
  retired: isoDate.optional(),
  acceptedUntil: isoDate.optional(),
});

const product = z.strictObject({
  id,
  aliases: z.array(z.string()).default([]),
  name: localized,
  matches: z.array(z.string()).default([]),
});

/** A catalog with every level complete: what `validateCatalog` parses once `extends` is resolved. */
export const catalogSchema = catalogWith(level);
const authoredCatalogSchema = catalogWith(z.union([level, extendingLevel]));

/** A catalog as authored, after defaults are filled in. */
export type RawCatalog = z.output<typeof catalogSchema>;

/** The JSON Schema of the catalog format, for editors. */
export function catalogJsonSchema(): unknown {
  return z.toJSONSchema(authoredCatalogSchema, { io: 'input', unrepresentable: 'any' });
}
