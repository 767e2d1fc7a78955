import type { Role } from '../../catalog/catalog-types.js';
import { describeFormula } from '../../render/describe-formula.js';
import type { Formatter } from '../../render/formatter.js';
import type { Messages } from '../../render/messages.js';

/** A role's exams in words: its formula, and for "k of the same N" the extra exams k of its people also hold. */
export function describeRole(role: Role, f: Formatter, m: Messages): string {
  const formula = describeFormula(role.exams, f, m);
  return role.ofWhom ? m.ofWhom(formula, role.ofWhom.count, role.count, describeFormula(role.ofWhom.exams, f, m)) : formula;
}
