import type { AssociationType } from '../../engine/organization.js';
import { particle } from '../../render/korean-particles.js';
import { associationNames, dporOnly } from '../association-words.js';
import type { KindMessages } from '../kind-messages.js';

/** The parameters of the revenue kind's findings. */
export interface RevenueMessageParams {
  'revenue.shortfall': {
    requirement: string;
    counted: string;
    required: string | null;
    shortfall: string | null;
    currency: string;
    products: readonly string[];
    netNewOnly: boolean;
    excludedNotAssociated: string;
    /** The association types the requirement accepts. */
    associations: readonly AssociationType[];
  };
  'revenue.no-threshold': { requirement: string; market: string };
}

/** What the revenue kind's findings say, in every language. */
export const revenueMessages: KindMessages<keyof RevenueMessageParams> = {
  en: {
    'revenue.shortfall': (p, f) =>
      `${p.name}: earn ${f.money(p.shortfall)} more ${p.netNewOnly ? 'net new revenue' : 'revenue'} on ${f.or(p.products.map((x) => f.product(x)))} within the trailing twelve months, ${dporOnly(p.associations) ? 'from customers that name you their Digital Partner of Record' : `from customers associated with you as ${associationNames(p.associations, f)}`} (${f.money(p.counted)} of ${f.money(p.required)} so far).`,
    'revenue.no-threshold': (p) =>
      `${p.name}: this version of the program publishes no threshold for the ${p.marketName}, so the level cannot be determined.`,
  },
  'zh-TW': {
    'revenue.shortfall': (p, f) =>
      `${p.name}：須在最近 12 個月內，從將您登記為${dporOnly(p.associations) ? ' DPOR（有記錄可查的數位合作夥伴）' : associationNames(p.associations, f)}的客戶，於 ${f.or(p.products.map((x) => f.product(x)))} 再取得 ${f.money(p.shortfall)} 的${p.netNewOnly ? '淨新增營收' : '營收'}（目前 ${f.money(p.counted)} / ${f.money(p.required)}）。`,
    'revenue.no-threshold': (p) => `${p.name}：此版本的方案未公布${p.marketName}的門檻，因此無法判定此級別。`,
  },
  'ko-KR': {
    'revenue.shortfall': (p, f) =>
      `${p.name}: 최근 12개월 동안 귀사를 ${koreanAssociations(p.associations, f)} 지정한 고객에게서 ${f.or(p.products.map((x) => f.product(x)))}의 ${p.netNewOnly ? '순 신규 수익' : '수익'}을 ${f.money(p.shortfall)} 더 올려야 합니다(현재 ${f.money(p.counted)} / ${f.money(p.required)}).`,
    'revenue.no-threshold': (p) =>
      `${p.name}: 이 버전의 프로그램은 ${p.marketName}의 기준 금액을 공개하지 않았으므로 이 등급을 판정할 수 없습니다.`,
  },
};

/** The accepted types with the particle 으로/로 that follows them: `DPOR(Digital Partner of Record)로`. */
function koreanAssociations(types: readonly AssociationType[], f: Parameters<typeof associationNames>[1]): string {
  const names = associationNames(types, f);
  return `${names}${particle(names, '으로/로')}`;
}

/**
 * The text report's line of revenue left out, for a requirement accepting more than DPOR (the messages' `notCounted`
 * says "outside DPOR", which is what the 2017 revenue tests mean).
 */
export const REVENUE_WORDS: {
  readonly [L in KindLocale]: { notCounted(associations: string, notAssociated: string, notNetNew: string): string };
} = {
  en: { notCounted: (t, a, n) => `not counted: ${a} from customers not associated as ${t}, ${n} not net new` },
  'zh-TW': { notCounted: (t, a, n) => `未計入：非${t}關聯客戶的 ${a}，非淨新增 ${n}` },
  'ko-KR': { notCounted: (t, a, n) => `인정되지 않음: ${t} 연결이 없는 고객의 ${a}, 순 신규 아님 ${n}` },
};

type KindLocale = keyof typeof revenueMessages;
