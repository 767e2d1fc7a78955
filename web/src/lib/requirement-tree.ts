import type { Catalog, Level, Requirement, Role } from '../../../src/catalog/catalog-types.js';
import { findLevel } from '../../../src/catalog/find-level.js';
import type { Localized } from '../../../src/core/localized.js';
import type { Evaluation, LevelResult, RequirementResult, RequirementStatus } from '../../../src/engine/evaluation-types.js';

/** A requirement with its result, named from the catalog: what the overview draws as bars and the gaps page as seats. */
export type RequirementNode = RevenueNode | PeopleNode | AnyOfNode;

export interface RevenueNode {
  readonly kind: 'revenue';
  readonly id: string;
  readonly name: Localized;
  readonly status: RequirementStatus;
  readonly counted: string;
  /** Null when the catalog publishes no threshold for the organization's market. */
  readonly required: string | null;
  readonly shortfall: string | null;
  readonly currency: string;
  /** counted / required, between 0 and 1 (0 without a threshold). */
  readonly ratio: number;
}

export interface PeopleNode {
  readonly kind: 'people';
  readonly id: string;
  readonly name: Localized;
  readonly status: RequirementStatus;
  readonly pools: readonly PoolNode[];
}

export interface PoolNode {
  readonly id: string;
  readonly met: boolean;
  readonly seats: number;
  readonly filled: number;
  readonly roles: readonly RoleNode[];
}

export interface RoleNode {
  readonly id: string;
  readonly name: Localized;
  readonly definition: Role | undefined;
  readonly count: number;
  readonly eligible: number;
  readonly short: number;
  readonly assigned: readonly string[];
  /** One entry per seat: the person in it, or null for an empty seat. */
  readonly seats: readonly (string | null)[];
}

export interface AnyOfNode {
  readonly kind: 'anyOf';
  readonly id: string;
  readonly name: Localized;
  readonly status: RequirementStatus;
  /** The path that is met, or null. */
  readonly chosen: string | null;
  readonly paths: readonly {
    readonly id: string;
    readonly name: Localized;
    readonly status: RequirementStatus;
    readonly requirements: readonly RequirementNode[];
  }[];
}

/** Pairs a level's requirement definitions with their results (by id), recursively through alternative paths. */
export function requirementTree(definitions: readonly Requirement[], results: readonly RequirementResult[]): RequirementNode[] {
  const nodes: RequirementNode[] = [];
  for (const result of results) {
    const definition = definitions.find((d) => d.id === result.id);
    const name = definition?.name ?? { en: result.id };
    if (result.kind === 'revenue') {
      const counted = Number(result.counted);
      const required = result.required === null ? null : Number(result.required);
      nodes.push({
        kind: 'revenue',
        id: result.id,
        name,
        status: result.status,
        counted: result.counted,
        required: result.required,
        shortfall: result.shortfall,
        currency: result.currency,
        ratio: required === null ? 0 : required <= 0 ? 1 : Math.min(1, Math.max(0, counted / required)),
      });
    } else if (result.kind === 'people') {
      const pools = definition?.kind === 'people' ? definition.pools : [];
      nodes.push({
        kind: 'people',
        id: result.id,
        name,
        status: result.status,
        pools: result.pools.map((pool) => {
          const poolDefinition = pools.find((p) => p.id === pool.id);
          return {
            id: pool.id,
            met: pool.met,
            seats: pool.seats,
            filled: pool.filled,
            roles: pool.roles.map((role) => {
              const roleDefinition = poolDefinition?.roles.find((r) => r.id === role.id);
              return {
                id: role.id,
                name: roleDefinition?.name ?? { en: role.id },
                definition: roleDefinition,
                count: role.count,
                eligible: role.eligible,
                short: role.short,
                assigned: role.assigned,
                seats: Array.from({ length: role.count }, (_, i) => role.assigned[i] ?? null),
              };
            }),
          };
        }),
      });
    } else {
      const paths = definition?.kind === 'anyOf' ? definition.paths : [];
      nodes.push({
        kind: 'anyOf',
        id: result.id,
        name,
        status: result.status,
        chosen: result.path,
        paths: result.paths.map((path) => {
          const pathDefinition = paths.find((p) => p.id === path.id);
          return {
            id: path.id,
            name: pathDefinition?.name ?? { en: path.id },
            status: path.status,
            requirements: requirementTree(pathDefinition?.requirements ?? [], path.requirements),
          };
        }),
      });
    }
  }
  return nodes;
}

/** One level of an option, with its definition from the catalog version the result names. */
export interface LevelCard {
  readonly id: string;
  readonly name: Localized;
  readonly result: LevelResult;
  readonly definition: Level | undefined;
}

/** A competency option with its levels (Silver, Gold) in catalog order. */
export interface OptionCard {
  readonly competency: string;
  readonly option: string;
  readonly competencyName: Localized;
  readonly optionName: Localized;
  readonly levels: readonly LevelCard[];
  /** The first level not attained (progress is shown toward it), or null when every level is attained. */
  readonly next: LevelCard | null;
}

/** Groups an evaluation's results by competency and option, in the order the evaluation lists them. */
export function optionCards(evaluation: Evaluation, catalog: Catalog): OptionCard[] {
  const cards = new Map<
    string,
    { competency: string; option: string; competencyName: Localized; optionName: Localized; levels: LevelCard[] }
  >();
  for (const result of evaluation.results) {
    const found = findLevel(catalog, result, result.catalogVersion);
    const key = `${result.competency}/${result.option}`;
    let card = cards.get(key);
    if (!card) {
      card = {
        competency: result.competency,
        option: result.option,
        competencyName: found?.competency.name ?? { en: result.competency },
        optionName: found?.option.name ?? { en: result.option },
        levels: [],
      };
      cards.set(key, card);
    }
    card.levels.push({ id: result.level, name: found?.level.name ?? { en: result.level }, result, definition: found?.level });
  }
  return [...cards.values()].map((card) => ({ ...card, next: card.levels.find((l) => !l.result.attained) ?? null }));
}

/** Every people node of a tree, including those inside alternative paths, with the path they belong to. */
export function peopleNodes(
  nodes: readonly RequirementNode[],
  path: string | null = null,
): { node: PeopleNode; path: string | null }[] {
  return nodes.flatMap((node) =>
    node.kind === 'people'
      ? [{ node, path }]
      : node.kind === 'anyOf'
        ? node.paths.flatMap((p) => peopleNodes(p.requirements, p.id))
        : [],
  );
}
