import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/**
 * Deletes an organization's records, a set delete per table (the cascades would do the same, but one trigger call
 * per row). Returns the count per kind of record: exam passes and DPOR periods, which live in their person's and
 * customer's rows, and revenue, in the chunks that hold it, counted in records.
 */
export async function deleteOrganizationChildren(
  trx: Kysely<StoreDatabase>,
  orgId: string,
): Promise<
  Readonly<Record<'people' | 'exams' | 'customers' | 'dpor' | 'fx' | 'revenue', number>> &
    Readonly<Partial<Record<'associations' | 'subscriptions' | 'consumption' | 'devices', number>>>
> {
  const fx = await trx.deleteFrom('fx_rates').where('org_id', '=', orgId).executeTakeFirst();
  const people = await sql<{ rows: number; records: number }>`
    with deleted as (delete from people where org_id = ${orgId} returning cardinality(exams) as records)
    select count(*)::int as rows, coalesce(sum(records), 0)::int as records from deleted`.execute(trx);
  const customers = await sql<{ rows: number; records: number; associations: number }>`
    with deleted as (delete from customers where org_id = ${orgId}
      returning cardinality(dpor_from) as records, cardinality(association_types) as associations)
    select count(*)::int as rows, coalesce(sum(records), 0)::int as records,
      coalesce(sum(associations), 0)::int as associations from deleted`.execute(trx);
  const revenue = await sql<{ records: number }>`
    with deleted as (delete from revenue_chunks where org_id = ${orgId} returning cardinality(customers) as records)
    select coalesce(sum(records), 0)::int as records from deleted`.execute(trx);
  const chunked = async (table: 'subscription_chunks' | 'consumption_chunks' | 'device_chunks', first: string) => {
    const deleted = await sql<{ records: number }>`
      with deleted as (delete from ${sql.table(table)} where org_id = ${orgId} returning cardinality(${sql.ref(first)}) as records)
      select coalesce(sum(records), 0)::int as records from deleted`.execute(trx);
    return deleted.rows[0]?.records ?? 0;
  };
  // Counted only when there were any, so that an entry for the seeds' data reads as it did.
  const more = {
    associations: customers.rows[0]?.associations ?? 0,
    subscriptions: await chunked('subscription_chunks', 'customers'),
    consumption: await chunked('consumption_chunks', 'customers'),
    devices: await chunked('device_chunks', 'products'),
  };
  return {
    ...Object.fromEntries(Object.entries(more).filter(([, n]) => n > 0)),
    people: people.rows[0]?.rows ?? 0,
    exams: people.rows[0]?.records ?? 0,
    customers: customers.rows[0]?.rows ?? 0,
    dpor: customers.rows[0]?.records ?? 0,
    fx: Number(fx.numDeletedRows),
    revenue: revenue.rows[0]?.records ?? 0,
  };
}
