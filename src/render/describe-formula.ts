import type { CredentialType, ExamFormula } from '../catalog/catalog-types.js';
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

/**
 * The one type of credential a formula asks for, so that a gap can say "complete" or "earn" instead of "pass";
 * undefined (said as "pass") for exams and for a formula that mixes types.
 */
export function formulaType(formula: ExamFormula): CredentialType | undefined {
  if (formula.kind === 'exam') return formula.credential;
  const types = new Set(formula.items.map(formulaType));
  return types.size === 1 ? [...types][0] : undefined;
}
