import type { Locale } from './localized.js';

/**
 * The locale a language tag asks for, as people and browsers write them (`ko`, `ko_KR.UTF-8`, `zh-Hant-TW`, `ZH`), or
 * undefined for a language attain does not speak. Chinese is attain's Traditional Chinese; a tag naming Simplified
 * (`zh-CN`, `zh-Hans`) is not taken for it.
 */
export function matchLocale(tag: string): Locale | undefined {
  const t = tag.trim().replace('_', '-').split('.')[0]?.toLowerCase() ?? '';
  if (t === 'zh' || /^zh-(tw|hk|mo|hant)/.test(t)) return 'zh-TW';
  if (t === 'ko' || t.startsWith('ko-')) return 'ko-KR';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The best locale of an Accept-Language header: the highest quality first (`q=0` means "not this"), the header's
 * own order among equals, then English.
 */
export function negotiateLocale(header: string): Locale {
  const ranges = header
    .split(',')
    .slice(0, 50)
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, order };
    })
    .filter((r) => r.quality > 0 && r.tag !== '')
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const range of ranges) {
    const locale = matchLocale(range.tag);
    if (locale) return locale;
  }
  return 'en';
}
