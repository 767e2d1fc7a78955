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
