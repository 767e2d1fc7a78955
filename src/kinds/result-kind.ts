import type { Requirement } from '../catalog/catalog-types.js';
import type { RequirementResult } from '../engine/evaluation-types.js';
import type { Headroom } from '../engine/level-headroom.js';
import type { Presented } from './presented.js';

type ResultOf<K extends RequirementResult['kind']> = Extract<RequirementResult, { kind: K }>;

/**
 * What a kind says about a result of its own, from the result alone (as the API serves it): what the outlook, the
 * planner and the dashboard read. Nothing here evaluates, so the dashboard can import it.
 */
export interface ResultKind<K extends RequirementResult['kind']> {
  /** The margins by which the result holds its thresholds; `headroomAny` for results nested in it. */
  headroom(result: ResultOf<K>, headroomAny: (result: RequirementResult) => Headroom[]): Headroom[];
  /** The alternative path the result is met by, when it is a choice between paths. */
  chosenPath(result: ResultOf<K>): string | null;
  /**
   * The result in the dashboard's generic shapes, named from its definition (undefined when the catalog lacks it);
   * `presentAny` pairs nested definitions and results.
   */
  present(
    result: ResultOf<K>,
    definition: Extract<Requirement, { kind: K }> | undefined,
    presentAny: (definitions: readonly Requirement[], results: readonly RequirementResult[]) => Presented[],
  ): Presented;
}
