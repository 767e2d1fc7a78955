import { z } from '@hono/zod-openapi';
import type { Plan } from '../../planner/plan-types.js';
import { codedParamsSchema, daySchema, decimalSchema } from './evaluation-schema.js';
import { type Same, sameType } from './same-type.js';

const coded = z.object({ code: z.string(), params: codedParamsSchema });

/** One move toward a score's pass mark. */
const pointsMove = z.discriminatedUnion('move', [
  z.object({
    move: z.literal('customers'),
    metric: z.string(),
    gain: z.number().int(),
    count: z.number().int(),
    floor: decimalSchema,
  }),
  z.object({
    move: z.literal('people'),
    metric: z.string(),
    gain: z.number().int(),
    steps: z
      .array(
        z.object({
          step: z.string(),
          count: z.number().int(),
          credentials: z.array(z.array(z.string()).readonly()).readonly(),
        }),
      )
      .readonly(),
  }),
  z.object({ move: z.literal('services'), metric: z.string(), gain: z.number().int(), count: z.number().int() }),
  z.object({
    move: z.enum(['consumption', 'revenue']),
    metric: z.string(),
    gain: z.number().int(),
    amount: decimalSchema,
    fromNothing: z.literal(true).exactOptional(),
  }),
]);

/** `GET /api/orgs/{id}/plan`: the JSON of `attain plan --format json`. */
export const planSchema = z
  .object({
    target: z.string().openapi({ example: 'cloud-crm/reseller/gold' }),
    asOf: daySchema,
    catalogVersion: z.string(),
    feasible: z.boolean(),
    path: z.string().nullable(),
    newPeople: z.array(z.string()).readonly(),
    steps: z
      .array(z.object({ person: z.string(), exam: z.string(), role: z.string(), pool: z.string(), requirement: z.string() }))
      .readonly(),
    seats: z
      .array(
        z.object({
          person: z.string(),
          role: z.string(),
          pool: z.string(),
          requirement: z.string(),
          exams: z.array(z.string()).readonly(),
        }),
      )
      .readonly(),
    measures: z
      .array(
        z.object({
          requirement: z.string(),
          counted: decimalSchema,
          required: decimalSchema.nullable(),
          shortfall: decimalSchema.nullable(),
          unit: z.discriminatedUnion('kind', [
            z.object({ kind: z.literal('money'), currency: z.string() }),
            z.object({
              kind: z.literal('count'),
              forms: z
                .record(z.string(), z.record(z.string(), z.string()))
                .openapi({ description: "Per language, the counted noun's plural forms; # stands for the number" }),
            }),
          ]),
          met: z.boolean(),
        }),
      )
      .readonly()
      .openapi({ description: 'What exams and hires cannot move (revenue, metrics): figures and shortfall' }),
    points: z
      .array(
        z.object({
          requirement: z.string(),
          score: z.number().int(),
          passMark: z.number().int(),
          met: z.boolean(),
          reachable: z.boolean(),
          moves: z.array(pointsMove).readonly(),
          gain: z.number().int(),
          actions: z.number().int(),
          money: decimalSchema,
          currency: z.string(),
        }),
      )
      .readonly()
      .exactOptional(),
    cost: z.object({ newPeople: z.number().int(), exams: z.number().int() }),
    reason: coded,
    alternatives: z
      .array(
        z.object({
          path: z.string().nullable(),
          feasible: z.boolean(),
          newPeople: z.number().int().nullable(),
          exams: z.number().int().nullable(),
          blocked: coded.nullable(),
        }),
      )
      .readonly(),
    options: z.object({
      maxExamsPerPerson: z.number().int().nullable(),
      exclude: z.array(z.string()).readonly(),
      noHire: z.boolean(),
    }),
    kept: z.array(z.string()).readonly().exactOptional(),
  })
  .openapi('Plan');

sameType<Same<z.infer<typeof planSchema>, Plan>>();
