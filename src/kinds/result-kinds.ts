import type { Requirement } from '../catalog/catalog-types.js';
import type { RequirementResult } from '../engine/evaluation-types.js';
import type { Headroom } from '../engine/level-headroom.js';
import { anyOfResult } from './any-of/any-of-result.js';
import { metricResult } from './metric/metric-result.js';
import { peopleResult } from './people/people-result.js';
import { pointsResult } from './points/points-result.js';
import type { Presented } from './presented.js';
import type { ResultKind } from './result-kind.js';
import { revenueResult } from './revenue/revenue-result.js';

/** Every kind's reading of its results, by name. A kind missing here is a compile error. */
export const resultKinds: { readonly [K in RequirementResult['kind']]: ResultKind<K> } = {
  revenue: revenueResult,
  people: peopleResult,
  anyOf: anyOfResult,
  metric: metricResult,
  points: pointsResult,
};

const kindOf = (result: RequirementResult) => resultKinds[result.kind] as unknown as ResultKind<RequirementResult['kind']>;

export function resultHeadroom(result: RequirementResult): Headroom[] {
  return kindOf(result).headroom(result as never, resultHeadroom);
}

export function chosenPath(result: RequirementResult): string | null {
  return kindOf(result).chosenPath(result as never);
}

/** Pairs requirement definitions with their results (by id), each result in the dashboard's generic shapes. */
export function presentResults(definitions: readonly Requirement[], results: readonly RequirementResult[]): Presented[] {
  return results.map((result) => {
    const found = definitions.find((d) => d.id === result.id);
    // A definition of another kind (JSON of another version) names nothing this result has.
    const definition = found?.kind === result.kind ? found : undefined;
    return kindOf(result).present(result as never, definition as never, presentResults);
  });
}
