import type { LevelStatus } from '../engine/evaluation-types.js';
import type { LevelKey, TransitionCause } from '../program/standing-types.js';

/**
 * What a subscription can be told about one level: `at-risk` when the stored standing says a held level will be lost
 * within the subscription's lead time, `lapse` when a transition records its loss, `attained` when one records it
 * gained (again).
 */
export const ALERT_EVENTS = ['at-risk', 'lapse', 'attained'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/**
 * The longest lead time: a stored standing looks this many days ahead for losses (`HORIZON_DAYS`), so a longer one
 * could never be honoured.
 */
export const MAX_LEAD_DAYS = 90;

/** Where a delivery stands: queued, being sent, received (2xx), given up, or not sent (its subscription was disabled). */
export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A webhook subscribed to one organization's levels, or (operator only) to every organization's. */
export interface AlertSubscription {
  readonly id: string;
  /** Null: every organization (an operator's subscription). */
  readonly org: string | null;
  readonly url: string;
  readonly events: readonly AlertEvent[];
  /** An at-risk level is announced once its loss is at most this many days after the standing's as-of day. */
  readonly leadDays: number;
  readonly enabled: boolean;
  readonly label: string | null;
  readonly createdAt: string;
  /** When the signing secret was last made (created or rotated). */
  readonly secretSetAt: string;
}

export interface SubscriptionInput {
  readonly org: string | null;
  readonly url: string;
  readonly events: readonly AlertEvent[];
  readonly leadDays: number;
  readonly enabled?: boolean;
  readonly label?: string | null;
}

export type SubscriptionChange = Partial<Omit<SubscriptionInput, 'org'>>;

/** One try at sending a delivery. */
export interface DeliveryAttempt {
  readonly attempt: number;
  readonly at: string;
  /** The receiver's HTTP status; null when none came (refused, timed out). */
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** One change to tell one subscription about, with every attempt at it. */
export interface AlertDelivery extends LevelKey {
  /** Also the receiver's idempotency id (`X-Attain-Delivery`): the same on every retry. */
  readonly id: string;
  readonly subscription: string;
  readonly org: string;
  readonly event: AlertEvent;
  /** The day the level changes (at-risk: the first day it is lost; lapse/attained: the first day of the new status). */
  readonly date: string;
  readonly asOf: string;
  readonly before: LevelStatus | null;
  readonly after: LevelStatus;
  /** The transition's cause; an at-risk level's is the dated causes of its loss. */
  readonly cause: TransitionCause;
  readonly status: DeliveryStatus;
  readonly attempts: readonly DeliveryAttempt[];
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}

/** The JSON body a receiver gets; the same bytes on every retry of a delivery. */
export interface AlertPayload extends LevelKey {
  /** The delivery's id: what to deduplicate on. */
  readonly id: string;
  readonly type: `level.${AlertEvent}`;
  readonly subscription: string;
  readonly org: string;
  readonly date: string;
  readonly asOf: string;
  readonly status: { readonly before: LevelStatus | null; readonly after: LevelStatus };
  readonly cause: TransitionCause;
  readonly createdAt: string;
}
