import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExamFormula } from '../catalog/catalog-types.js';
import { cheapestCompletion, formulaTerms, satisfies } from './exam-formula.js';

const EXAMS = ['A', 'B', 'C', 'D', 'E'];
const formula: fc.Arbitrary<ExamFormula> = fc.letrec<{ f: ExamFormula }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...EXAMS).map((code): ExamFormula => ({ kind: 'exam', code })),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((items): ExamFormula => ({ kind: 'allOf', items })),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((items): ExamFormula => ({ kind: 'oneOf', items })),
  ),
})).f;

/** Evaluates a formula directly from its tree: the reference for `satisfies`. */
function holds(f: ExamFormula, held: ReadonlySet<string>): boolean {
  if (f.kind === 'exam') return held.has(f.code);
  return f.kind === 'allOf' ? f.items.every((i) => holds(i, held)) : f.items.some((i) => holds(i, held));
}

const subsets = (codes: readonly string[]): string[][] =>
  codes.reduce<string[][]>((acc, code) => acc.concat(acc.map((s) => [...s, code])), [[]]);

describe('exam formulas', () => {
  it('satisfies agrees with evaluating the tree', () => {
    fc.assert(
      fc.property(formula, fc.subarray(EXAMS), (f, held) => {
        expect(satisfies(f, new Set(held))).toBe(holds(f, new Set(held)));
      }),
      { numRuns: 1000 },
    );
  });

  it('cheapestCompletion finds the smallest set of exams to add, even when allOf branches share exams', () => {
    fc.assert(
      fc.property(formula, fc.subarray(EXAMS), fc.subarray(EXAMS), (f, heldList, unavailable) => {
        const held = new Set(heldList);
        const available = (code: string) => !unavailable.includes(code);
        const candidates = subsets(EXAMS.filter((c) => !held.has(c) && available(c)));
        const completing = candidates.filter((add) => holds(f, new Set([...held, ...add])));
        const best = completing.length === 0 ? null : Math.min(...completing.map((s) => s.length));
        const found = cheapestCompletion(f, held, available);
        expect(found === null ? null : found.length).toBe(best);
        if (found) expect(holds(f, new Set([...held, ...found]))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('picks the shared exam once for allOf(oneOf(A, B), oneOf(B, C))', () => {
    const f: ExamFormula = {
      kind: 'allOf',
      items: [
        {
          kind: 'oneOf',
          items: [
            { kind: 'exam', code: 'A' },
            { kind: 'exam', code: 'B' },
          ],
        },
        {
          kind: 'oneOf',
          items: [
            { kind: 'exam', code: 'B' },
            { kind: 'exam', code: 'C' },
          ],
        },
      ],
    };
    expect(cheapestCompletion(f, new Set())).toEqual(['B']);
    expect(formulaTerms(f)).toEqual([['B'], ['A', 'C']]);
  });
});
