import { type Kysely, sql } from 'kysely';
import type { Organization } from '../engine/organization.js';
import { bulkCopy } from './bulk-copy.js';
import { deleteOrganizationChildren } from './delete-organization-children.js';
import { hasProgramData } from './load-batch.js';
import { mcidClaims, takenMcids, throwIfTaken } from './mcid-claims.js';
import { organizationColumns as columns } from './organization-columns.js';
import type { StoreDatabase } from './store-database.js';
import { UnknownReferences } from './unknown-references.js';

/**
 * Writes an organization whole, inside the caller's transaction: its row is inserted, or updated and its records
 * deleted, then every record is inserted in file order. The insert-or-update locks the organization's row first,
 * so two writers of one organization take turns instead of interleaving.
 */
export async function replaceOrganizationRows(
  trx: Kysely<StoreDatabase>,
  org: Organization,
): Promise<{ readonly created: boolean }> {
  checkRevenueCustomers(org);
  throwIfTaken(await takenMcids(trx, mcidClaims(org), [org.id]));
  const head = { name: org.name, market: org.market, country: org.country, program_data: hasProgramData(org) };
  const inserted = await trx
    .insertInto('organizations')
    .values({ id: org.id, ...head })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  const created = inserted !== undefined;
  if (!created) {
    await trx
      .updateTable('organizations')
      .set({ ...head, updated_at: sql<string>`now()`, data_version: sql<string>`data_version + 1` })
      .where('id', '=', org.id)
      .execute();
    await deleteOrganizationChildren(trx, org.id);
  }
  // Parents before children, for the foreign keys.
  await bulkCopy(trx, 'fx_rates', org.id, columns.fx(org.fx));
  await bulkCopy(trx, 'people', org.id, columns.people(org.people, 0));
  await bulkCopy(trx, 'customers', org.id, columns.customers(org.customers, 0));
  await bulkCopy(trx, 'revenue_chunks', org.id, columns.revenue(org.revenue, 0));
  await bulkCopy(trx, 'subscription_chunks', org.id, columns.subscriptions(org.subscriptions, 0));
  await bulkCopy(trx, 'consumption_chunks', org.id, columns.consumption(org.consumption, 0));
  await bulkCopy(trx, 'device_chunks', org.id, columns.devices(org.devices, 0));
  return { created };
}

/**
 * Revenue, subscriptions and consumption have no foreign key to customers (see the schema), so their references are
 * checked here. A parsed organization always passes; one assembled in code might not. Exams and periods sit inside
 * their person or customer, so they cannot dangle.
 */
export function checkRevenueCustomers(org: Organization): void {
  const customers = new Set(org.customers.map((c) => c.id));
  const unknown = new UnknownReferences();
  const check = (records: readonly { readonly customer: string }[], list: string) =>
    records.forEach((r, i) => {
      if (!customers.has(r.customer)) unknown.add('store.customer.unknown', `$.${list}[${i}].customer`, r.customer);
    });
  check(org.revenue, 'revenue');
  check(org.subscriptions, 'subscriptions');
  check(org.consumption, 'consumption');
  unknown.throwIfAny(org.id);
}
