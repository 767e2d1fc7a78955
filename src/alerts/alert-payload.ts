import type { AlertDelivery, AlertPayload } from './alert-types.js';

/** The body a delivery sends: built from the stored delivery alone, so every retry sends the same bytes. */
export function alertPayload(delivery: AlertDelivery): AlertPayload {
  return {
    id: delivery.id,
    type: `level.${delivery.event}`,
    subscription: delivery.subscription,
    org: delivery.org,
    competency: delivery.competency,
    option: delivery.option,
    level: delivery.level,
    date: delivery.date,
    asOf: delivery.asOf,
    status: { before: delivery.before, after: delivery.after },
    cause: delivery.cause,
    createdAt: delivery.createdAt,
  };
}
