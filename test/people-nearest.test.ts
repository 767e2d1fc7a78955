import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog, ExamFormula, Requirement, Role } from '../src/catalog/catalog-types.js';
import { everyPool } from '../src/catalog/every-requirement.js';
import { findLevel } from '../src/catalog/find-level.js';
import { createEvaluationContext, type EvaluationContext } from '../src/engine/evaluation-context.js';
import { cheapestCompletion } from '../src/engine/exam-formula.js';
import { evaluate, loadShippedCatalog, parseDay, parseOrganization } from '../src/index.js';
import { takeable } from '../src/kinds/people/people-kind.js';
import { date } from './arbitraries.js';

/**
 * The people a shortfall names as nearest to a seat, against a brute-force reference: every person outside the
 * qualified ones who holds something, each role's cheapest completion, as the explanation defined it before it
 * learnt to skip people who hold none of the roles' exams. Under the whole program's catalog, whose 55 levels ask
 * for many exams that a random person holds a few of.
 */
const catalog: Catalog = await loadShippedCatalog('mpn-2017-program');
const codes = [...catalog.exams.values()].map((e) => e.code);
const asOf = parseDay('2018-03-31') as number;

const organization = fc
  .array(fc.array(fc.record({ exam: fc.constantFrom(...codes, 'AZ-900'), passed: date }), { maxLength: 6 }), {
    minLength: 1,
    maxLength: 14,
  })
  .map((people) => ({
    id: 'o',
    market: 'developed',
    people: people.map((exams, i) => ({ id: `p${i}`, exams })),
    customers: [],
    revenue: [],
  }));

function reference(roles: readonly Role[], qualified: readonly string[], context: EvaluationContext) {
  const excluded = new Set(qualified);
  const canTake = takeable(context);
  // A "k of the same N" role is completed by its whole formula, the extra exams included: what a new person would pass.
  const formulas = roles.map(
    (role): ExamFormula => (role.ofWhom ? { kind: 'allOf', items: [role.exams, role.ofWhom.exams] } : role.exams),
  );
  const totals = formulas.map((formula) => cheapestCompletion(formula, new Set())?.length ?? 0);
  const options: { person: string; role: string; exams: readonly string[]; index: number }[] = [];
  context.qualified.forEach((held, p) => {
    const person = context.organization.people[p]?.id ?? '';
    if (excluded.has(person) || held.size === 0) return;
    let best: { role: string; exams: readonly string[] } | undefined;
    for (const [r, role] of roles.entries()) {
      const missing = cheapestCompletion(formulas[r] as ExamFormula, held, canTake);
      const total = totals[r] ?? 0;
      if (missing && missing.length > 0 && missing.length < total && (!best || missing.length < best.exams.length)) {
        best = { role: role.id, exams: missing };
      }
    }
    if (best) options.push({ person, ...best, index: p });
  });
  return options
    .sort((a, b) => a.exams.length - b.exams.length || a.index - b.index)
    .slice(0, 3)
    .map(({ person, role, exams }) => ({ person, role, exams }));
}

/** The people requirement of a level with this id, on any path. */
function poolOf(requirements: readonly Requirement[], pool: string, roleIds: readonly string[]) {
  return everyPool(requirements).find((p) => p.id === pool && roleIds.every((id) => p.roles.some((r) => r.id === id)));
}

describe('the nearest people a shortfall names', () => {
  it('are those of the brute-force reference', async () => {
    let compared = 0;
    let named = 0;
    await fc.assert(
      fc.asyncProperty(organization, async (document) => {
        const org = parseOrganization(document);
        const context = createEvaluationContext(catalog, org, asOf, catalog.policy);
        const { results } = await evaluate(catalog, org, { asOf });
        for (const result of results) {
          const level = findLevel(catalog, result, result.catalogVersion);
          for (const gap of result.gaps.filter((g) => g.code === 'people.shortfall')) {
            const params = gap.params as { pool: string; roles: { id: string }[]; qualified: string[]; nearest: unknown[] };
            const ids = params.roles.map((r) => r.id);
            const pool = level && poolOf(level.level.requirements, params.pool, ids);
            expect(pool, `${result.competency}/${result.option}/${result.level} ${gap.path}`).toBeDefined();
            const roles = ids.map((id) => pool?.roles.find((r) => r.id === id)).filter((r) => r !== undefined);
            expect(params.nearest).toEqual(reference(roles, params.qualified, context));
            compared += 1;
            named += params.nearest.length;
          }
        }
      }),
      { numRuns: 60, seed: 17 },
    );
    // The property met shortfalls that name people, not only empty ones.
    expect(compared).toBeGreaterThan(500);
    expect(named).toBeGreaterThan(100);
  });
});
