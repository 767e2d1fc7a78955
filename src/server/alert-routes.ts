import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AlertSubscription } from '../alerts/alert-types.js';
import { checkAlertUrl } from '../alerts/check-alert-url.js';
import { AttainError } from '../core/attain-error.js';
import type { AppEnv, AppOptions } from './app-env.js';
import {
  alertChangeSchema,
  alertDeliveryPageSchema,
  alertInputSchema,
  alertSubscriptionListSchema,
  alertSubscriptionSchema,
  createdAlertSchema,
} from './contract/alert-schemas.js';
import { errorResponses } from './contract/error-responses.js';
import { httpErrors } from './http-error.js';
import { actorOf, json } from './route-helpers.js';

const tags = ['alerts'];
const idParams = z.object({ alertId: z.string().max(20).openapi({ example: '1' }) });
const DEFAULT_PAGE = 50;
const READ = ['request.invalid', 'org.not-found'];
const WRITE = ['request.invalid', 'auth.forbidden', 'alert.not-found'];

export const ALERT_ROUTES = {
  list: createRoute({
    method: 'get',
    path: '/api/alerts',
    tags,
    summary: "Webhook subscriptions: a partner's or viewer's organization's own; an admin's every one, or one organization's",
    request: { query: z.object({ org: z.string().min(1).max(200).optional() }) },
    responses: { 200: json('The subscriptions, without their secrets', alertSubscriptionListSchema), ...errorResponses(READ) },
  }),
  create: createRoute({
    method: 'post',
    path: '/api/alerts',
    tags,
    summary: 'Subscribe a webhook to lapses, at-risk levels (with a lead time) and levels attained; the secret is returned once',
    request: { body: { content: { 'application/json': { schema: alertInputSchema } }, required: true } },
    responses: {
      201: json('The subscription and its signing secret (shown this once)', createdAlertSchema),
      ...errorResponses([...READ, 'auth.forbidden', 'http.400', 'alert.url.invalid', 'store.not-found']),
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/api/alerts/{alertId}',
    tags,
    summary: 'Change a subscription: address, events, lead time, enabled',
    request: {
      params: idParams,
      body: { content: { 'application/json': { schema: alertChangeSchema } }, required: true },
    },
    responses: {
      200: json('The subscription as it now is', alertSubscriptionSchema),
      ...errorResponses([...WRITE, 'http.400', 'alert.url.invalid']),
    },
  }),
  rotate: createRoute({
    method: 'post',
    path: '/api/alerts/{alertId}/secret',
    tags,
    summary: 'A new signing secret, returned once; the old one stops signing at once',
    request: { params: idParams },
    responses: { 200: json('The subscription and its new secret', createdAlertSchema), ...errorResponses(WRITE) },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/api/alerts/{alertId}',
    tags,
    summary: 'Unsubscribe (its send log goes with it)',
    request: { params: idParams },
    responses: { 204: { description: 'Removed' }, ...errorResponses(WRITE) },
  }),
  deliveries: createRoute({
    method: 'get',
    path: '/api/alerts/deliveries',
    tags,
    summary: 'The send log, newest first, with every attempt: status code, error, duration',
    request: {
      query: z.object({
        org: z.string().min(1).max(200).optional(),
        subscription: z.string().max(20).optional(),
        before: z.string().max(20).optional().openapi({ description: "the previous page's `next`" }),
        limit: z.coerce
          .number()
          .int()
          .min(1)
          .max(200)
          .optional()
          .openapi({ description: `default ${DEFAULT_PAGE}` }),
      }),
    },
    responses: { 200: json('A page of the send log', alertDeliveryPageSchema), ...errorResponses(READ) },
  }),
} as const;

/**
 * Webhook alerts. A partner or viewer token sees its own organization's subscriptions and what they were sent, never
 * the operator's for every organization; a partner changes its own; an admin sees and changes any, and may subscribe
 * for every organization (`org: null`). Plain http goes only to the hosts the operator allows.
 */
export function registerAlertRoutes(app: OpenAPIHono<AppEnv>, options: AppOptions): void {
  const { store } = options;
  const httpHosts = options.alertHttpHosts ?? [];

  /** The organization a list is of: a scoped token's own; an admin's choice (all when none). */
  const scopeOf = (c: Context<AppEnv>, org: string | undefined): string | undefined => {
    const token = c.get('token');
    if (token.role === 'admin') return org;
    if (org !== undefined && org !== token.org) throw httpErrors.notFound(org);
    return token.org ?? undefined;
  };

  /** A subscription this token may change: 404 for one it cannot see, 403 for a viewer. */
  const changeable = async (c: Context<AppEnv>, id: string): Promise<AlertSubscription> => {
    const token = c.get('token');
    const found = await store.alerts.subscription(id);
    if (!found || (token.role !== 'admin' && found.org !== token.org)) throw notFound(id);
    if (token.role === 'viewer') throw httpErrors.forbidden('a viewer token can only read');
    return found;
  };

  app.openapi(ALERT_ROUTES.list, async (c) => {
    const org = scopeOf(c, c.req.valid('query').org);
    return c.json({ subscriptions: await store.alerts.subscriptions(org === undefined ? {} : { org }) }, 200);
  });

  app.openapi(ALERT_ROUTES.create, async (c) => {
    const token = c.get('token');
    const input = c.req.valid('json');
    if (token.role === 'viewer') throw httpErrors.forbidden('a viewer token can only read');
    if (token.role !== 'admin' && input.org === null) {
      throw httpErrors.forbidden('only an admin token subscribes to every organization');
    }
    const org = token.role === 'admin' ? (input.org ?? null) : (scopeOf(c, input.org ?? undefined) ?? null);
    if (org !== null && token.role === 'admin' && !(await store.hasOrganization(org))) throw httpErrors.notFound(org);
    const created = await store.alerts.subscribe(
      {
        org,
        url: checkAlertUrl(input.url, httpHosts),
        events: input.events,
        leadDays: input.leadDays,
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        ...(input.label !== undefined && { label: input.label }),
      },
      actorOf(c),
    );
    return c.json(created, 201);
  });

  app.openapi(ALERT_ROUTES.update, async (c) => {
    const { alertId } = c.req.valid('param');
    await changeable(c, alertId);
    const change = c.req.valid('json');
    const updated = await store.alerts.update(
      alertId,
      {
        ...(change.url !== undefined && { url: checkAlertUrl(change.url, httpHosts) }),
        ...(change.events !== undefined && { events: change.events }),
        ...(change.leadDays !== undefined && { leadDays: change.leadDays }),
        ...(change.enabled !== undefined && { enabled: change.enabled }),
        ...(change.label !== undefined && { label: change.label }),
      },
      actorOf(c),
    );
    if (!updated) throw notFound(alertId);
    return c.json(updated, 200);
  });

  app.openapi(ALERT_ROUTES.rotate, async (c) => {
    const { alertId } = c.req.valid('param');
    await changeable(c, alertId);
    const rotated = await store.alerts.rotateSecret(alertId, actorOf(c));
    if (!rotated) throw notFound(alertId);
    return c.json(rotated, 200);
  });

  app.openapi(ALERT_ROUTES.remove, async (c) => {
    const { alertId } = c.req.valid('param');
    await changeable(c, alertId);
    if (!(await store.alerts.unsubscribe(alertId, actorOf(c)))) throw notFound(alertId);
    return c.body(null, 204);
  });

  app.openapi(ALERT_ROUTES.deliveries, async (c) => {
    const query = c.req.valid('query');
    const org = scopeOf(c, query.org);
    const limit = query.limit ?? DEFAULT_PAGE;
    // One more than asked tells whether another page follows.
    const found = await store.alerts.deliveries({
      limit: limit + 1,
      ...(org !== undefined && { org }),
      ...(query.subscription !== undefined && { subscription: query.subscription }),
      ...(query.before !== undefined && { before: query.before }),
    });
    const deliveries = found.slice(0, limit);
    const next = found.length > limit ? (deliveries.at(-1)?.id ?? null) : null;
    return c.json({ deliveries, next }, 200);
  });
}

function notFound(id: string): AttainError {
  return new AttainError('alert.not-found', `no alert subscription "${id}"`, []);
}
