import type {
  AlertDelivery,
  AlertSubscription,
  DeliveryStatus,
  SubscriptionChange,
  SubscriptionInput,
} from '../alerts/alert-types.js';
import type { Actor } from './store.js';

export interface AttemptRecord {
  readonly attempt: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** Which subscriptions or deliveries a list is of: one organization's (`org`), or every one (an operator's view). */
export interface AlertScope {
  /** Only this organization's own subscriptions (and their deliveries); never the operator's for every organization. */
  readonly org?: string;
}

/** A delivery taken for sending: what to send, where, and with which secret. */
export interface ClaimedDelivery {
  readonly delivery: AlertDelivery;
  readonly url: string;
  readonly secret: string;
  readonly enabled: boolean;
  /** This attempt's number, from 1. */
  readonly attempt: number;
}

/**
 * What a delivery job found: the delivery to send now, one another job is sending right now (`busy`: try later), or
 * nothing left to do (sent, given up, or its subscription removed).
 */
export type DeliveryClaim =
  | { readonly kind: 'claimed'; readonly claimed: ClaimedDelivery }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done' };

/** Webhook subscriptions and what was sent to them. */
export interface AlertStore {
  subscriptions(scope?: AlertScope): Promise<readonly AlertSubscription[]>;
  subscription(id: string): Promise<AlertSubscription | undefined>;
  /**
   * Subscribes, and queues in the same transaction what the stored standings already say is due (a level at risk
   * within the lead time). The secret is returned this once.
   */
  subscribe(
    input: SubscriptionInput,
    actor: Actor,
  ): Promise<{ readonly subscription: AlertSubscription; readonly secret: string }>;
  /** Changes a subscription (queuing what became due); undefined when there is none with this id. */
  update(id: string, change: SubscriptionChange, actor: Actor): Promise<AlertSubscription | undefined>;
  /** A new signing secret, returned this once; undefined when there is no such subscription. */
  rotateSecret(
    id: string,
    actor: Actor,
  ): Promise<{ readonly subscription: AlertSubscription; readonly secret: string } | undefined>;
  unsubscribe(id: string, actor: Actor): Promise<boolean>;
  /** The send log, newest first, with every attempt; `before` a delivery id, for paging. */
  deliveries(
    filter: AlertScope & { readonly subscription?: string; readonly before?: string; readonly limit?: number },
  ): Promise<readonly AlertDelivery[]>;
  /** Takes a delivery for sending, for `leaseMs`: no other job sends it meanwhile, and a delivered one never again. */
  claim(id: string, leaseMs: number): Promise<DeliveryClaim>;
  /** Logs an attempt (none: the delivery was not sent) and where the delivery now stands, in one transaction. */
  recordAttempt(id: string, attempt: AttemptRecord | null, status: DeliveryStatus): Promise<void>;
}
