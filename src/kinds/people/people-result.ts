import type { ResultKind } from '../result-kind.js';

export const peopleResult: ResultKind<'people'> = {
  headroom(r) {
    return r.pools.flatMap((pool) =>
      pool.roles.map((role) => {
        // Seats hold at most `count` people; the eligible beyond them are the role's spare people.
        const above = role.assigned.length < role.count ? role.assigned.length - role.count : role.eligible - role.count;
        return { kind: 'role' as const, requirement: r.id, pool: pool.id, role: role.id, above };
      }),
    );
  },
  chosenPath: () => null,
};
