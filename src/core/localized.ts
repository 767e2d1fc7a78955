/** The languages every user-facing text of attain is written in. */
export const LOCALES = ['en', 'zh-TW', 'ko-KR'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in several languages, keyed by BCP 47 tag. */
export type Localized = Readonly<Record<string, string>>;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Picks the text for a locale, falling back to English, then to any text there is. */
export function pick(text: Localized, locale: string): string {
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}
