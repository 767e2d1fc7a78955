import { pushTo } from '../core/push-to.js';
import type { Customer, ExamPass, Organization, Period, Person } from '../engine/organization.js';
import type { OrganizationAdditions } from '../store/store.js';

/**
 * The organization with additions applied, as `Store.addToOrganization` must apply them: people and customers
 * matched by id take the new name and new ones are appended; passes, periods and revenue records are appended in
 * order. Exported so that every store and the planner agree on what an addition means.
 */
export function applyAdditions(organization: Organization, additions: OrganizationAdditions): Organization {
  const exams = new Map<string, ExamPass[]>();
  for (const e of additions.exams) pushTo(exams, e.person, { exam: e.exam, passed: e.passed });
  const dpor = new Map<string, Period[]>();
  for (const d of additions.dpor) pushTo(dpor, d.customer, { from: d.from, to: d.to });
  return {
    ...organization,
    people: mergeRecords<Person, ExamPass>(organization.people, additions.people, exams, (id, name, old, extra) => ({
      id,
      name,
      exams: old ? [...old.exams, ...extra] : extra,
    })),
    customers: mergeRecords<Customer, Period>(organization.customers, additions.customers, dpor, (id, name, old, extra) => ({
      id,
      name,
      dpor: old ? [...old.dpor, ...extra] : extra,
    })),
    revenue: additions.revenue.length > 0 ? [...organization.revenue, ...additions.revenue] : organization.revenue,
  };
}

/** Existing records in their order (rebuilt only when something changes), then new ones in the additions' order. */
function mergeRecords<T extends { readonly id: string; readonly name: string | null }, C>(
  existing: readonly T[],
  changes: readonly { readonly id: string; readonly name: string | null }[],
  children: Map<string, C[]>,
  build: (id: string, name: string | null, old: T | undefined, extra: readonly C[]) => T,
): T[] {
  const names = new Map(changes.map((c) => [c.id, c.name] as const));
  const result: T[] = [];
  for (const record of existing) {
    const extra = children.get(record.id) ?? [];
    children.delete(record.id);
    const name = names.has(record.id) ? (names.get(record.id) ?? null) : record.name;
    names.delete(record.id);
    result.push(extra.length === 0 && name === record.name ? record : build(record.id, name, record, extra));
  }
  for (const [id, name] of names) {
    result.push(build(id, name, undefined, children.get(id) ?? []));
    children.delete(id);
  }
  if (children.size > 0) {
    throw new Error(`additions refer to records that do not exist: ${[...children.keys()].slice(0, 5).join(', ')}`);
  }
  return result;
}
