import { z } from '@hono/zod-openapi';
import type { Evaluation } from '../../engine/evaluation-types.js';
import { ASSOCIATION_TYPES } from '../../engine/organization.js';
import { METRIC_MEASURES } from '../../kinds/metric/metric-types.js';
import { type Same, sameType } from './same-type.js';

export const levelStatusSchema = z.enum(['attained', 'not-attained', 'undetermined']);
const requirementStatus = z.enum(['met', 'not-met', 'undetermined']);
/** A decimal amount as text: money never passes through a float. */
export const decimalSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .openapi({ example: '12500.00' });
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ example: '2018-03-31' });

/** The facts a coded message is written from: text and numbers, and for some codes lists of them. */
export const codedParamsSchema = z.record(
  z.string(),
  z.unknown().openapi({ description: 'A fact for the message of the code: text, a number, or a list or object of them' }),
);

/** A coded observation; renderers turn code and params into words in each language. */
export const findingSchema = z.object({ code: z.string(), path: z.string(), params: codedParamsSchema }).openapi('Finding');

const revenueResult = z.object({
  kind: z.literal('revenue'),
  id: z.string(),
  status: requirementStatus,
  met: z.boolean(),
  products: z.array(z.string()).readonly(),
  netNewOnly: z.boolean(),
  currency: z.string(),
  counted: decimalSchema,
  required: decimalSchema.nullable(),
  shortfall: decimalSchema.nullable(),
  records: z.number().int(),
  byCurrency: z.array(z.object({ currency: z.string(), amount: decimalSchema, converted: decimalSchema })).readonly(),
  excluded: z.object({
    notAssociated: z.object({ records: z.number().int(), amount: decimalSchema }),
    notNetNew: z.object({ records: z.number().int(), amount: decimalSchema }),
  }),
});

const metricResult = z.object({
  kind: z.literal('metric'),
  id: z.string(),
  status: requirementStatus,
  met: z.boolean(),
  measure: z.enum(METRIC_MEASURES),
  products: z.array(z.string()).readonly(),
  associations: z.array(z.enum(ASSOCIATION_TYPES)).readonly(),
  currency: z.string().nullable().openapi({ description: "The catalog's currency for a measure of money; null for a count" }),
  counted: decimalSchema,
  required: decimalSchema.nullable(),
  shortfall: decimalSchema.nullable(),
});

const peopleResult = z.object({
  kind: z.literal('people'),
  id: z.string(),
  status: requirementStatus,
  met: z.boolean(),
  pools: z
    .array(
      z.object({
        id: z.string(),
        met: z.boolean(),
        seats: z.number().int(),
        filled: z.number().int(),
        roles: z
          .array(
            z.object({
              id: z.string(),
              count: z.number().int(),
              assigned: z.array(z.string()).readonly(),
              eligible: z.number().int(),
              short: z.number().int(),
              ofWhom: z
                .object({ count: z.number().int(), holding: z.array(z.string()).readonly() })
                .exactOptional()
                .openapi({
                  description: '"k of the same N": how many of the role\'s people must also hold its extra exams, and who does',
                }),
            }),
          )
          .readonly(),
      }),
    )
    .readonly(),
});

const metricBase = {
  id: z.string(),
  points: z.number().int(),
  max: z.number().int(),
  status: z.enum(['scored', 'undetermined']),
};

const pointsResult = z.object({
  kind: z.literal('points'),
  id: z.string(),
  status: requirementStatus,
  met: z.boolean(),
  score: z.number().int(),
  passMark: z.number().int(),
  max: z.number().int(),
  everyMetricPositive: z.boolean(),
  currency: z.string(),
  metrics: z
    .array(
      z.discriminatedUnion('rule', [
        z.object({
          ...metricBase,
          rule: z.literal('per-customer'),
          customers: z.array(z.string()).readonly(),
          floor: decimalSchema,
        }),
        z.object({
          ...metricBase,
          rule: z.enum(['proportional', 'all-or-nothing']),
          amount: decimalSchema,
          required: decimalSchema.nullable(),
        }),
        z.object({
          ...metricBase,
          rule: z.literal('growth'),
          current: decimalSchema,
          previous: decimalSchema,
          percent: decimalSchema.nullable(),
        }),
        z.object({ ...metricBase, rule: z.literal('services'), services: z.array(z.string()).readonly() }),
        z.object({
          ...metricBase,
          rule: z.literal('skilling'),
          steps: z
            .array(
              z.object({
                id: z.string(),
                people: z.array(z.string()).readonly(),
                required: z.number().int(),
                unlocked: z.boolean(),
                points: z.number().int(),
              }),
            )
            .readonly(),
        }),
      ]),
    )
    .readonly(),
});

type RequirementShape =
  | z.infer<typeof revenueResult>
  | z.infer<typeof peopleResult>
  | z.infer<typeof metricResult>
  | z.infer<typeof pointsResult>
  | {
      kind: 'anyOf';
      id: string;
      status: z.infer<typeof requirementStatus>;
      met: boolean;
      path: string | null;
      paths: readonly {
        id: string;
        status: z.infer<typeof requirementStatus>;
        met: boolean;
        requirements: readonly RequirementShape[];
      }[];
    };

/** A requirement's result: revenue, people, or a choice of paths whose requirements are results again. */
const requirementResult: z.ZodType<RequirementShape> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      revenueResult,
      peopleResult,
      metricResult,
      pointsResult,
      z.object({
        kind: z.literal('anyOf'),
        id: z.string(),
        status: requirementStatus,
        met: z.boolean(),
        path: z.string().nullable(),
        paths: z
          .array(
            z.object({
              id: z.string(),
              status: requirementStatus,
              met: z.boolean(),
              requirements: z.array(requirementResult).readonly(),
            }),
          )
          .readonly(),
      }),
    ]),
  )
  // Named, so that the document refers to it from inside itself.
  .openapi('RequirementResult');

export const levelResultSchema = z.object({
  competency: z.string(),
  option: z.string(),
  level: z.string(),
  attained: z.boolean(),
  status: levelStatusSchema,
  catalogVersion: z.string(),
  requirements: z.array(requirementResult).readonly(),
  gaps: z.array(findingSchema).readonly(),
});

export const policySchema = z.object({
  revenueAssociation: z.enum(['within-period', 'associated-at-as-of']),
  maxCompetenciesPerPerson: z.number().int().nullable(),
});

/** `GET /api/orgs/{id}/evaluation`: the JSON of `attain evaluate --format json`. */
export const evaluationSchema = z
  .object({
    organization: z.object({ id: z.string(), name: z.string().nullable() }),
    asOf: daySchema,
    market: z.string(),
    catalog: z.object({ id: z.string() }),
    policy: policySchema,
    results: z.array(levelResultSchema).readonly(),
    warnings: z.array(findingSchema).readonly(),
  })
  .openapi('Evaluation');

sameType<Same<z.infer<typeof evaluationSchema>, Evaluation>>();
