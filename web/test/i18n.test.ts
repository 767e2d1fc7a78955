import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/localized.js';
import { RECORD_TYPES } from '../../src/importers/import-plan.js';
import { IMPORT_KINDS } from '../src/api/types.js';
import { UI_MESSAGES } from '../src/i18n/index.js';

const en = UI_MESSAGES.en;
const sample = (value: unknown): string =>
  typeof value === 'function' ? String((value as (...args: unknown[]) => unknown)('x', 'y', 'z')) : String(value);

describe('dashboard messages', () => {
  it.each(LOCALES)('%s has every key English has, and no other', (locale) => {
    expect(Object.keys(UI_MESSAGES[locale]).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)('%s says something for every key, of the same kind as English', (locale) => {
    for (const [key, value] of Object.entries(UI_MESSAGES[locale])) {
      expect(typeof value, key).toBe(typeof en[key as keyof typeof en]);
      expect(sample(value).trim(), key).not.toBe('');
    }
  });

  it('translates rather than copies: most Chinese and Korean texts differ from English', () => {
    for (const locale of ['zh-TW', 'ko-KR'] as const) {
      const same = Object.entries(UI_MESSAGES[locale]).filter(
        ([key, value]) => sample(value) === sample(en[key as keyof typeof en]),
      );
      // The product name, "role · org", and lookups whose unknown keys fall back to themselves (or to nothing: the
      // reason a record does not count, for a code the lookup does not know).
      const shared = [
        'alertDeliveryStatus',
        'alertEventName',
        'appName',
        'entityName',
        'kindName',
        'lifecycleName',
        'notCountedWhy',
        'roleName',
        'signedInAs',
      ];
      expect(same.map(([key]) => key).sort(), locale).toEqual((locale === 'ko-KR' ? [...shared, 'id'] : shared).sort());
    }
  });

  it('names every import kind and record type in every language', () => {
    for (const locale of LOCALES) {
      const t = UI_MESSAGES[locale];
      for (const kind of IMPORT_KINDS) expect(t.kindName(kind), `${locale} ${kind}`).not.toBe(kind);
      for (const entity of RECORD_TYPES) expect(t.entityName(entity), `${locale} ${entity}`).not.toBe(entity);
    }
  });
});

describe('Korean particles', () => {
  it('pick 가 after a vowel and 이 after a final consonant', () => {
    const t = UI_MESSAGES['ko-KR'];
    expect(t.gapsTitle('골드')).toBe('왜 골드가 아닌가요?');
    expect(t.gapsTitle('실버')).toBe('왜 실버가 아닌가요?');
    expect(t.gapsTitle('금상')).toBe('왜 금상이 아닌가요?');
    expect(t.gapsTitle('Gold')).toBe('왜 Gold가 아닌가요?');
    expect(t.gapsTitle('MB2-716')).toBe('왜 MB2-716이 아닌가요?');
  });
});

describe('English counts', () => {
  it('say one person and two people, with counts given as numbers or formatted text', () => {
    const t = UI_MESSAGES.en;
    expect(t.orgFacts('1', '2', '1,000')).toBe('1 person · 2 customers · 1,000 revenue records');
    expect(t.eligibleNote(1)).toBe('1 person qualifies');
    expect(t.eligibleNote(2)).toBe('2 people qualify');
    expect(t.comparedWith('1', '1')).toBe('Without exclusions: 1 new person, 1 exam.');
    expect(t.impactSummary('1', '1', '0', '1')).toBe('1 organization affected: 1 level gained, 0 lost, 1 other change');
    expect(t.forecastChart(1)).toContain('1 change');
    expect(t.atRiskHeading(1)).toContain('next 1 day');
  });
});
