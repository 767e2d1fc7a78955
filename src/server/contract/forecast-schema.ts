import { z } from '@hono/zod-openapi';
import { FORECAST_EVENT_CODES } from '../../planner/forecast-events.js';
import type { AtRiskReport, ForecastReport } from '../../service/forecast-report.js';
import { daySchema, levelStatusSchema } from './evaluation-schema.js';
import { planSchema } from './plan-schema.js';
import { type Same, sameType } from './same-type.js';

/** Why a level's status may change on a day: a forecast event and its facts. */
const forecastCause = z.object({
  code: z.enum(FORECAST_EVENT_CODES),
  params: z.record(z.string(), z.string()),
});

const describedChange = z.object({
  date: daySchema,
  competency: z.string(),
  option: z.string(),
  level: z.string(),
  existence: z.enum(['starts', 'continues', 'ends']),
  attained: z.boolean(),
  status: levelStatusSchema,
  causes: z.array(forecastCause).readonly(),
  /** The causes in words, in the request's language. */
  cause: z.string(),
});

/** `GET /api/orgs/{id}/forecast`: the JSON of `attain forecast --format json`, causes in words too. */
export const forecastSchema = z
  .object({
    from: daySchema,
    to: daySchema,
    start: z.array(z.object({ competency: z.string(), option: z.string(), level: z.string(), attained: z.boolean() })).readonly(),
    changes: z.array(describedChange).readonly(),
  })
  .openapi('Forecast');

/** `GET /api/orgs/{id}/forecast?atRisk=N`: the levels held now and lost within N days, each with the plan that keeps it. */
export const atRiskSchema = z
  .object({ from: daySchema, to: daySchema, atRisk: z.array(describedChange.extend({ plan: planSchema })).readonly() })
  .openapi('AtRiskReport');

sameType<Same<z.infer<typeof forecastSchema>, ForecastReport>>();
sameType<Same<z.infer<typeof atRiskSchema>, AtRiskReport>>();
