import { z } from '@hono/zod-openapi';
import {
  ALERT_EVENTS,
  type AlertDelivery,
  type AlertSubscription,
  DELIVERY_STATUSES,
  MAX_LEAD_DAYS,
} from '../../alerts/alert-types.js';
import { daySchema, levelStatusSchema } from './evaluation-schema.js';
import { transitionCause } from './program-schemas.js';
import { type Same, sameType } from './same-type.js';

export const alertEventSchema = z.enum(ALERT_EVENTS);

export const alertSubscriptionSchema = z
  .object({
    id: z.string(),
    org: z.string().nullable().openapi({ description: 'null: every organization (an operator’s subscription)' }),
    url: z.string(),
    events: z.array(alertEventSchema).readonly(),
    leadDays: z.number().int(),
    enabled: z.boolean(),
    label: z.string().nullable(),
    createdAt: z.string(),
    secretSetAt: z.string(),
  })
  .openapi('AlertSubscription');

export const alertSubscriptionListSchema = z
  .object({ subscriptions: z.array(alertSubscriptionSchema).readonly() })
  .openapi('AlertSubscriptionList');

export const createdAlertSchema = z
  .object({ subscription: alertSubscriptionSchema, secret: z.string() })
  .openapi('CreatedAlertSubscription', {
    description: 'The signing secret is shown here once (and on rotation); deliveries are signed with it.',
  });

const attemptSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const alertDeliverySchema = z
  .object({
    id: z.string(),
    subscription: z.string(),
    org: z.string(),
    event: alertEventSchema,
    competency: z.string(),
    option: z.string(),
    level: z.string(),
    date: daySchema,
    asOf: daySchema,
    before: levelStatusSchema.nullable(),
    after: levelStatusSchema,
    cause: transitionCause,
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.array(attemptSchema).readonly(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('AlertDelivery');

export const alertDeliveryPageSchema = z
  .object({ deliveries: z.array(alertDeliverySchema).readonly(), next: z.string().nullable() })
  .openapi('AlertDeliveryPage', { description: '`next` is the `before` of the next (older) page, or null on the last' });

const urlField = z.string().min(1).max(2000).openapi({ example: 'https://hooks.example.com/attain' });
const eventsField = z.array(alertEventSchema).min(1).max(ALERT_EVENTS.length);
const leadDaysField = z
  .number()
  .int()
  .min(0)
  .max(MAX_LEAD_DAYS)
  .openapi({ description: `an at-risk level is announced once its loss is at most this many days away (0–${MAX_LEAD_DAYS})` });

export const alertInputSchema = z.object({
  org: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: "the organization; a partner's own by default; null (admin only): every organization" }),
  url: urlField,
  events: eventsField,
  leadDays: leadDaysField,
  enabled: z.boolean().optional(),
  label: z.string().max(200).nullable().optional(),
});

export const alertChangeSchema = z.object({
  url: urlField.optional(),
  events: eventsField.optional(),
  leadDays: leadDaysField.optional(),
  enabled: z.boolean().optional(),
  label: z.string().max(200).nullable().optional(),
});

sameType<Same<z.infer<typeof alertSubscriptionSchema>, AlertSubscription>>();
sameType<Same<z.infer<typeof alertDeliverySchema>, AlertDelivery>>();
