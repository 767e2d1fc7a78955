import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { formatDay } from '../core/day.js';
import { bulkCopy } from './bulk-copy.js';
import { BULK_BATCH_ROWS, bulkInsert } from './bulk-insert.js';
import { takenMcids, throwIfTaken } from './mcid-claims.js';
import { organizationColumns as columns } from './organization-columns.js';
import type { OrganizationAdditions } from './store.js';
import type { StoreDatabase } from './store-database.js';
import { UnknownReferences } from './unknown-references.js';

/** How many records an addition wrote, by kind; also the audit entry's detail. */
export interface AdditionCounts {
  readonly people: number;
  readonly exams: number;
  readonly customers: number;
  readonly dpor: number;
  readonly revenue: number;
  /** Counted only when the addition has them, so that an entry for the seeds' data reads as it did. */
  readonly associations?: number;
  readonly subscriptions?: number;
  readonly consumption?: number;
  readonly devices?: number;
}

/**
 * Adds records to a stored organization, inside the caller's transaction. People and customers are upserted by id
 * (a name or country given replaces the stored one; a missing one keeps it); exam passes, DPOR periods,
 * other associations, revenue, subscriptions, consumption and devices are appended after the stored ones. Every reference to a person or customer must resolve to one stored or added
 * here: otherwise nothing is written and every bad reference is reported (`store.reference.unknown`).
 */
export async function addOrganizationRows(
  trx: Kysely<StoreDatabase>,
  orgId: string,
  additions: OrganizationAdditions,
): Promise<AdditionCounts> {
  // Touching the row also locks it: concurrent additions take turns, so the seq numbers read next stay theirs.
  const touched = await trx
    .updateTable('organizations')
    .set({
      updated_at: sql<string>`now()`,
      data_version: sql<string>`data_version + 1`,
      program_data: sql<boolean>`program_data or ${addsProgramData(additions)}`,
    })
    .where('id', '=', orgId)
    .returning('id')
    .executeTakeFirst();
  if (!touched) {
    throw new AttainError('store.not-found', `there is no organization "${orgId}"`, [
      { code: 'store.not-found', path: '$.id', params: { id: orgId } },
    ]);
  }
  const people = mergeById(additions.people);
  const customers = mergeById(additions.customers);
  await checkReferences(trx, orgId, additions, people, customers);
  const claims = people.flatMap((p, i) =>
    p.mcid === undefined ? [] : [{ org: orgId, person: p.id, mcid: p.mcid, path: `$.people[${i}].mcid` }],
  );
  throwIfTaken(await takenMcids(trx, claims, [orgId]));

  const next = await sql<Record<'people' | 'customers' | 'revenue' | 'subscriptions' | 'consumption' | 'devices', number>>`select
      (select coalesce(max(seq) + 1, 0) from people where org_id = ${orgId}) as people,
      (select coalesce(max(seq) + 1, 0) from customers where org_id = ${orgId}) as customers,
      (select coalesce(max(first_seq + cardinality(customers)), 0) from revenue_chunks where org_id = ${orgId}) as revenue,
      (select coalesce(max(first_seq + cardinality(customers)), 0) from subscription_chunks where org_id = ${orgId})
        as subscriptions,
      (select coalesce(max(first_seq + cardinality(customers)), 0) from consumption_chunks where org_id = ${orgId})
        as consumption,
      (select coalesce(max(first_seq + cardinality(products)), 0) from device_chunks where org_id = ${orgId}) as devices`.execute(
    trx,
  );
  const first = next.rows[0] ?? { people: 0, customers: 0, revenue: 0, subscriptions: 0, consumption: 0, devices: 0 };
  const associations = additions.associations ?? [];
  const subscriptions = additions.subscriptions ?? [];
  const consumption = additions.consumption ?? [];
  const devices = additions.devices ?? [];
  await bulkInsert(
    trx,
    'people',
    orgId,
    columns.peopleParties(people, first.people),
    sql`on conflict (org_id, id) do update set name = coalesce(excluded.name, people.name),
      mcid = coalesce(excluded.mcid, people.mcid), email = coalesce(excluded.email, people.email)`,
  );
  await bulkInsert(
    trx,
    'customers',
    orgId,
    columns.customerParties(customers, first.customers),
    sql`on conflict (org_id, id) do update set name = coalesce(excluded.name, customers.name),
      country = coalesce(excluded.country, customers.country)`,
  );
  await appendExams(trx, orgId, additions.exams);
  await appendDpor(trx, orgId, additions.dpor);
  await appendAssociations(trx, orgId, associations);
  await bulkCopy(trx, 'revenue_chunks', orgId, columns.revenue(additions.revenue, first.revenue));
  await bulkCopy(trx, 'subscription_chunks', orgId, columns.subscriptions(subscriptions, first.subscriptions));
  await bulkCopy(trx, 'consumption_chunks', orgId, columns.consumption(consumption, first.consumption));
  await bulkCopy(trx, 'device_chunks', orgId, columns.devices(devices, first.devices));
  return {
    people: people.length,
    exams: additions.exams.length,
    customers: customers.length,
    dpor: additions.dpor.length,
    revenue: additions.revenue.length,
    ...(associations.length > 0 && { associations: associations.length }),
    ...(subscriptions.length > 0 && { subscriptions: subscriptions.length }),
    ...(consumption.length > 0 && { consumption: consumption.length }),
    ...(devices.length > 0 && { devices: devices.length }),
  };
}

/** Whether additions bring any data of migration 0013 (see `organizations.program_data`). */
function addsProgramData(additions: OrganizationAdditions): boolean {
  return (
    (additions.associations?.length ?? 0) > 0 ||
    (additions.subscriptions?.length ?? 0) > 0 ||
    (additions.consumption?.length ?? 0) > 0 ||
    (additions.devices?.length ?? 0) > 0 ||
    additions.exams.some((e) => e.expires !== undefined) ||
    additions.revenue.some((r) => r.attribution !== undefined)
  );
}

/**
 * Appends exam passes to their people's arrays, in the order given, one statement per batch: the passes travel as
 * four array parameters and are grouped by person on the server. Every person exists by now (checked, or upserted).
 * A person's expiry days stay null while none of their passes expires, and hold one per pass once one does (0013).
 */
async function appendExams(trx: Kysely<StoreDatabase>, orgId: string, exams: OrganizationAdditions['exams']): Promise<void> {
  for (let start = 0; start < exams.length; start += BULK_BATCH_ROWS) {
    const batch = exams.slice(start, start + BULK_BATCH_ROWS);
    await sql`update people p set exams = p.exams || a.exams, passed = p.passed || a.passed,
        expires = case
          when a.expiring then coalesce(p.expires, array_fill(null::date, array[cardinality(p.exams)])) || a.expires
          when p.expires is null then null
          else p.expires || array_fill(null::date, array[cardinality(a.exams)])
        end
      from (select person, array_agg(exam order by n) as exams, array_agg(passed order by n) as passed,
          array_agg(expires order by n) as expires, bool_or(expires is not null) as expiring
        from unnest(${batch.map((e) => e.person)}::text[], ${batch.map((e) => e.exam)}::text[],
          ${batch.map((e) => formatDay(e.passed))}::date[],
          ${batch.map((e) => (e.expires === undefined ? null : formatDay(e.expires)))}::date[])
          with ordinality as x (person, exam, passed, expires, n)
        group by person) a
      where p.org_id = ${orgId} and p.id = a.person`.execute(trx);
  }
}

/** Appends DPOR periods to their customers' arrays, as `appendExams` does passes. */
async function appendDpor(trx: Kysely<StoreDatabase>, orgId: string, dpor: OrganizationAdditions['dpor']): Promise<void> {
  for (let start = 0; start < dpor.length; start += BULK_BATCH_ROWS) {
    const batch = dpor.slice(start, start + BULK_BATCH_ROWS);
    await sql`update customers c set dpor_from = c.dpor_from || a.dpor_from, dpor_to = c.dpor_to || a.dpor_to
      from (select customer, array_agg(from_date order by n) as dpor_from, array_agg(to_date order by n) as dpor_to
        from unnest(${batch.map((d) => d.customer)}::text[], ${batch.map((d) => formatDay(d.from))}::date[],
          ${batch.map((d) => (d.to === null ? null : formatDay(d.to)))}::date[]) with ordinality as x (customer, from_date, to_date, n)
        group by customer) a
      where c.org_id = ${orgId} and c.id = a.customer`.execute(trx);
  }
}

/** Appends associations other than DPOR to their customers' arrays, as `appendDpor` does periods. */
async function appendAssociations(
  trx: Kysely<StoreDatabase>,
  orgId: string,
  associations: NonNullable<OrganizationAdditions['associations']>,
): Promise<void> {
  for (let start = 0; start < associations.length; start += BULK_BATCH_ROWS) {
    const batch = associations.slice(start, start + BULK_BATCH_ROWS);
    await sql`update customers c set association_types = coalesce(c.association_types, '{}') || a.types,
        association_from = coalesce(c.association_from, '{}') || a.starts,
        association_to = coalesce(c.association_to, '{}') || a.ends
      from (select customer, array_agg(type order by n) as types, array_agg(from_date order by n) as starts,
          array_agg(to_date order by n) as ends
        from unnest(${batch.map((d) => d.customer)}::text[], ${batch.map((d) => d.type)}::text[],
          ${batch.map((d) => formatDay(d.from))}::date[], ${batch.map((d) => (d.to === null ? null : formatDay(d.to)))}::date[])
          with ordinality as x (customer, type, from_date, to_date, n)
        group by customer) a
      where c.org_id = ${orgId} and c.id = a.customer`.execute(trx);
  }
}

/**
 * One entry per id, in order of first appearance: an import lists a person on every row of their exams. A later
 * name (or MCID, or country) replaces an earlier one, a missing one does not. (One upsert statement may not touch a row twice.)
 */
function mergeById<
  T extends {
    readonly id: string;
    readonly name: string | null;
    readonly mcid?: string;
    readonly country?: string;
    readonly email?: string;
  },
>(records: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const earlier = byId.get(record.id);
    if (!earlier) byId.set(record.id, record);
    else {
      const mcid = record.mcid ?? earlier.mcid;
      const country = record.country ?? earlier.country;
      const email = record.email ?? earlier.email;
      byId.set(record.id, {
        ...record,
        name: record.name ?? earlier.name,
        ...(mcid !== undefined && { mcid }),
        ...(country !== undefined && { country }),
        ...(email !== undefined && { email }),
      });
    }
  }
  return [...byId.values()];
}

async function checkReferences(
  trx: Kysely<StoreDatabase>,
  orgId: string,
  additions: OrganizationAdditions,
  people: readonly { readonly id: string }[],
  customers: readonly { readonly id: string }[],
): Promise<void> {
  const unknownPeople = await unknownIds(
    trx,
    'people',
    orgId,
    additions.exams.map((e) => e.person),
    people,
  );
  const referring = {
    dpor: additions.dpor,
    associations: additions.associations ?? [],
    revenue: additions.revenue,
    subscriptions: additions.subscriptions ?? [],
    consumption: additions.consumption ?? [],
  };
  const unknownCustomers = await unknownIds(
    trx,
    'customers',
    orgId,
    Object.values(referring).flatMap((records) => records.map((r) => r.customer)),
    customers,
  );
  const unknown = new UnknownReferences();
  additions.exams.forEach((e, i) => {
    if (unknownPeople.has(e.person)) unknown.add('store.person.unknown', `$.exams[${i}].person`, e.person);
  });
  for (const [list, records] of Object.entries(referring)) {
    records.forEach((r, i) => {
      if (unknownCustomers.has(r.customer)) unknown.add('store.customer.unknown', `$.${list}[${i}].customer`, r.customer);
    });
  }
  unknown.throwIfAny(orgId);
}

/** The referenced ids that are neither added now nor stored. */
async function unknownIds(
  trx: Kysely<StoreDatabase>,
  table: 'people' | 'customers',
  orgId: string,
  referenced: readonly string[],
  added: readonly { readonly id: string }[],
): Promise<ReadonlySet<string>> {
  const addedIds = new Set(added.map((a) => a.id));
  const candidates = [...new Set(referenced)].filter((id) => !addedIds.has(id));
  if (candidates.length === 0) return new Set();
  const result = await sql<{ id: string }>`
    select x.id from unnest(${candidates}::text[]) as x (id)
    where not exists (select 1 from ${sql.table(table)} t where t.org_id = ${orgId} and t.id = x.id)`.execute(trx);
  return new Set(result.rows.map((r) => r.id));
}
