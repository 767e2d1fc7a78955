import type { ExamFormula, Requirement, RequirementKindName } from '../catalog/catalog-types.js';
import type { Localized } from '../core/localized.js';
import { anyOfCatalog } from './any-of/any-of-catalog.js';
import type { CatalogKind, CompileTools, RequirementPart } from './catalog-kind.js';
import type { RawRequirement } from './kind-schemas.js';
import { metricCatalog } from './metric/metric-catalog.js';
import { peopleCatalog } from './people/people-catalog.js';
import { pointsCatalog } from './points/points-catalog.js';
import { revenueCatalog } from './revenue/revenue-catalog.js';

/** Every kind's catalog side, by name. A kind missing here is a compile error. */
export const catalogKinds: { readonly [K in RequirementKindName]: CatalogKind<K> } = {
  revenue: revenueCatalog,
  people: peopleCatalog,
  anyOf: anyOfCatalog,
  metric: metricCatalog,
  points: pointsCatalog,
};

type AnyCatalogKind = CatalogKind<RequirementKindName>;
const kindOf = (kind: RequirementKindName) => catalogKinds[kind] as unknown as AnyCatalogKind;

export function compileRequirement(raw: RawRequirement, tools: CompileTools): Requirement {
  return Object.freeze(kindOf(raw.kind).compile(raw as never, tools));
}

export function plainRequirement(raw: RawRequirement, markets: readonly string[]): RawRequirement {
  return kindOf(raw.kind).plain(raw as never, markets, (r) => plainRequirement(r, markets));
}

/** The requirements nested directly in one. */
export function nestedRequirements(requirement: Requirement): readonly Requirement[] {
  return kindOf(requirement.kind).nested(requirement as never);
}

/** The requirements under one step of an id path; undefined when the requirement has no branches. */
export function branchOf(requirement: Requirement, step: string): readonly Requirement[] | undefined {
  return kindOf(requirement.kind).branch(requirement as never, step);
}

/** The credentials a requirement reads outside roles of people; none for most kinds. */
export function credentialsOf(requirement: Requirement): readonly ExamFormula[] {
  return kindOf(requirement.kind).credentials?.(requirement as never) ?? [];
}

/** A named part of a requirement (a role, a path), or undefined when it has none by that id. */
export function partOf(
  requirement: Requirement | undefined,
  what: RequirementPart,
  id: string,
): { readonly name: Localized } | undefined {
  return requirement && kindOf(requirement.kind).part(requirement as never, what, id);
}
