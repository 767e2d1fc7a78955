import type { PeopleRequirement } from '../../catalog/catalog-types.js';
import { describeFormula, formulaType } from '../../render/describe-formula.js';
import type { TextKind } from '../text-kind.js';
import { describeRole } from './describe-role.js';

export const peopleText: TextKind<'people'> = {
  lines(requirement, result, { head, pad }, out, { f, m }) {
    const seats = result.pools.reduce((n, p) => n + p.seats, 0);
    const filled = result.pools.reduce((n, p) => n + p.filled, 0);
    out.push(`${head}: ${m.seats(filled, seats)}`);
    result.pools.forEach((pool, p) => {
      pool.roles.forEach((role, r) => {
        const definition = requirement.pools[p]?.roles[r];
        const who = role.assigned.length > 0 ? f.people(role.assigned, 8, m.more) : m.nobody;
        out.push(`${pad}    ${m.roleLine(definition ? f.text(definition.name) : role.id, role.count, who)}`);
        if (role.ofWhom) {
          const also = role.ofWhom.holding.length > 0 ? f.people(role.ofWhom.holding, 8, m.more) : m.nobody;
          out.push(`${pad}      ${m.ofWhomLine(role.ofWhom.count, also)}`);
        }
      });
    });
  },
  gap(gap, requirement, params, { f, m, finding }) {
    const roleName = (id: string) => {
      const role = findRole(requirement, String(gap.params.pool), id);
      return role ? f.text(role.name) : id;
    };
    let text: string;
    if (gap.code === 'people.of-whom') {
      const role = findRole(requirement, String(gap.params.pool), String(gap.params.role));
      params.roleName = roleName(String(gap.params.role));
      params.formula = role ? describeFormula(role.exams, f, m) : '';
      params.extra = role?.ofWhom ? describeFormula(role.ofWhom.exams, f, m) : '';
      params.formulaType = role && formulaType(role.exams);
      params.extraType = role?.ofWhom && formulaType(role.ofWhom.exams);
      text = finding(gap.code, params);
      if (gap.params.closed === true) text += ` ${finding('people.closed', { roles: params.roleName })}`;
    } else if (gap.code === 'people.shortfall') {
      const pool = requirement.pools.find((p) => p.id === gap.params.pool);
      const roles = (gap.params.roles as readonly { id: string; count: number; ofWhom?: boolean }[]) ?? [];
      params.roleDetails = roles.map((r) => {
        const role = pool?.roles.find((x) => x.id === r.id);
        // Only the k seats of a "k of the same N" role (k below N) are short: their people need its exams and its extra ones.
        const both = role?.ofWhom && ({ kind: 'allOf', items: [role.exams, role.ofWhom.exams] } as const);
        const exams = both && r.ofWhom && role.ofWhom && role.ofWhom.count < role.count ? describeFormula(both, f, m) : null;
        const type = role && formulaType(both || role.exams);
        return {
          name: role ? f.text(role.name) : r.id,
          count: r.count,
          formula: role ? (exams ?? describeRole(role, f, m)) : '',
          ...(type && { type }),
        };
      });
      const closed = (gap.params.closed as readonly string[] | undefined) ?? [];
      const closedText = closed.length > 0 ? ` ${finding('people.closed', { roles: f.and(closed.map(roleName)) })}` : '';
      text = finding(gap.code, params) + closedText;
    } else return finding(gap.code, params);
    const nearest = (gap.params.nearest as readonly { person: string; role: string; exams: readonly string[] }[]) ?? [];
    if (nearest.length === 0) return text;
    const people = f.and(nearest.map((n) => `${f.person(n.person)} (${roleName(n.role)}: ${n.exams.join(', ')})`));
    return `${text} ${finding('people.nearest', { people })}`;
  },
};

function findRole(requirement: PeopleRequirement, pool: string, role: string) {
  return requirement.pools.find((p) => p.id === pool)?.roles.find((r) => r.id === role);
}
