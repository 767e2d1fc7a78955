import type { Locale } from '../core/localized.js';
import type { AssociationType } from '../engine/organization.js';
import type { Formatter } from '../render/formatter.js';

/** Each association type's name, as Partner Center's localized pages write it (docs/glossary.md). */
export const ASSOCIATION_NAMES: { readonly [L in Locale]: { readonly [T in AssociationType]: string } } = {
  en: {
    dpor: 'Digital Partner of Record',
    cpor: 'Cloud Partner of Record',
    'transacting-partner': 'Transacting Partner',
    'delegated-admin': 'Delegated Administrator',
    fasttrack: 'FastTrack partner',
    pal: 'Partner Admin Link',
  },
  'zh-TW': {
    dpor: 'DPOR（有記錄可查的數位合作夥伴）',
    cpor: 'CPOR（有記錄可查的雲端合作夥伴）',
    'transacting-partner': '交易合作夥伴',
    'delegated-admin': '委派系統管理員',
    fasttrack: 'FastTrack 合作夥伴',
    pal: '合作夥伴系統管理員連結（PAL）',
  },
  'ko-KR': {
    dpor: 'DPOR(Digital Partner of Record)',
    cpor: 'CPOR(Cloud Partner of Record)',
    'transacting-partner': '공식 거래 파트너',
    'delegated-admin': '위임 관리자',
    fasttrack: 'FastTrack 파트너',
    pal: 'PAL(Partner Admin Link)',
  },
};

/** One association type's name, from a type as a finding's parameters carry it (its own text when unknown). */
export function associationName(locale: Locale, type: string): string {
  return (ASSOCIATION_NAMES[locale] as Readonly<Record<string, string>>)[type] ?? type;
}

/** The accepted association types in words: "Digital Partner of Record or Transacting Partner". */
export function associationNames(types: readonly AssociationType[], f: Formatter): string {
  return f.or(types.map((type) => ASSOCIATION_NAMES[f.locale][type]));
}

/** Whether a requirement accepts DPOR alone: the 2017 program's revenue tests, whose sentences stay as they were. */
export function dporOnly(types: readonly AssociationType[]): boolean {
  return types.length === 1 && types[0] === 'dpor';
}
