import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  AlertDelivery,
  AlertEvent,
  AlertSubscription,
  DeliveryAttempt,
  DeliveryStatus,
  SubscriptionChange,
  SubscriptionInput,
} from '../alerts/alert-types.js';
import { newAlertSecret } from '../alerts/sign-alert.js';
import { pushTo } from '../core/push-to.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import type { TransitionCause } from '../program/standing-types.js';
import type { AlertScope, AlertStore, AttemptRecord, DeliveryClaim } from './alert-store.js';
import { appendAudit } from './append-audit.js';
import { queueAlerts } from './queue-alerts.js';
import type { Actor } from './store.js';
import type { AlertDeliveriesTable, AlertSubscriptionsTable, StoreDatabase } from './store-database.js';
import { checkLimit, organizationNotFound } from './store-limits.js';

const DEFAULT_DELIVERIES = 50;

/** Webhook subscriptions and their send log over the store's database; see `AlertStore`. */
export class SqlAlertStore implements AlertStore {
  constructor(
    private readonly db: Kysely<StoreDatabase>,
    private readonly jobSchema: string,
  ) {}

  async subscriptions(scope: AlertScope = {}): Promise<readonly AlertSubscription[]> {
    let query = this.db.selectFrom('alert_subscriptions').selectAll();
    if (scope.org !== undefined) query = query.where('org_id', '=', scope.org);
    return (await query.orderBy('id').execute()).map(subscriptionOf);
  }

  async subscription(id: string): Promise<AlertSubscription | undefined> {
    if (!isId(id)) return undefined;
    const row = await this.db.selectFrom('alert_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subscriptionOf(row);
  }

  subscribe(input: SubscriptionInput, actor: Actor): Promise<{ subscription: AlertSubscription; secret: string }> {
    return this.db.transaction().execute(async (trx) => {
      if (input.org !== null) {
        const org = await trx.selectFrom('organizations').select('id').where('id', '=', input.org).executeTakeFirst();
        if (!org) throw organizationNotFound(input.org);
      }
      const secret = newAlertSecret();
      const row = await trx
        .insertInto('alert_subscriptions')
        .values({
          org_id: input.org,
          url: input.url,
          events: [...new Set(input.events)],
          lead_days: input.leadDays,
          enabled: input.enabled ?? true,
          label: input.label ?? null,
          secret,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const subscription = subscriptionOf(row);
      await appendAudit(trx, actor, input.org, 'alert.subscribe', auditDetail(subscription));
      await queueAlerts(trx, this.jobSchema, { orgs: input.org === null ? null : [input.org], subscription: subscription.id });
      return { subscription, secret };
    });
  }

  update(id: string, change: SubscriptionChange, actor: Actor): Promise<AlertSubscription | undefined> {
    if (!isId(id)) return Promise.resolve(undefined);
    // Nothing to change (an empty PATCH): the subscription as it is, and nothing audited.
    if (Object.values(change).every((v) => v === undefined)) return this.subscription(id);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('alert_subscriptions')
        .set({
          ...(change.url !== undefined && { url: change.url }),
          ...(change.events !== undefined && { events: [...new Set(change.events)] }),
          ...(change.leadDays !== undefined && { lead_days: change.leadDays }),
          ...(change.enabled !== undefined && { enabled: change.enabled }),
          ...(change.label !== undefined && { label: change.label }),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      const subscription = subscriptionOf(row);
      await appendAudit(trx, actor, subscription.org, 'alert.update', { id, ...change });
      // A longer lead time, another event or a subscription enabled again may make stored at-risk levels due now.
      await queueAlerts(trx, this.jobSchema, { orgs: subscription.org === null ? null : [subscription.org], subscription: id });
      return subscription;
    });
  }

  rotateSecret(id: string, actor: Actor): Promise<{ subscription: AlertSubscription; secret: string } | undefined> {
    if (!isId(id)) return Promise.resolve(undefined);
    return this.db.transaction().execute(async (trx) => {
      const secret = newAlertSecret();
      const row = await trx
        .updateTable('alert_subscriptions')
        .set({ secret, secret_set_at: sql<string>`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      const subscription = subscriptionOf(row);
      await appendAudit(trx, actor, subscription.org, 'alert.rotate', { id });
      return { subscription, secret };
    });
  }

  unsubscribe(id: string, actor: Actor): Promise<boolean> {
    if (!isId(id)) return Promise.resolve(false);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.deleteFrom('alert_subscriptions').where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) return false;
      await appendAudit(trx, actor, row.org_id, 'alert.remove', auditDetail(subscriptionOf(row)));
      return true;
    });
  }

  async deliveries(
    filter: AlertScope & { readonly subscription?: string; readonly before?: string; readonly limit?: number },
  ): Promise<readonly AlertDelivery[]> {
    if (
      (filter.subscription !== undefined && !isId(filter.subscription)) ||
      (filter.before !== undefined && !isId(filter.before))
    ) {
      return [];
    }
    let query = this.db
      .selectFrom('alert_deliveries as d')
      .innerJoin('alert_subscriptions as s', 's.id', 'd.subscription_id')
      .selectAll('d');
    // An organization sees what its own subscriptions were sent, not what the operator's for every organization were.
    if (filter.org !== undefined) query = query.where('s.org_id', '=', filter.org);
    if (filter.subscription !== undefined) query = query.where('d.subscription_id', '=', filter.subscription);
    if (filter.before !== undefined) query = query.where('d.id', '<', filter.before);
    const rows = await query
      .orderBy('d.id', 'desc')
      .limit(checkLimit(filter.limit ?? DEFAULT_DELIVERIES))
      .execute();
    const attempts =
      rows.length === 0
        ? []
        : await this.db
            .selectFrom('alert_attempts')
            .selectAll()
            .where(
              'delivery_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('delivery_id')
            .orderBy('attempt')
            .execute();
    const byDelivery = new Map<string, DeliveryAttempt[]>();
    for (const a of attempts) {
      pushTo(byDelivery, String(a.delivery_id), {
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      });
    }
    return rows.map((row) => deliveryOf(row, byDelivery.get(String(row.id)) ?? []));
  }

  async claim(id: string, leaseMs: number): Promise<DeliveryClaim> {
    if (!isId(id)) return { kind: 'done' };
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('alert_deliveries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row || row.status === 'delivered' || row.status === 'failed' || row.status === 'skipped') return { kind: 'done' };
      if (row.status === 'sending' && row.claimed_until !== null && row.claimed_until.getTime() > Date.now()) {
        return { kind: 'busy' };
      }
      const subscription = await trx
        .selectFrom('alert_subscriptions')
        .select(['url', 'secret', 'enabled'])
        .where('id', '=', row.subscription_id)
        .executeTakeFirstOrThrow();
      const claimed = await trx
        .updateTable('alert_deliveries')
        .set({
          status: 'sending',
          attempts: sql<number>`attempts + 1`,
          claimed_until: new Date(Date.now() + leaseMs).toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return {
        kind: 'claimed',
        claimed: { delivery: deliveryOf(claimed, []), attempt: claimed.attempts, ...subscription },
      };
    });
  }

  async recordAttempt(id: string, attempt: AttemptRecord | null, status: DeliveryStatus): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (attempt !== null) {
        await trx
          .insertInto('alert_attempts')
          .values({
            delivery_id: id,
            attempt: attempt.attempt,
            status_code: attempt.statusCode,
            error: attempt.error,
            duration_ms: Math.round(attempt.durationMs),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      await trx
        .updateTable('alert_deliveries')
        .set({
          status,
          claimed_until: null,
          ...(status === 'delivered' && { delivered_at: sql<string>`now()` }),
        })
        .where('id', '=', id)
        .execute();
    });
  }
}

/** Ids are bigserial: anything else names no row (and would fail the cast). */
function isId(id: string): boolean {
  return /^\d{1,18}$/.test(id);
}

function subscriptionOf(row: Selectable<AlertSubscriptionsTable>): AlertSubscription {
  return {
    id: String(row.id),
    org: row.org_id,
    url: row.url,
    events: row.events as AlertEvent[],
    leadDays: row.lead_days,
    enabled: row.enabled,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    secretSetAt: row.secret_set_at.toISOString(),
  };
}

function deliveryOf(row: Selectable<AlertDeliveriesTable>, attempts: readonly DeliveryAttempt[]): AlertDelivery {
  return {
    id: String(row.id),
    subscription: String(row.subscription_id),
    org: row.org_id,
    event: row.event as AlertEvent,
    competency: row.competency,
    option: row.option,
    level: row.level,
    date: row.change_date,
    asOf: row.as_of,
    before: row.before as LevelStatus | null,
    after: row.after as LevelStatus,
    cause: row.cause as TransitionCause,
    status: row.status as DeliveryStatus,
    attempts,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a subscription: never its secret. */
function auditDetail(s: AlertSubscription) {
  return { id: s.id, url: s.url, events: s.events, leadDays: s.leadDays, enabled: s.enabled };
}
