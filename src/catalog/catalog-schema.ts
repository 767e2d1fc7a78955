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

import { EVERY_MARKET, UNPUBLISHED } from './threshold-words.js';

export { EVERY_MARKET, UNPUBLISHED };
/** A threshold per market, or one for every market: `100000`, `{ all: 100000 }`, `{ all: 100000, developing: 50000 }`. */
export type RawThresholds = number | string | Record<string, number | string>;
const thresholds: z.ZodType<RawThresholds> = z
  .union([amount, z.record(z.string(), amount)])
  .describe(
    `One amount for every market, or an amount per market; \`${EVERY_MARKET}\` stands for the markets not named, and \`${UNPUBLISHED}\` for a market the program publishes no threshold for. Every market of the catalog needs one.`,
  );

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
  thresholds,
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
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code'),
    markets: z
      .array(
        id.refine(
          (m) => m !== EVERY_MARKET,
          `"${EVERY_MARKET}" stands for every market in thresholds; name the market otherwise`,
        ),
      )
      .min(1),
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

/** A catalog with every level complete: what `validateCatalog` parses once `extends` is resolved. */
export const catalogSchema = catalogWith(level);
const authoredCatalogSchema = catalogWith(z.union([level, extendingLevel]));

/** A catalog as authored, after defaults are filled in. */
export type RawCatalog = z.output<typeof catalogSchema>;

/** The JSON Schema of the catalog format, for editors. */
export function catalogJsonSchema(): unknown {
  return z.toJSONSchema(authoredCatalogSchema, { io: 'input', unrepresentable: 'any' });
}
