import { z } from '@hono/zod-openapi';
import type { RawCatalog, RawRequirement } from '../../catalog/catalog-schema.js';
import { ASSOCIATION_TYPES } from '../../engine/organization.js';
import { METRIC_MEASURES } from '../../kinds/metric/metric-types.js';
import { type Same, sameType } from './same-type.js';

/**
 * The catalog as `GET /api/catalog` publishes it: the validated document, every default filled in. The catalog
 * reader's own schema (catalog-schema.ts) stays free of the OpenAPI extension, which would slow `attain evaluate`'s
 * start; this one is checked against its type, so the two cannot say different things.
 */
const localized = z.record(z.string(), z.string()).openapi({ description: 'A text per language tag', example: { en: 'Gold' } });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const amount = z.union([z.number(), z.string()]);
type Formula = string | { allOf: Formula[] } | { oneOf: Formula[] };
const formula: z.ZodType<Formula> = z
  .lazy(() => z.union([z.string(), z.object({ allOf: z.array(formula) }), z.object({ oneOf: z.array(formula) })]))
  .openapi('ExamFormula');

const associations = z
  .array(z.enum(ASSOCIATION_TYPES))
  .openapi({ description: 'The association types under which figures count' });
const role = z.object({
  id: z.string(),
  name: localized,
  count: z.number().int(),
  exams: formula,
  ofWhom: z.object({ count: z.number().int(), exams: formula }).optional(),
});
const revenue = z.object({
  kind: z.literal('revenue'),
  id: z.string(),
  name: localized,
  products: z.array(z.string()),
  netNewOnly: z.boolean(),
  associations: associations,
  thresholds: z.union([amount, z.record(z.string(), amount)]),
});
const metric = z.object({
  kind: z.literal('metric'),
  id: z.string(),
  name: localized,
  measure: z.enum(METRIC_MEASURES),
  products: z.array(z.string()),
  associations,
  thresholds: z.union([amount, z.record(z.string(), amount)]),
});
const people = z.object({
  kind: z.literal('people'),
  id: z.string(),
  name: localized,
  pools: z.array(z.object({ id: z.string(), roles: z.array(role) })),
});
const requirement: z.ZodType<RawRequirement> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      revenue,
      people,
      metric,
      z.object({
        kind: z.literal('anyOf'),
        id: z.string(),
        name: localized,
        paths: z.array(z.object({ id: z.string(), name: localized, requirements: z.array(requirement) })),
      }),
    ]),
  )
  .openapi('CatalogRequirement');

const level = z.object({ id: z.string(), name: localized, requirements: z.array(requirement) });
const version = z.object({
  id: z.string(),
  effective: day.optional(),
  source: z.string().optional(),
  options: z.array(z.object({ id: z.string(), name: localized, levels: z.array(level) })),
});

export const catalogDocumentSchema = z
  .object({
    format: z.literal('attain-catalog/1'),
    id: z.string(),
    name: localized,
    locales: z.array(z.string()),
    currency: z.string(),
    markets: z.array(z.string()),
    policy: z.object({
      revenueAssociation: z.enum(['within-period', 'associated-at-as-of']),
      maxCompetenciesPerPerson: z.number().int().nullable(),
    }),
    exams: z.array(
      z.object({
        code: z.string(),
        title: localized,
        type: z.enum(['exam', 'assessment', 'certification']).optional(),
        validForMonths: z.number().int().optional(),
        launched: day.optional(),
        retired: day.optional(),
        acceptedUntil: day.optional(),
      }),
    ),
    products: z.array(z.object({ id: z.string(), aliases: z.array(z.string()), name: localized, matches: z.array(z.string()) })),
    errata: z.array(z.object({ location: z.string(), note: localized })),
    competencies: z.array(z.object({ id: z.string(), name: localized, versions: z.array(version) })),
  })
  .openapi('Catalog');

sameType<Same<z.infer<typeof catalogDocumentSchema>, RawCatalog>>();
