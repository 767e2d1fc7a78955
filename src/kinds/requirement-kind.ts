import type { Requirement, RequirementKindName } from '../catalog/catalog-types.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { Finding, RequirementResult, RequirementStatus } from '../engine/evaluation-types.js';
import type { KindTrackers } from './track-kinds.js';

/** Evaluates any requirement; passed to kinds that nest others, so no kind imports the registry. */
export type EvaluateAny = (requirement: Requirement, context: EvaluationContext) => RequirementResult;
/** Explains any requirement's result as gaps under an id path. */
export type ExplainAny = (
  requirement: Requirement,
  result: RequirementResult,
  context: EvaluationContext,
  path: string,
) => Finding[];

/**
 * What a status-only evaluation reads: each kind's running state, which the status tracker keeps up to date from day
 * to day instead of rebuilding a context each day.
 */
export interface StatusView extends Pick<EvaluationContext, 'catalog' | 'organization'> {
  tracked<K extends RequirementKindName>(kind: K): KindTrackers[K];
}

/** The status of any requirement; passed to kinds that nest others. */
export type StatusAny = (requirement: Requirement, view: StatusView) => RequirementStatus;

/**
 * What each kind of requirement declares: how to evaluate it and how to explain a result that is not met.
 * Adding a kind means adding one of these to the registry; the compiler then demands every other table handle it.
 */
export interface RequirementKind<R extends Requirement, Res extends RequirementResult> {
  evaluate(requirement: R, context: EvaluationContext, evaluateAny: EvaluateAny): Res;
  explain(requirement: R, result: Res, context: EvaluationContext, path: string, explainAny: ExplainAny): Finding[];
  /** The status alone, as `evaluate` would give it, from a view that can be kept up to date cheaply. */
  status(requirement: R, view: StatusView, statusAny: StatusAny): RequirementStatus;
}

/** Combines the statuses of requirements that must all hold: any failure wins over any uncertainty. */
export function allStatus(statuses: readonly RequirementStatus[]): RequirementStatus {
  if (statuses.includes('not-met')) return 'not-met';
  if (statuses.includes('undetermined')) return 'undetermined';
  return 'met';
}

const LEVEL_STATUS = { met: 'attained', 'not-met': 'not-attained', undetermined: 'undetermined' } as const;

/** A level's standing from the combined status of its requirements. */
export function levelStanding(status: RequirementStatus): {
  attained: boolean;
  status: (typeof LEVEL_STATUS)[RequirementStatus];
} {
  return { attained: status === 'met', status: LEVEL_STATUS[status] };
}
