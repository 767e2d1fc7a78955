import { MAX_FORMULA_TERMS } from '../catalog/catalog-limits.js';
import type { ExamFormula } from '../catalog/catalog-types.js';

const termCache = new WeakMap<ExamFormula, readonly (readonly string[])[]>();

/**
 * A formula as a list of alternatives, each a set of exams that together satisfy it (disjunctive normal form,
 * without alternatives that contain another). Computed once per formula. Working on whole alternatives keeps
 * `cheapestCompletion` exact when branches of an `allOf` share exams.
 */
export function formulaTerms(formula: ExamFormula): readonly (readonly string[])[] {
  const cached = termCache.get(formula);
  if (cached) return cached;
  const expanders: { [K in ExamFormula['kind']]: (f: Extract<ExamFormula, { kind: K }>) => string[][] } = {
    exam: (f) => [[f.code]],
    oneOf: (f) => f.items.flatMap((item) => formulaTerms(item).map((t) => [...t])),
    allOf: (f) =>
      f.items.reduce<string[][]>(
        (acc, item) => acc.flatMap((left) => formulaTerms(item).map((right) => [...new Set([...left, ...right])])),
        [[]],
      ),
  };
  const expanded = (expanders[formula.kind] as (f: ExamFormula) => string[][])(formula);
  if (expanded.length > MAX_FORMULA_TERMS) throw new RangeError(`formula expands to ${expanded.length} alternatives`);
  const terms = minimalTerms(expanded).map((t) => Object.freeze(t.sort()));
  termCache.set(formula, Object.freeze(terms));
  return terms;
}

/** Whether someone holding the exams in `held` (canonical codes) satisfies the formula. */
export function satisfies(formula: ExamFormula, held: ReadonlySet<string>): boolean {
  return formulaTerms(formula).some((term) => term.every((code) => held.has(code)));
}

/**
 * The fewest exams someone holding `held` must still pass to satisfy the formula, and which. `available` says
 * which exams can be taken; null when no alternative can be completed with available exams.
 */
export function cheapestCompletion(
  formula: ExamFormula,
  held: ReadonlySet<string>,
  available: (code: string) => boolean = () => true,
): readonly string[] | null {
  let best: string[] | null = null;
  for (const term of formulaTerms(formula)) {
    const missing = term.filter((code) => !held.has(code));
    if (!missing.every(available)) continue;
    if (best === null || missing.length < best.length) best = missing;
    if (best.length === 0) break;
  }
  return best;
}

/** Every exam code a formula mentions, in order of first mention. */
export function formulaExams(formula: ExamFormula): readonly string[] {
  return formula.kind === 'exam' ? [formula.code] : [...new Set(formula.items.flatMap(formulaExams))];
}

/** The sets that contain no other set of the list, smallest first. */
export function minimalTerms(terms: readonly string[][]): string[][] {
  const bySize = [...terms].sort((a, b) => a.length - b.length);
  const kept: string[][] = [];
  for (const term of bySize) {
    const set = new Set(term);
    if (!kept.some((k) => k.every((code) => set.has(code)))) kept.push(term);
  }
  return kept;
}
