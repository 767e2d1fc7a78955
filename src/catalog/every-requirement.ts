import { nestedRequirements } from '../kinds/catalog-kinds.js';
import type { Pool, Requirement, RequirementKindName, RevenueRequirement, Role } from './catalog-types.js';

/** Every requirement of a tree, the paths of alternatives included: what a level can ask for on any path. */
export function everyRequirement(requirements: readonly Requirement[]): Requirement[] {
  return requirements.flatMap((r) => [r, ...everyRequirement(nestedRequirements(r))]);
}

/** Every pool of people of a tree, on any path. */
export function everyPool(requirements: readonly Requirement[]): Pool[] {
  return everyOfKind(requirements, 'people').flatMap((r) => r.pools);
}

/** Every role of a tree, on any path. */
export function everyRole(requirements: readonly Requirement[]): Role[] {
  return everyPool(requirements).flatMap((p) => [...p.roles]);
}

/** Every revenue test of a tree, on any path. */
export function everyRevenue(requirements: readonly Requirement[]): RevenueRequirement[] {
  return everyOfKind(requirements, 'revenue');
}

/** Every requirement of one kind in a tree, on any path. */
export function everyOfKind<K extends RequirementKindName>(
  requirements: readonly Requirement[],
  kind: K,
): Extract<Requirement, { kind: K }>[] {
  return everyRequirement(requirements).filter((r): r is Extract<Requirement, { kind: K }> => r.kind === kind);
}
