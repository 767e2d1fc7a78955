import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import type { StoreDatabase } from './store-database.js';

/**
 * Takes the write locks of organizations for the rest of the transaction: writers of one organization take turns
 * in any number of processes on one database (an organization not yet created has a lock too, unlike a row). In
 * one order, so that two writers of overlapping sets cannot deadlock.
 */
export async function lockOrganizations(trx: Kysely<StoreDatabase>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    select count(pg_advisory_xact_lock(k)) from (
      select distinct hashtextextended('attain.org:' || id, 0) as k from unnest(${[...ids]}::text[]) as id order by k
    ) as keys`.execute(trx);
}

/**
 * Locks an organization and, when the writer read it at a version (`null`: read as absent), checks that nobody has
 * written it since: a plan made from what was read still applies. Throws `store.conflict` when it does not.
 */
export async function lockAtVersion(trx: Kysely<StoreDatabase>, id: string, expected: string | null | undefined): Promise<void> {
  await lockOrganizations(trx, [id]);
  if (expected === undefined) return;
  const row = await trx.selectFrom('organizations').select('data_version').where('id', '=', id).executeTakeFirst();
  const current = row ? String(row.data_version) : null;
  if (current === expected) return;
  throw new AttainError('store.conflict', `organization "${id}" was changed by another writer while this change was prepared`, [
    { code: 'store.conflict', path: '$', params: { id } },
  ]);
}
