import type { RequirementResult } from '../engine/evaluation-types.js';
import type { Headroom } from '../engine/level-headroom.js';
import { anyOfResult } from './any-of/any-of-result.js';
import { peopleResult } from './people/people-result.js';
import type { ResultKind } from './result-kind.js';
import { revenueResult } from './revenue/revenue-result.js';

/** Every kind's reading of its results, by name. A kind missing here is a compile error. */
export const resultKinds: { readonly [K in RequirementResult['kind']]: ResultKind<K> } = {
  revenue: revenueResult,
  people: peopleResult,
  anyOf: anyOfResult,
};

const kindOf = (result: RequirementResult) => resultKinds[result.kind] as unknown as ResultKind<RequirementResult['kind']>;

export function resultHeadroom(result: RequirementResult): Headroom[] {
  return kindOf(result).headroom(result as never, resultHeadroom);
}

export function chosenPath(result: RequirementResult): string | null {
  return kindOf(result).chosenPath(result as never);
}
