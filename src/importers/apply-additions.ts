import { pushTo } from '../core/push-to.js';
import type { Association, Customer, ExamPass, Organization, Period, Person } from '../engine/organization.js';
import type { OrganizationAdditions } from '../store/store.js';

/**
 * The organization with additions applied, as `Store.addToOrganization` must apply them: people and customers
 * matched by id take the new name (people the new MCID, customers the new country; a missing one keeps what is
 * there) and new ones are appended; passes, periods, associations, revenue records, subscriptions, consumption and
 * devices are appended in order. Exported so that every store and the planner agree on what an addition means.
 */
export function applyAdditions(organization: Organization, additions: OrganizationAdditions): Organization {
  const exams = new Map<string, ExamPass[]>();
  for (const { person, ...pass } of additions.exams) pushTo(exams, person, pass);
  const periods = new Map<string, CustomerPeriods[]>();
  for (const d of additions.dpor) pushTo(periods, d.customer, { from: d.from, to: d.to });
  for (const { customer, ...association } of additions.associations ?? []) pushTo(periods, customer, association);
  const appended = <T>(list: readonly T[], more: readonly T[] | undefined) =>
    more === undefined || more.length === 0 ? list : [...list, ...more];
  return {
    ...organization,
    people: mergeRecords<Person, ExamPass>(organization.people, additions.people, exams, (id, name, old, extra, change) => {
      const mcid = change?.mcid ?? old?.mcid;
      const email = change?.email ?? old?.email;
      return {
        id,
        name,
        ...(mcid !== undefined && { mcid }),
        ...(email !== undefined && { email }),
        exams: old ? [...old.exams, ...extra] : extra,
      };
    }),
    customers: mergeRecords<Customer, CustomerPeriods, Change & { readonly country?: string }>(
      organization.customers,
      additions.customers,
      periods,
      (id, name, old, extra, change) => {
        const country = change?.country ?? old?.country;
        const dpor = extra.filter((p): p is Period => !('type' in p));
        const associations = [...(old?.associations ?? []), ...extra.filter((p): p is Association => 'type' in p)];
        return {
          id,
          name,
          ...(country !== undefined && { country }),
          dpor: old ? [...old.dpor, ...dpor] : dpor,
          ...(associations.length > 0 && { associations }),
        };
      },
    ),
    revenue: appended(organization.revenue, additions.revenue),
    subscriptions: appended(organization.subscriptions, additions.subscriptions),
    consumption: appended(organization.consumption, additions.consumption),
    devices: appended(organization.devices, additions.devices),
  };
}

/** A customer's DPOR period or other association, as additions bring them. */
type CustomerPeriods = Period | Association;

interface Change {
  readonly id: string;
  readonly name: string | null;
  readonly mcid?: string;
  readonly email?: string;
}

/** Existing records in their order (rebuilt only when something changes), then new ones in the additions' order. */
function mergeRecords<T extends Change, C, U extends Change = Change>(
  existing: readonly T[],
  changes: readonly U[],
  children: Map<string, C[]>,
  build: (id: string, name: string | null, old: T | undefined, extra: readonly C[], change: U | undefined) => T,
): T[] {
  const byId = new Map(changes.map((c) => [c.id, c] as const));
  const result: T[] = [];
  for (const record of existing) {
    const extra = children.get(record.id) ?? [];
    children.delete(record.id);
    const change = byId.get(record.id);
    byId.delete(record.id);
    // A missing name says nothing, as the stores' upserts read it.
    const name = change?.name ?? record.name;
    result.push(extra.length === 0 && change === undefined ? record : build(record.id, name, record, extra, change));
  }
  for (const [id, change] of byId) {
    result.push(build(id, change.name, undefined, children.get(id) ?? [], change));
    children.delete(id);
  }
  if (children.size > 0) {
    throw new Error(`additions refer to records that do not exist: ${[...children.keys()].slice(0, 5).join(', ')}`);
  }
  return result;
}
