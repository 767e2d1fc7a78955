import type { ExamFormula } from '../catalog/catalog-types.js';
import type { Formatter } from './formatter.js';
import type { Messages } from './messages.js';

/** An exam formula in words: "all of MB2-715, MB2-716", nested parts in parentheses. */
export function describeFormula(formula: ExamFormula, f: Formatter, m: Messages, nested = false): string {
  if (formula.kind === 'exam') return m.credential(formula.credential, formula.code);
  // "all of (one of A, B), (one of C, D)" reads badly; "one of A, B and one of C, D" says the same.
  if (formula.kind === 'allOf' && formula.items.every((item) => item.kind !== 'exam')) {
    return f.and(formula.items.map((item) => describeFormula(item, f, m, true)));
  }
  const items = formula.items.map((item) => describeFormula(item, f, m, true));
  const text = formula.kind === 'allOf' ? m.allOf(items) : m.oneOf(items);
  return nested && formula.items.some((item) => item.kind !== 'exam') ? `(${text})` : text;
}
