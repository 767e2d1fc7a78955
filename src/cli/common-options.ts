import type { ProgramPolicy, RevenueAssociationPolicy } from '../catalog/catalog-types.js';
import { LOCALES, type Locale } from '../core/localized.js';
import { matchLocale } from '../core/match-locale.js';
import { type OptionSpec, usage } from './parse-args.js';

export const langOption: OptionSpec = {
  name: 'lang',
  value: 'LANG',
  choices: LOCALES,
  normalize: matchLocale,
  description: {
    en: 'en, zh-TW or ko-KR (also zh, ko; default from $LANG)',
    'zh-TW': 'en、zh-TW 或 ko-KR（也可寫 zh、ko；預設依 $LANG）',
    'ko-KR': 'en, zh-TW 또는 ko-KR(zh, ko도 가능, 기본값은 $LANG에 따름)',
  },
};
export const formatOption: OptionSpec = {
  name: 'format',
  value: 'FORMAT',
  choices: ['text', 'json'],
  description: {
    en: 'text (default) or json',
    'zh-TW': 'text（預設）或 json',
    'ko-KR': 'text(기본값) 또는 json',
  },
};
export const catalogOption: OptionSpec = {
  name: 'catalog',
  value: 'PATH|ID',
  description: {
    en: 'a catalog file, or a shipped catalog (mpn-2017, the default; mpn-2017-program, the whole program)',
    'zh-TW': '目錄檔，或內建目錄（mpn-2017 為預設；mpn-2017-program 為完整方案）',
    'ko-KR': '카탈로그 파일 또는 기본 제공 카탈로그(기본값 mpn-2017, 전체 프로그램 mpn-2017-program)',
  },
};

/** The language asked for, else the one the environment speaks, else English. */
export function chooseLocale(option: unknown, env: NodeJS.ProcessEnv = process.env): Locale {
  if (typeof option === 'string') return option as Locale;
  return matchLocale(env.ATTAIN_LANG ?? env.LC_ALL ?? env.LANG ?? '') ?? 'en';
}

/** Overrides of the program's policy, shared by the commands that evaluate. */
export const policyOptions: readonly OptionSpec[] = [
  {
    name: 'revenue-association',
    value: 'POLICY',
    choices: ['within-period', 'associated-at-as-of'],
    description: {
      en: "override the program's DPOR policy",
      'zh-TW': '覆寫方案的 DPOR 原則',
      'ko-KR': '프로그램의 DPOR 정책을 바꿉니다',
    },
  },
  {
    name: 'max-competencies-per-person',
    value: 'N',
    description: {
      en: 'a person counts toward at most N competencies (default: the catalog policy, usually no cap)',
      'zh-TW': '每位人員最多計入 N 項專長認證（預設依目錄原則，通常不設上限）',
      'ko-KR': '한 직원은 최대 N개 역량에만 인정됩니다(기본값: 카탈로그 정책, 보통 제한 없음)',
    },
  },
];

/** The policy overrides given on the command line; throws a usage error for a bad value. */
export function policyFrom(options: Readonly<Record<string, unknown>>): Partial<ProgramPolicy> {
  const association = options['revenue-association'] as RevenueAssociationPolicy | undefined;
  const capText = options['max-competencies-per-person'];
  const cap = typeof capText === 'string' ? Number(capText) : undefined;
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 1)) {
    throw usage('cli.option.number', { option: 'max-competencies-per-person', value: String(capText), min: 1 });
  }
  return {
    ...(association && { revenueAssociation: association }),
    ...(cap !== undefined && { maxCompetenciesPerPerson: cap }),
  };
}
