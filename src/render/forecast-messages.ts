import { LOCALES, type Locale } from '../core/localized.js';
import type { Formatter } from './formatter.js';
import { type ForecastWords, MESSAGES } from './messages.js';
import { renderFinding } from './render-text.js';

/** The words of a forecast report, per language: its own words, and each cause (a coded event) in words. */
export interface ForecastMessages extends ForecastWords {
  readonly cause: (code: string, p: Readonly<Record<string, unknown>>, f: Formatter) => string;
}

/** Causes are codes of `MessageParams` like any finding, said by the language's table; an unknown one still reads. */
export const FORECAST_MESSAGES: Readonly<Record<Locale, ForecastMessages>> = Object.fromEntries(
  LOCALES.map((locale) => {
    const m = MESSAGES[locale];
    return [locale, { ...m.forecast, cause: (code: string, p, f: Formatter) => renderFinding(code, p, f, m) }];
  }),
) as Record<Locale, ForecastMessages>;
