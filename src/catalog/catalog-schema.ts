import { z } from 'zod';

/**
 * The structure of an authored catalog (YAML or JSON), checked with zod before the semantic checks of
 * `validateCatalog`. Only validation and the JSON Schema export import this file: zod is too heavy for the
 * start-up of `attain evaluate`, which reads the shipped catalogs already validated at build time.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens');
const localized = z.record(z.string(), z.string().min(1)).describe('A text per language tag: { en, zh-TW, ko-KR }');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const amount = z.union([z.number(), z.string()]).describe('A decimal amount, as a number or a string');

export type RawFormula = string | { allOf: RawFormula[] } | { oneOf: RawFormula[] };
const formula: z.ZodType<RawFormula> = z.lazy(() =>
  z.union([
    z.string().min(1).describe('An exam code'),
    z.strictObject({ allOf: z.array(formula) }),
    z.strictObject({ oneOf: z.array(formula) }),
  ]),
);

const role = z.strictObject({
  id,
  name: localized,
  count: z.number().int().nonnegative(),
  exams: formula,
});

const pool = z.strictObject({ id, roles: z.array(role) });

const revenueRequirement = z.strictObject({
  kind: z.literal('revenue'),
  id,
  name: localized,
  products: z.array(z.string()).min(1),
  netNewOnly: z.boolean().default(true),
  thresholds: z.record(z.string(), amount),
});

const peopleRequirement = z.strictObject({
  kind: z.literal('people'),
  id,
  name: localized,
  pools: z.array(pool),
});

export type RawRequirement =
  | z.infer<typeof revenueRequirement>
  | z.infer<typeof peopleRequirement>
  | { kind: 'anyOf'; id: string; name: Record<string, string>; paths: RawPath[] };
export interface RawPath {
  id: string;
  name: Record<string, string>;
  requirements: RawRequirement[];
}

const requirement: z.ZodType<RawRequirement> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    revenueRequirement,
    peopleRequirement,
    z.strictObject({
      kind: z.literal('anyOf'),
      id,
      name: localized,
      paths: z.array(z.strictObject({ id, name: localized, requirements: z.array(requirement) })).min(1),
    }),
  ]),
);

const level = z.strictObject({ id, name: localized, requirements: z.array(requirement) });
const option = z.strictObject({ id, name: localized, levels: z.array(level).min(1) });
const version = z.strictObject({
  id: z.string().min(1),
  effective: isoDate.optional(),
  source: z.string().optional(),
  options: z.array(option).min(1),
});
const competency = z.strictObject({ id, name: localized, versions: z.array(version).min(1) });

const exam = z.strictObject({
  code: z.string().min(1),
  title: localized,
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

export const catalogSchema = z.strictObject({
  format: z.literal('attain-catalog/1'),
  id,
  name: localized,
  locales: z.array(z.string().min(2)).min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code'),
  markets: z.array(id).min(1),
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

/** A catalog as authored, after defaults are filled in. */
export type RawCatalog = z.output<typeof catalogSchema>;

/** The JSON Schema of the catalog format, for editors. */
export function catalogJsonSchema(): unknown {
  return z.toJSONSchema(catalogSchema, { io: 'input', unrepresentable: 'any' });
}
