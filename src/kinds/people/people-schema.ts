import { z } from 'zod';
import { formula, id, localized } from '../../catalog/schema-parts.js';
import type { CheckKind } from '../catalog-kind.js';

const role = z.strictObject({
  id,
  name: localized,
  count: z.number().int().nonnegative(),
  exams: formula,
  /** "k of the same N": `count` of the role's people also hold `exams`. */
  ofWhom: z.strictObject({ count: z.number().int().positive(), exams: formula }).optional(),
});

const pool = z.strictObject({ id, roles: z.array(role) });

/** A people requirement as a catalog states it. */
export const peopleSchema = z.strictObject({
  kind: z.literal('people'),
  id,
  name: localized,
  pools: z.array(pool),
});

export type RawPeopleRequirement = z.infer<typeof peopleSchema>;

/** Pools and roles that are not empty, ids unique, each role's formula of known exams and of a bounded size. */
export const checkPeople: CheckKind<'people'> = (r, path, tools) => {
  if (r.pools.length === 0) tools.report('catalog.people.empty', [...path, 'pools']);
  tools.unique(
    r.pools.map((p) => p.id),
    [...path, 'pools'],
    'pool',
  );
  tools.unique(
    r.pools.flatMap((p) => p.roles.map((role) => `${p.id}/${role.id}`)),
    [...path, 'pools'],
    'role',
  );
  r.pools.forEach((pool, p) => {
    if (pool.roles.length === 0) tools.report('catalog.pool.empty', [...path, 'pools', p, 'roles'], { pool: pool.id });
    pool.roles.forEach((role, i) => {
      const rolePath = [...path, 'pools', p, 'roles', i];
      tools.text(role.name, [...rolePath, 'name']);
      if (role.count === 0) tools.report('catalog.role.empty', [...rolePath, 'count'], { role: role.id });
      tools.formula(role.exams, [...rolePath, 'exams']);
      if (role.ofWhom) {
        tools.formula(role.ofWhom.exams, [...rolePath, 'ofWhom', 'exams']);
        if (role.ofWhom.count > role.count) {
          tools.report('catalog.role.of-whom-exceeds', [...rolePath, 'ofWhom', 'count'], {
            role: role.id,
            count: role.ofWhom.count,
            of: role.count,
          });
        }
      }
    });
  });
};
