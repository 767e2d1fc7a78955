import { type Kysely, sql } from 'kysely';
import type { Organization } from '../engine/organization.js';
import { readOrganizations } from './read-organizations.js';
import type { StoreDatabase } from './store-database.js';

/** Organizations listed per page of ids; each page is then read in batches. */
const IDS_PER_PAGE = 1_000;
/** A batch stops at this many organizations or this many records, whichever comes first (one large one goes alone). */
const ORGANIZATIONS_PER_BATCH = 100;
const RECORDS_PER_BATCH = 100_000;

/**
 * Every organization, in id order, read a batch at a time (eleven queries per batch). Each batch is read in its own
 * short repeatable-read transaction that ends before the batch is yielded: a caller may use the store between
 * items (PGlite has one connection), and no transaction stays open while the caller works. Each organization is
 * therefore consistent in itself; one changed during the walk is seen before or after the change.
 */
export async function* streamOrganizations(db: Kysely<StoreDatabase>): AsyncGenerator<Organization> {
  let after = '';
  for (;;) {
    const page = await sql<{ id: string; records: number }>`
      select o.id,
        (select coalesce(sum(cardinality(r.customers)), 0) from revenue_chunks r where r.org_id = o.id)::int
          + (select coalesce(sum(cardinality(p.exams)), 0) from people p where p.org_id = o.id)::int
          + case when o.program_data then
              (select coalesce(sum(cardinality(s.customers)), 0) from subscription_chunks s where s.org_id = o.id)::int
              + (select coalesce(sum(cardinality(c.customers)), 0) from consumption_chunks c where c.org_id = o.id)::int
            else 0 end as records
      from organizations o where o.id > ${after} order by o.id limit ${IDS_PER_PAGE}`.execute(db);
    for (const ids of batches(page.rows)) {
      const organizations = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => readOrganizations(trx, ids));
      yield* organizations;
    }
    const last = page.rows.at(-1);
    if (last === undefined || page.rows.length < IDS_PER_PAGE) return;
    after = last.id;
  }
}

function batches(page: readonly { readonly id: string; readonly records: number }[]): string[][] {
  const result: string[][] = [];
  let batch: string[] = [];
  let records = 0;
  for (const { id, records: size } of page) {
    if (batch.length > 0 && (batch.length >= ORGANIZATIONS_PER_BATCH || records + size > RECORDS_PER_BATCH)) {
      result.push(batch);
      batch = [];
      records = 0;
    }
    batch.push(id);
    records += size;
  }
  if (batch.length > 0) result.push(batch);
  return result;
}
