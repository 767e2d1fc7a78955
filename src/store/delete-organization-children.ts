import type { Kysely } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/**
 * Deletes an organization's records, grandchildren first. The cascades would do the same, but one trigger call per
 * deleted person or customer; a set delete per table is one statement each. Returns the count per table.
 */
export async function deleteOrganizationChildren(
  trx: Kysely<StoreDatabase>,
  orgId: string,
): Promise<{ readonly people: number; readonly customers: number; readonly revenue: number }> {
  const counts: Record<string, number> = {};
  for (const table of ['exam_passes', 'dpor_periods', 'revenue_records', 'fx_rates', 'people', 'customers'] as const) {
    const result = await trx.deleteFrom(table).where('org_id', '=', orgId).executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  return { people: counts.people ?? 0, customers: counts.customers ?? 0, revenue: counts.revenue_records ?? 0 };
}
