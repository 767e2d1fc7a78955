import { pushTo } from '../core/push-to.js';
import type { Customer, ExamPass, Organization, Period, Person } from '../engine/organization.js';
import type { OrganizationAdditions } from '../store/store.js';

/**
 * The organization with additions applied, as `Store.addToOrganization` must apply them: people and customers
 * matched by id take the new name (and people the new MCID; a missing one keeps what is there) and new ones are
 * appended; passes, periods and revenue records are appended in
 * order. Exported so that every store and the planner agree on what an addition means.
 */
export function applyAdditions(organization: Organization, additions: OrganizationAdditions): Organization {
  const exams = new Map<string, ExamPass[]>();
  for (const e of additions.exams) pushTo(exams, e.person, { exam: e.exam, passed: e.passed });
  const dpor = new Map<string, Period[]>();
  for (const d of additions.dpor) pushTo(dpor, d.customer, { from: d.from, to: d.to });
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
    customers: mergeRecords<Customer, Period>(organization.customers, additions.customers, dpor, (id, name, old, extra) => ({
      id,
      name,
      dpor: old ? [...old.dpor, ...extra] : extra,
    })),
    revenue: additions.revenue.length > 0 ? [...organization.revenue, ...additions.revenue] : organization.revenue,
  };
}

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
