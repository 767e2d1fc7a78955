import type { Catalog } from '../catalog/catalog-types.js';
import { LOCALES, type Locale } from '../core/localized.js';
import { Formatter } from './formatter.js';
import { MESSAGES, type PlanWords } from './messages.js';
import { renderFinding } from './render-text.js';

type Params = Readonly<Record<string, unknown>>;

/** The words of a plan report, per language: its own words, and its reasons (codes) in words. */
export interface PlanMessages extends PlanWords {
  readonly reason: (code: string, p: Params) => string;
  readonly blocked: (code: string, p: Params) => string;
}

/** Reasons are codes of `MessageParams` like any finding, said by the language's table; an unknown one still reads. */
export const PLAN_MESSAGES: Readonly<Record<Locale, PlanMessages>> = Object.fromEntries(
  LOCALES.map((locale) => {
    const m = MESSAGES[locale];
    const f = new Formatter(locale, undefined);
    const say = (code: string, p: Params) => renderFinding(code, p, f, m);
    return [locale, { ...m.plan, reason: say, blocked: say }];
  }),
) as Record<Locale, PlanMessages>;

/** A plan's words: of credentials when an assessment or a certification is to be earned, of exams (as ever) otherwise. */
export function planWords(
  plan: { readonly steps: readonly { readonly exam: string }[] },
  catalog: Pick<Catalog, 'findExam'> | undefined,
  locale: Locale,
): PlanMessages {
  const words = PLAN_MESSAGES[locale];
  const credentials = plan.steps.some((s) => (catalog?.findExam(s.exam)?.type ?? 'exam') !== 'exam');
  return credentials ? { ...words, cost: words.credentialCost, stepsTitle: words.credentialStepsTitle } : words;
}
