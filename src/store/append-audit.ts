import type { Kysely } from 'kysely';
import type { Actor } from './store.js';
import type { StoreDatabase } from './store-database.js';

/** Appends to the audit log; called with the write's own transaction, so that the entry lands exactly when the change does. */
export async function appendAudit(
  trx: Kysely<StoreDatabase>,
  actor: Actor,
  org: string | null,
  action: string,
  detail: unknown,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_kind: actor.kind,
      actor_id: actor.id,
      org_id: org,
      action,
      detail: detail === undefined ? null : JSON.stringify(detail),
    })
    .execute();
}
