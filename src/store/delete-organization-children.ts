import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/**
 * Deletes an organization's records, grandchildren first. The cascades would do the same, but one trigger call per
 * deleted person or customer; a set delete per table is one statement each. Returns the count per kind of record
 * (revenue counted in records, not in the chunks that hold them).
 */
export async function deleteOrganizationChildren(
  trx: Kysely<StoreDatabase>,
  orgId: string,
): Promise<Readonly<Record<'people' | 'exams' | 'customers' | 'dpor' | 'fx' | 'revenue', number>>> {
  const counts: Record<string, number> = {};
  for (const table of ['exam_passes', 'dpor_periods', 'fx_rates', 'people', 'customers'] as const) {
    const result = await trx.deleteFrom(table).where('org_id', '=', orgId).executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  const revenue = await sql<{ records: number }>`
    with deleted as (delete from revenue_chunks where org_id = ${orgId} returning cardinality(customers) as records)
    select coalesce(sum(records), 0)::int as records from deleted`.execute(trx);
  return {
    people: counts.people ?? 0,
    exams: counts.exam_passes ?? 0,
    customers: counts.customers ?? 0,
    dpor: counts.dpor_periods ?? 0,
    fx: counts.fx_rates ?? 0,
    revenue: revenue.rows[0]?.records ?? 0,
  };
}
