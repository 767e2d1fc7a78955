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
  present(result, definition) {
    return {
      shape: 'seats',
      id: result.id,
      name: definition?.name ?? { en: result.id },
      status: result.status,
      pools: result.pools.map((pool) => {
        const poolDefinition = definition?.pools.find((p) => p.id === pool.id);
        return {
          id: pool.id,
          met: pool.met,
          seats: pool.seats,
          filled: pool.filled,
          roles: pool.roles.map((role) => {
            const roleDefinition = poolDefinition?.roles.find((r) => r.id === role.id);
            return {
              id: role.id,
              name: roleDefinition?.name ?? { en: role.id },
              definition: roleDefinition,
              count: role.count,
              eligible: role.eligible,
              short: role.short,
              assigned: role.assigned,
              seats: Array.from({ length: role.count }, (_, i) => role.assigned[i] ?? null),
              ofWhom: role.ofWhom ?? null,
            };
          }),
        };
      }),
    };
  },
};
