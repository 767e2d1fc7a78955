/**
 * The people side of a level, reduced to what planning needs: pools of roles, and for each person and role the
 * alternative sets of exams that would complete it. Produced from a catalog level and an organization by
 * `buildPlanningProblem`; solved exactly by `solveByFlow` (when pools are independent) or `solveByIlp`.
 */
export interface PlanningProblem {
  readonly people: number;
  readonly pools: readonly PlanningPool[];
  /** At most this many exams per person, existing or new; null for no limit. */
  readonly maxExamsPerPerson: number | null;
  readonly allowHires: boolean;
  /**
   * A cap on how many groups of pools (competencies) one person may serve: `ofPool[j]` is pool j's group. Absent
   * when the program sets no cap.
   */
  readonly groups?: { readonly ofPool: readonly number[]; readonly max: number };
}

export interface PlanningPool {
  readonly roles: readonly PlanningRole[];
}

export interface PlanningRole {
  readonly count: number;
  /** Per existing person, the exam sets that would complete the role ([] inside: already qualified; none: cannot). */
  readonly existing: readonly (readonly (readonly string[])[])[];
  /** What a new hire with no exams would need; empty when no new person can fill the role. */
  readonly fresh: readonly (readonly string[])[];
}

/** Who sits in each seat and which exams they take. New hires are numbered from 0 in `hires`. */
export interface PlanningSolution {
  readonly hires: number;
  readonly exams: number;
  /** Per pool, per role, the seat holders: `{ person }` for existing people, `{ hire }` for new ones. */
  readonly seats: readonly (readonly (readonly SeatHolder[])[])[];
}

export type SeatHolder =
  | { readonly person: number; readonly exams: readonly string[] }
  | { readonly hire: number; readonly exams: readonly string[] };

/** The lexicographic order of plans: fewer new people first, then fewer exams. */
export function isCheaper(a: { hires: number; exams: number }, b: { hires: number; exams: number }): boolean {
  return a.hires < b.hires || (a.hires === b.hires && a.exams < b.exams);
}

/**
 * Whether pools can be solved one by one: no limit per person across pools, and no exam that would count in two
 * pools (so an exam taken for one pool never lowers another pool's cost).
 */
export function poolsAreIndependent(problem: PlanningProblem): boolean {
  if (problem.pools.length <= 1) return true;
  if (problem.maxExamsPerPerson !== null) return false;
  if (problem.groups && new Set(problem.groups.ofPool).size > problem.groups.max) return false;
  const owner = new Map<string, number>();
  return problem.pools.every((pool, i) =>
    pool.roles.every((role) =>
      [...role.existing.flat(2), ...role.fresh.flat()].every((exam) => {
        const first = owner.get(exam);
        owner.set(exam, first ?? i);
        return first === undefined || first === i;
      }),
    ),
  );
}
