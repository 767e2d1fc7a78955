import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './localized.js';
import { matchLocale, negotiateLocale } from './match-locale.js';

describe('matchLocale', () => {
  it.each([
    ['ko', 'ko-KR'],
    ['KO-kr', 'ko-KR'],
    ['ko_KR.UTF-8', 'ko-KR'],
    ['zh', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh_TW.UTF-8', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['en-GB', 'en'],
    ['zh-CN', undefined],
    ['zh-Hans', undefined],
    ['fr', undefined],
    ['C', undefined],
  ])('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });
});

describe('negotiateLocale', () => {
  it('follows quality values, not the mere presence of a language', () => {
    expect(negotiateLocale('en-US,en;q=0.9,zh-TW;q=0.1')).toBe('en');
    expect(negotiateLocale('fr;q=1, ko;q=0.8, en;q=0.5')).toBe('ko-KR');
    expect(negotiateLocale('zh-TW;q=0, en;q=0.2')).toBe('en');
    expect(negotiateLocale('zh-CN, zh-TW;q=0.7, en;q=0.5')).toBe('zh-TW');
    expect(negotiateLocale('ko, zh-TW')).toBe('ko-KR');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
  });

  it('picks the supported language of highest quality, the first written among equals, whatever the order', () => {
    const tags = fc.constantFrom('en', 'en-US', 'ko', 'ko-KR', 'zh-TW', 'zh-Hant', 'fr', 'de', 'zh-CN', 'ja');
    const ranges = fc.array(fc.record({ tag: tags, q: fc.integer({ min: 0, max: 10 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(ranges, (list) => {
        const header = list.map((r) => `${r.tag};q=${r.q / 10}`).join(', ');
        // The reference: every supported range with q > 0, best quality first, then the header's order.
        const best = list
          .map((r, order) => ({ locale: matchLocale(r.tag), q: r.q, order }))
          .filter((r) => r.locale !== undefined && r.q > 0)
          .sort((a, b) => b.q - a.q || a.order - b.order)[0];
        expect(negotiateLocale(header)).toBe(best?.locale ?? 'en');
        expect(LOCALES).toContain(negotiateLocale(header));
      }),
    );
  });
});
