import type { Locale } from '../../../src/core/localized.js';
import { en, type UiMessages } from './en.js';
import { koKR } from './ko-KR.js';
import { zhTW } from './zh-TW.js';

export type { UiMessages };

/** The dashboard's own words, per language. */
export const UI_MESSAGES: Readonly<Record<Locale, UiMessages>> = { en, 'zh-TW': zhTW, 'ko-KR': koKR };

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-TW': '繁體中文', 'ko-KR': '한국어' };
