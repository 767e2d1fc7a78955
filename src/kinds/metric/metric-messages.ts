import type { Locale } from '../../core/localized.js';
import type { AssociationType } from '../../engine/organization.js';
import type { Formatter, PluralForms } from '../../render/formatter.js';
import { particle, withParticle } from '../../render/korean-particles.js';
import { associationNames } from '../association-words.js';
import type { KindMessages } from '../kind-messages.js';
import type { MeasureUnit } from '../presented.js';
import type { MetricMeasure } from './metric-types.js';

/** The parameters of the metric kind's findings. */
export interface MetricMessageParams {
  'metric.shortfall': {
    requirement: string;
    measure: MetricMeasure;
    counted: string;
    required: string | null;
    shortfall: string | null;
    /** The catalog's currency for a measure of money; null for a count. */
    currency: string | null;
    products: readonly string[];
    associations: readonly AssociationType[];
    /** What it counts, for those who name the gap without knowing the kind (the outlook's next action). */
    unit: MeasureUnit;
  };
  'metric.no-threshold': { requirement: string; market: string };
  /** Catalog validation: a measure that counts products names none. */
  'catalog.metric.products': { measure: MetricMeasure };

  // Forecasts: the days a metric can change (`metric-forecast.ts`).
  'subscription.starts': { customer: string; product: string; seats: string; date: string };
  'subscription.ends': { customer: string; product: string; seats: string; date: string };
  'consumption.enters': { customer: string; date: string; amount: string; currency: string };
  'consumption.leaves': { customer: string; date: string; amount: string; currency: string };
  'devices.enter': { product: string; units: string; date: string };
  'devices.leave': { product: string; units: string; date: string };
  /** A customer's first association (of any type: the requirement decides) leaves the trailing twelve months. */
  'customer.no-longer-new': { customer: string; date: string };
}

/** The forecast codes of the metric kind. */
export const METRIC_FORECAST_CODES = [
  'subscription.starts',
  'subscription.ends',
  'consumption.enters',
  'consumption.leaves',
  'devices.enter',
  'devices.leave',
  'customer.no-longer-new',
] as const satisfies readonly (keyof MetricMessageParams)[];

type CountMeasure = Exclude<MetricMeasure, 'azure-consumption'>;

/** What each counting measure counts, in the form a number takes for it (`#` is the number). */
export const METRIC_UNITS: { readonly [L in Locale]: { readonly [M in CountMeasure]: PluralForms } } = {
  en: {
    'active-entitlements': { one: '# active entitlement', other: '# active entitlements' },
    'new-customers': { one: '# new customer', other: '# new customers' },
    'devices-shipped': { one: '# device', other: '# devices' },
  },
  'zh-TW': {
    'active-entitlements': { other: '# 個有效授權' },
    'new-customers': { other: '# 位新客戶' },
    'devices-shipped': { other: '# 台裝置' },
  },
  'ko-KR': {
    'active-entitlements': { other: '활성 사용 권한 #개' },
    'new-customers': { other: '신규 고객 #명' },
    'devices-shipped': { other: '장치 #대' },
  },
};

type Shortfall = MetricMessageParams['metric.shortfall'] & { readonly name: string };
/** Per measure, the sentence of a shortfall; every measure speaks of what it counts. */
type ShortfallWords = { readonly [M in MetricMeasure]: (p: Shortfall, f: Formatter) => string };

const n = (amount: string | null) => Number(amount ?? '0');
const products = (p: Shortfall, f: Formatter) => f.or(p.products.map((x) => f.product(x)));
const so = (p: Shortfall, f: Formatter) =>
  p.currency === null
    ? `${f.number(n(p.counted))} / ${f.number(n(p.required))}`
    : `${f.money(p.counted, p.currency)} / ${f.money(p.required, p.currency)}`;

const en: ShortfallWords = {
  'active-entitlements': (p, f) =>
    `${p.name}: deploy ${f.plural(n(p.shortfall), { one: '# more active entitlement', other: '# more active entitlements' })} of ${products(p, f)} to customers associated with you as ${associationNames(p.associations, f)} (${f.number(n(p.counted))} of ${f.number(n(p.required))} active today).`,
  'new-customers': (p, f) =>
    `${p.name}: add ${f.plural(n(p.shortfall), { one: '# new customer', other: '# new customers' })} associated with you as ${associationNames(p.associations, f)} within the trailing twelve months${p.products.length > 0 ? `, each holding ${products(p, f)}` : ''} (${f.number(n(p.counted))} of ${f.number(n(p.required))} so far).`,
  'azure-consumption': (p, f) =>
    `${p.name}: ${f.money(p.shortfall, p.currency ?? undefined)} more Azure consumption is needed within the trailing twelve months, from customers associated with you as ${associationNames(p.associations, f)} (${f.money(p.counted, p.currency ?? undefined)} of ${f.money(p.required, p.currency ?? undefined)} so far).`,
  'devices-shipped': (p, f) =>
    `${p.name}: ship ${f.plural(n(p.shortfall), { one: '# more device', other: '# more devices' })} of ${products(p, f)} within the trailing twelve months (${f.number(n(p.counted))} of ${f.number(n(p.required))} so far).`,
};

const zhTW: ShortfallWords = {
  'active-entitlements': (p, f) =>
    `${p.name}：須為將您登記為${associationNames(p.associations, f)}的客戶，再部署 ${f.number(n(p.shortfall))} 個 ${products(p, f)} 有效授權（目前有效 ${so(p, f)}）。`,
  'new-customers': (p, f) =>
    `${p.name}：須在最近 12 個月內再新增 ${f.number(n(p.shortfall))} 位將您登記為${associationNames(p.associations, f)}的新客戶${p.products.length > 0 ? `，且須持有 ${products(p, f)}` : ''}（目前 ${so(p, f)}）。`,
  'azure-consumption': (p, f) =>
    `${p.name}：須在最近 12 個月內，從將您登記為${associationNames(p.associations, f)}的客戶再取得 ${f.money(p.shortfall, p.currency ?? undefined)} 的 Azure 使用量（目前 ${so(p, f)}）。`,
  'devices-shipped': (p, f) =>
    `${p.name}：須在最近 12 個月內再出貨 ${f.number(n(p.shortfall))} 台 ${products(p, f)} 裝置（目前 ${so(p, f)}）。`,
};

const koKR: ShortfallWords = {
  'active-entitlements': (p, f) =>
    `${p.name}: 귀사를 ${koreanAs(p, f)} 지정한 고객에게 ${products(p, f)}의 활성 사용 권한을 ${f.number(n(p.shortfall))}개 더 배포해야 합니다(현재 활성 ${so(p, f)}).`,
  'new-customers': (p, f) =>
    `${p.name}: 최근 12개월 동안 귀사를 ${koreanAs(p, f)} 지정한 ${p.products.length > 0 ? `${withParticle(products(p, f), '을/를')} 구독하는 ` : ''}신규 고객을 ${f.number(n(p.shortfall))}명 더 확보해야 합니다(현재 ${so(p, f)}).`,
  'azure-consumption': (p, f) =>
    `${p.name}: 최근 12개월 동안 귀사를 ${koreanAs(p, f)} 지정한 고객의 Azure 사용량이 ${f.money(p.shortfall, p.currency ?? undefined)} 더 필요합니다(현재 ${so(p, f)}).`,
  'devices-shipped': (p, f) =>
    `${p.name}: 최근 12개월 동안 ${products(p, f)} 장치를 ${f.number(n(p.shortfall))}대 더 출하해야 합니다(현재 ${so(p, f)}).`,
};

/** The accepted types with the particle 으로/로 that follows them: `공식 거래 파트너로`. */
function koreanAs(p: Shortfall, f: Formatter): string {
  const names = associationNames(p.associations, f);
  return `${names}${particle(names, '으로/로')}`;
}

const MEASURE_NAMES: { readonly [L in Locale]: { readonly [M in MetricMeasure]: string } } = {
  en: {
    'active-entitlements': 'active entitlements',
    'new-customers': 'new customers',
    'azure-consumption': 'Azure consumption',
    'devices-shipped': 'devices shipped',
  },
  'zh-TW': {
    'active-entitlements': '有效授權',
    'new-customers': '新客戶',
    'azure-consumption': 'Azure 使用量',
    'devices-shipped': '裝置出貨量',
  },
  'ko-KR': {
    'active-entitlements': '활성 사용 권한',
    'new-customers': '신규 고객',
    'azure-consumption': 'Azure 사용량',
    'devices-shipped': '장치 출하량',
  },
};

/** What the metric kind's findings say, in every language. */
export const metricMessages: KindMessages<keyof MetricMessageParams> = {
  en: {
    'metric.shortfall': (p, f) => en[p.measure](p, f),
    'metric.no-threshold': (p) =>
      `${p.name}: this version of the program publishes no threshold for the ${p.marketName}, so the level cannot be determined.`,
    'catalog.metric.products': (p) =>
      `a metric of ${MEASURE_NAMES.en[p.measure]} counts products: name at least one in "products"`,
    'subscription.starts': (p, f) =>
      `${f.plural(Number(p.seats), { one: '# seat', other: '# seats' })} of ${f.product(p.product)} (${p.customer}) become active`,
    'subscription.ends': (p, f) =>
      `${f.plural(Number(p.seats), { one: '# seat', other: '# seats' })} of ${f.product(p.product)} (${p.customer}) end after ${f.date(p.date)}`,
    'consumption.enters': (p, f) => `Azure consumption of ${f.date(p.date)} (${p.customer}) starts to count`,
    'consumption.leaves': (p, f) => `Azure consumption of ${f.date(p.date)} (${p.customer}) leaves the trailing twelve months`,
    'devices.enter': (p, f) =>
      `${f.plural(Number(p.units), { one: '# device', other: '# devices' })} of ${f.product(p.product)} shipped ${f.date(p.date)} start to count`,
    'devices.leave': (p, f) =>
      `${f.plural(Number(p.units), { one: '# device', other: '# devices' })} of ${f.product(p.product)} shipped ${f.date(p.date)} leave the trailing twelve months`,
    'customer.no-longer-new': (p, f) => `${p.customer}, associated since ${f.date(p.date)}, is no longer a new customer`,
  },
  'zh-TW': {
    'metric.shortfall': (p, f) => zhTW[p.measure](p, f),
    'metric.no-threshold': (p) => `${p.name}：此版本的方案未公布${p.marketName}的門檻，因此無法判定此級別。`,
    'catalog.metric.products': (p) =>
      `「${MEASURE_NAMES['zh-TW'][p.measure]}」指標依產品計算：請在 "products" 中至少列出一項產品`,
    'subscription.starts': (p, f) => `${f.product(p.product)} 的 ${f.number(Number(p.seats))} 個授權（${p.customer}）開始生效`,
    'subscription.ends': (p, f) =>
      `${f.product(p.product)} 的 ${f.number(Number(p.seats))} 個授權（${p.customer}）於 ${f.date(p.date)} 後結束`,
    'consumption.enters': (p, f) => `${f.date(p.date)} 的 Azure 使用量（${p.customer}）開始計入`,
    'consumption.leaves': (p, f) => `${f.date(p.date)} 的 Azure 使用量（${p.customer}）移出最近 12 個月`,
    'devices.enter': (p, f) => `${f.date(p.date)} 出貨的 ${f.number(Number(p.units))} 台 ${f.product(p.product)} 開始計入`,
    'devices.leave': (p, f) =>
      `${f.date(p.date)} 出貨的 ${f.number(Number(p.units))} 台 ${f.product(p.product)} 移出最近 12 個月`,
    'customer.no-longer-new': (p, f) => `${p.customer} 自 ${f.date(p.date)} 起建立關聯，已不再是新客戶`,
  },
  'ko-KR': {
    'metric.shortfall': (p, f) => koKR[p.measure](p, f),
    'metric.no-threshold': (p) =>
      `${p.name}: 이 버전의 프로그램은 ${p.marketName}의 기준을 공개하지 않았으므로 이 등급을 판정할 수 없습니다.`,
    'catalog.metric.products': (p) =>
      `${withParticle(MEASURE_NAMES['ko-KR'][p.measure], '은/는')} 제품별로 계산하는 지표입니다. "products"에 제품을 하나 이상 지정하세요`,
    'subscription.starts': (p, f) =>
      `${withParticle(`${f.product(p.product)} 사용 권한 ${f.number(Number(p.seats))}개(${p.customer})`, '이/가')} 활성화됩니다`,
    'subscription.ends': (p, f) =>
      `${withParticle(`${f.product(p.product)} 사용 권한 ${f.number(Number(p.seats))}개(${p.customer})`, '이/가')} ${f.date(p.date)} 이후 종료됩니다`,
    'consumption.enters': (p, f) => `${f.date(p.date)}의 Azure 사용량(${p.customer})이 인정되기 시작합니다`,
    'consumption.leaves': (p, f) => `${f.date(p.date)}의 Azure 사용량(${p.customer})이 최근 12개월에서 빠집니다`,
    'devices.enter': (p, f) =>
      `${f.date(p.date)}에 출하된 ${f.product(p.product)} 장치 ${f.number(Number(p.units))}대가 인정되기 시작합니다`,
    'devices.leave': (p, f) =>
      `${f.date(p.date)}에 출하된 ${f.product(p.product)} 장치 ${f.number(Number(p.units))}대가 최근 12개월에서 빠집니다`,
    'customer.no-longer-new': (p, f) =>
      `${f.date(p.date)}부터 연결된 ${withParticle(p.customer, '은/는')} 더 이상 신규 고객이 아닙니다`,
  },
};
