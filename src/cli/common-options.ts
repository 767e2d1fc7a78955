import { LOCALES, type Locale } from '../core/localized.js';
import type { OptionSpec } from './parse-args.js';

export const langOption: OptionSpec = {
  name: 'lang',
  value: 'LANG',
  choices: LOCALES,
  description: 'en, zh-TW or ko-KR (default from $LANG)',
};
export const formatOption: OptionSpec = {
  name: 'format',
  value: 'FORMAT',
  choices: ['text', 'json'],
  description: 'text (default) or json',
};
export const catalogOption: OptionSpec = {
  name: 'catalog',
  value: 'PATH',
  description: 'a catalog file instead of the shipped one',
};

/** The language asked for, else the one the environment speaks, else English. */
export function chooseLocale(option: unknown, env: NodeJS.ProcessEnv = process.env): Locale {
  if (typeof option === 'string') return option as Locale;
  const tag = (env.ATTAIN_LANG ?? env.LC_ALL ?? env.LANG ?? '').replace('_', '-').split('.')[0] ?? '';
  if (/^zh-(TW|HK|Hant)/i.test(tag)) return 'zh-TW';
  if (/^ko/i.test(tag)) return 'ko-KR';
  return 'en';
}
