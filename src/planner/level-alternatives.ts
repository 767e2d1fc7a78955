import type { PointsRequirement, Pool, Requirement, RevenueRequirement } from '../catalog/catalog-types.js';
import type { PlanKind } from '../kinds/plan-kind.js';
import { planKinds } from '../kinds/plan-kinds.js';

/** One way through a level's alternative paths: the choices made, and the pools and revenue tests it leaves. */
export interface Alternative {
  readonly choices: readonly { readonly requirement: string; readonly path: string }[];
  readonly pools: readonly { readonly requirement: string; readonly pool: Pool }[];
  readonly revenue: readonly RevenueRequirement[];
  /** Scores the path asks for, planned apart from the exams (absent: none). */
  readonly points?: readonly PointsRequirement[];
}

/** Every combination of path choices, each with the pools and revenue tests it requires. */
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
          revenue: [...left.revenue, ...right.revenue],
          ...((left.points || right.points) && { points: [...(left.points ?? []), ...(right.points ?? [])] }),
        })),
      );
    },
    [{ choices: [], pools: [], revenue: [] }],
  );
}
