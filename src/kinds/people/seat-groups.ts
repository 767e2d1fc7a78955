import type { ExamFormula, Pool } from '../../catalog/catalog-types.js';

/** Seats of a pool that one matching fills alike: a whole role, or one of the two parts of a "k of the same N" role. */
export interface SeatGroup {
  /** The role's index in its pool. */
  readonly role: number;
  readonly count: number;
  readonly exams: ExamFormula;
  /** The k seats whose people must also hold the role's extra exams. */
  readonly ofWhom: boolean;
}

const groupsOf = new WeakMap<Pool, readonly SeatGroup[]>();

/**
 * A pool's seats in groups that a matching fills with distinct people. "N people with A, k of the same N also with
 * C" is exactly N−k seats for A and k seats for A and C: any N people with A of whom k have C fill them, and any
 * filling is such people. So evaluation, status and planning stay flows over plain seats (exact, never greedy), and
 * results gather the parts back into their role. Built once per pool, so the formulas keep their identity (and
 * the caches keyed by them).
 */
export function seatGroups(pool: Pool): readonly SeatGroup[] {
  let groups = groupsOf.get(pool);
  if (groups === undefined) {
    groups = Object.freeze(
      pool.roles.flatMap((role, r): SeatGroup[] => {
        if (!role.ofWhom) return [{ role: r, count: role.count, exams: role.exams, ofWhom: false }];
        const both: ExamFormula = Object.freeze({ kind: 'allOf', items: Object.freeze([role.exams, role.ofWhom.exams]) });
        const rest = role.count - role.ofWhom.count;
        return [
          ...(rest > 0 ? [{ role: r, count: rest, exams: role.exams, ofWhom: false }] : []),
          { role: r, count: role.ofWhom.count, exams: both, ofWhom: true },
        ];
      }),
    );
    groupsOf.set(pool, groups);
  }
  return groups;
}
