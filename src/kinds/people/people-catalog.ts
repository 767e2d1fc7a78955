import type { Requirement, Role } from '../../catalog/catalog-types.js';
import type { CatalogKind } from '../catalog-kind.js';

/** A people requirement in a catalog: pools of roles, each role's exams as a compiled formula. */
export const peopleCatalog: CatalogKind<'people'> = {
  compile: (ppl, tools) => ({
    kind: 'people',
    id: ppl.id,
    name: Object.freeze({ ...ppl.name }),
    pools: Object.freeze(
      ppl.pools.map((pool) =>
        Object.freeze({
          id: pool.id,
          roles: Object.freeze(
            pool.roles.map((role) =>
              Object.freeze({
                id: role.id,
                name: Object.freeze({ ...role.name }),
                count: role.count,
                exams: tools.formula(role.exams),
                ...(role.ofWhom && {
                  ofWhom: Object.freeze({ count: role.ofWhom.count, exams: tools.formula(role.ofWhom.exams) }),
                }),
              }),
            ),
          ),
        }),
      ),
    ),
  }),
  plain: (ppl) => ppl,
  nested: () => [],
  branch: () => undefined,
  part(ppl, what, id) {
    if (what !== 'role') return undefined;
    const slash = id.indexOf('/');
    if (slash < 0) return ppl.pools.flatMap((p) => p.roles).find((r) => r.id === id);
    const [pool, role] = [id.slice(0, slash), id.slice(slash + 1)];
    return ppl.pools.find((p) => p.id === pool)?.roles.find((r) => r.id === role);
  },
};

/** A role of a requirement by pool and id, when the requirement is one of people. */
export function roleIn(requirement: Requirement | undefined, pool: string, role: string): Role | undefined {
  return requirement?.kind === 'people'
    ? requirement.pools.find((p) => p.id === pool)?.roles.find((r) => r.id === role)
    : undefined;
}
