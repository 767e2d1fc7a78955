import type { Context } from 'hono';
import { LOCALES, type Locale } from '../core/localized.js';

/**
 * The language a request asks for: `?lang=` first, then Accept-Language, then English. Read only where words are
 * written (errors, forecasts): reading the query and headers of every request cost the busiest route a tenth of
 * its throughput.
 */
export function localeOf(c: Context): Locale {
  const asked = c.req.query('lang');
  if (asked && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  const header = (c.req.header('accept-language') ?? '').toLowerCase();
  if (/zh-(tw|hant|hk)/.test(header)) return 'zh-TW';
  if (/^ko|,\s*ko/.test(header)) return 'ko-KR';
  return 'en';
}
