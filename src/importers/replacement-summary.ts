import type { Catalog } from '../catalog/catalog-types.js';
import type { Organization, RevenueRecord } from '../engine/organization.js';
import { organizationDocument } from '../engine/organization-document.js';
import type { ImportSummary, RecordCounts } from './import-plan.js';
import {
  associationKey,
  consumptionKey,
  deviceKey,
  passKey,
  periodKey,
  productIdentity,
  RevenueTallies,
  subscriptionKey,
} from './record-keys.js';

/**
 * What replacing an organization whole changes, by the same identities the additive imports use, so a partner sees
 * "3 passes removed" before confirming. `changed` compares the documents, so even a reordering is a change.
 */
export function replacementSummary(
  before: Organization | undefined,
  after: Organization,
  catalog: Catalog,
): { readonly counts: ImportSummary; readonly changed: boolean } {
  const old = before ?? { ...after, people: [], customers: [], revenue: [], subscriptions: [], consumption: [], devices: [] };
  const products = new Map<string, string | null>();
  const product = (text: string) => productIdentity(products, catalog, text);
  const associations = (o: Organization) =>
    o.customers.flatMap((c) => (c.associations ?? []).map((a) => associationKey(c.id, a.type, a.from, a.to)));
  const subscriptions = (o: Organization) => o.subscriptions.map((s) => s.id ?? subscriptionKey(s, product(s.product)));
  const counts: ImportSummary = {
    people: named(old.people, after.people),
    exams: multiset(
      old.people.flatMap((p) => p.exams.map((e) => passKey(p.id, e.exam, e.passed))),
      after.people.flatMap((p) => p.exams.map((e) => passKey(p.id, e.exam, e.passed))),
    ),
    customers: named(old.customers, after.customers),
    dpor: multiset(
      old.customers.flatMap((c) => c.dpor.map((d) => periodKey(c.id, d.from, d.to))),
      after.customers.flatMap((c) => c.dpor.map((d) => periodKey(c.id, d.from, d.to))),
    ),
    associations: multiset(associations(old), associations(after)),
    revenue: revenueCounts(old.revenue, after.revenue, catalog),
    subscriptions: multiset(subscriptions(old), subscriptions(after)),
    consumption: multiset(old.consumption.map(consumptionKey), after.consumption.map(consumptionKey)),
    devices: multiset(
      old.devices.map((d) => deviceKey(d, product(d.product))),
      after.devices.map((d) => deviceKey(d, product(d.product))),
    ),
  };
  const changed =
    before === undefined || JSON.stringify(organizationDocument(before)) !== JSON.stringify(organizationDocument(after));
  return { counts, changed };
}

function named(
  before: readonly { readonly id: string; readonly name: string | null; readonly country?: string }[],
  after: readonly { readonly id: string; readonly name: string | null; readonly country?: string }[],
): RecordCounts {
  const old = new Map(before.map((r) => [r.id, r] as const));
  let added = 0;
  let updated = 0;
  for (const r of after) {
    const was = old.get(r.id);
    if (!was) added++;
    else if (was.name !== r.name || was.country !== r.country) updated++;
  }
  const kept = after.length - added;
  return { added, updated, unchanged: kept - updated, removed: before.length - kept };
}

function multiset(before: readonly string[], after: readonly string[]): RecordCounts {
  const counts = new Map<string, number>();
  for (const key of before) counts.set(key, (counts.get(key) ?? 0) + 1);
  let unchanged = 0;
  for (const key of after) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      unchanged++;
      counts.set(key, left - 1);
    }
  }
  return { added: after.length - unchanged, updated: 0, unchanged, removed: before.length - unchanged };
}

function revenueCounts(before: readonly RevenueRecord[], after: readonly RevenueRecord[], catalog: Catalog): RecordCounts {
  const tallies = new RevenueTallies(catalog);
  for (const r of before) tallies.of(r).have++;
  for (const r of after) tallies.of(r).seen++;
  let unchanged = 0;
  for (const t of tallies.tallies()) unchanged += Math.min(t.have, t.seen);
  return { added: after.length - unchanged, updated: 0, unchanged, removed: before.length - unchanged };
}
