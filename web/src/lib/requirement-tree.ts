import type { Catalog, Level, Requirement } from '../../../src/catalog/catalog-types.js';
import { findLevel } from '../../../src/catalog/find-level.js';
import type { Localized } from '../../../src/core/localized.js';
import type { Evaluation, LevelResult, RequirementResult } from '../../../src/engine/evaluation-types.js';
import type { GroupNode, Presented, SeatsNode } from '../../../src/kinds/presented.js';
import { presentResults } from '../../../src/kinds/result-kinds.js';

/** A requirement with its result, named from the catalog: what the overview draws as bars and the gaps page as seats. */
export type RequirementNode = Presented;
export type { GroupNode, MeasureNode, PoolNode, RoleNode, SeatsNode } from '../../../src/kinds/presented.js';

/** Pairs a level's requirement definitions with their results (by id); each kind describes its own, in generic shapes. */
export function requirementTree(definitions: readonly Requirement[], results: readonly RequirementResult[]): RequirementNode[] {
  return presentResults(definitions, results);
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

/** Every node made of parts (a score and its metrics) in a tree, on the paths that count or may count. */
export function groupNodes(nodes: readonly RequirementNode[]): GroupNode[] {
  return nodes.flatMap((node) =>
    node.shape === 'group' ? [node] : node.shape === 'choice' ? node.paths.flatMap((p) => groupNodes(p.requirements)) : [],
  );
}

/** Every node of seats in a tree, including those inside alternative paths, with the path they belong to. */
export function seatNodes(
  nodes: readonly RequirementNode[],
  path: string | null = null,
): { node: SeatsNode; path: string | null }[] {
  return nodes.flatMap((node) =>
    node.shape === 'seats'
      ? [{ node, path }]
      : node.shape === 'choice'
        ? node.paths.flatMap((p) => seatNodes(p.requirements, p.id))
        : node.shape === 'group'
          ? seatNodes(node.members, path)
          : [],
  );
}
