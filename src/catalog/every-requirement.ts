import type { Pool, Requirement, RevenueRequirement, Role } from './catalog-types.js';

/** Every requirement of a tree, the paths of alternatives included: what a level can ask for on any path. */
export function everyRequirement(requirements: readonly Requirement[]): Requirement[] {
  return requirements.flatMap((r) =>
    r.kind === 'anyOf' ? [r, ...r.paths.flatMap((p) => everyRequirement(p.requirements))] : [r],
  );
}

/** Every pool of people of a tree, on any path. */
export function everyPool(requirements: readonly Requirement[]): Pool[] {
  return everyRequirement(requirements).flatMap((r) => (r.kind === 'people' ? r.pools : []));
}

/** Every role of a tree, on any path. */
export function everyRole(requirements: readonly Requirement[]): Role[] {
  return everyPool(requirements).flatMap((p) => [...p.roles]);
}

/** Every revenue test of a tree, on any path. */
export function everyRevenue(requirements: readonly Requirement[]): RevenueRequirement[] {
  return everyRequirement(requirements).filter((r): r is RevenueRequirement => r.kind === 'revenue');
}
