import type { PointsRequirement, Pool, Requirement } from '../catalog/catalog-types.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { PlanKind } from '../kinds/plan-kind.js';
import { planKinds } from '../kinds/plan-kinds.js';
import type { PlanMeasure } from './plan-types.js';

/** One way through a level's alternative paths: the choices made, and the pools and fixed requirements it leaves. */
export interface Alternative {
  readonly choices: readonly { readonly requirement: string; readonly path: string }[];
  readonly pools: readonly { readonly requirement: string; readonly pool: Pool }[];
  /** Requirements no exam and no hire moves (revenue, metrics); their kinds say where they stand (`PlanKind.standing`). */
  readonly fixed: readonly Requirement[];
  /** Scores the path asks for, planned apart from the exams (absent: none). */
  readonly points?: readonly PointsRequirement[];
}

/** Where a fixed requirement stands, by its kind. */
export function fixedStanding(requirement: Requirement, context: EvaluationContext): PlanMeasure {
  const kind = planKinds[requirement.kind] as PlanKind<Requirement['kind']>;
  if (!kind.standing) throw new Error(`requirements of kind ${requirement.kind} are not fixed`);
  return kind.standing(requirement as never, context);
}

/** Whether every fixed requirement of an alternative holds as it stands, for choosing among a level's alternatives. */
export function fixedMet(alternative: Alternative, context: EvaluationContext): boolean {
  return alternative.fixed.every((r) => fixedStanding(r, context).met);
}

/** Every combination of path choices, each with the pools and fixed requirements it requires. */
export function expand(requirements: readonly Requirement[], prefix = ''): Alternative[] {
  return requirements.reduce<Alternative[]>(
    (alternatives, requirement) => {
      const id = `${prefix}${requirement.id}`;
      const kind = planKinds[requirement.kind] as PlanKind<Requirement['kind']>;
      const options = kind.alternatives(requirement as never, id, expand);
      return alternatives.flatMap((left) =>
        options.map((right) => ({
          choices: [...left.choices, ...right.choices],
          pools: [...left.pools, ...right.pools],
          fixed: [...left.fixed, ...right.fixed],
          ...((left.points || right.points) && { points: [...(left.points ?? []), ...(right.points ?? [])] }),
        })),
      );
    },
    [{ choices: [], pools: [], fixed: [] }],
  );
}
