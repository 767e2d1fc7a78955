import { z } from '@hono/zod-openapi';
import type { Outlook } from '../../service/level-outlook.js';
import { daySchema, levelStatusSchema } from './evaluation-schema.js';
import { datedChangeSchema } from './program-schemas.js';
import { type Same, sameType } from './same-type.js';

const by = daySchema.nullable();

const nextActionSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('action.revenue'),
    params: z.object({
      requirement: z.string(),
      shortfall: z.string(),
      currency: z.string(),
      netNewOnly: z.boolean(),
      by,
    }),
  }),
  z.object({
    code: z.literal('action.measure'),
    params: z.object({
      requirement: z.string(),
      shortfall: z.string(),
      unit: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('money'), currency: z.string() }),
        z.object({ kind: z.literal('count'), forms: z.record(z.string(), z.record(z.string(), z.string())) }),
      ]),
      by,
    }),
  }),
  z.object({
    code: z.literal('action.person-exams'),
    params: z.object({
      person: z.string(),
      exams: z.array(z.string()).readonly(),
      role: z.string(),
      others: z.number().int(),
      by,
    }),
  }),
  z.object({
    code: z.literal('action.people'),
    params: z.object({
      requirement: z.string(),
      pool: z.string(),
      roles: z.array(z.string()).readonly(),
      people: z.number().int(),
      by,
    }),
  }),
]);

/** `GET /api/orgs/{id}/outlook`: each level's standing, first change within the horizon, and one next action. */
export const outlookSchema = z
  .object({
    asOf: daySchema,
    horizonDays: z.number().int(),
    levels: z
      .array(
        z.object({
          competency: z.string(),
          option: z.string(),
          level: z.string(),
          status: levelStatusSchema,
          nextChange: datedChangeSchema.nullable(),
          atRisk: datedChangeSchema.nullable(),
          action: nextActionSchema.nullable(),
        }),
      )
      .readonly(),
  })
  .openapi('Outlook');
sameType<Same<z.infer<typeof outlookSchema>, Outlook>>();

/** `GET /api/orgs/{id}/data-dates`: the last day the data records anything on. */
export const dataDatesSchema = z.object({ latest: daySchema.nullable() }).openapi('DataDates');
