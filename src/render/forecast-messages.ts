import type { Locale } from '../core/localized.js';
import type { Formatter } from './formatter.js';

type Params = Readonly<Record<string, string>>;

export interface ForecastMessages {
  readonly title: (from: string, to: string) => string;
  readonly noChange: string;
  /** A level that the catalog version in effect on the first day does not have. */
  readonly absent: string;
  /** A catalog version adds the level, with its status from that day. */
  readonly starts: (status: string) => string;
  /** A catalog version drops the level. */
  readonly ends: string;
  readonly times: (n: number) => string;
  readonly cause: (code: string, p: Params, f: Formatter) => string;
  readonly atRiskTitle: (days: number) => string;
  readonly noRisk: string;
  readonly lostOn: (level: string, date: string) => string;
  readonly toKeep: string;
}

/** Events in words; an unknown code is shown as itself rather than lost. */
const en: ForecastMessages = {
  title: (from, to) => `Forecast from ${from} to ${to}, assuming no new data`,
  noChange: 'no change',
  absent: 'not in the catalog version in effect',
  starts: (status) => `added to the catalog, ${status}`,
  ends: 'dropped from the catalog',
  times: (n) => `(${n}×)`,
  cause: (code, p, f) =>
    (<Record<string, () => string>>{
      'revenue.enters': () => `revenue dated ${f.date(p.date)} starts to count`,
      'revenue.leaves': () => `revenue of ${f.date(p.date)} (${f.product(p.product ?? '')}) leaves the trailing twelve months`,
      'exam.counts': () => `a pass of ${p.exam} dated ${f.date(p.passed)} starts to count`,
      'exam.expires': () => `${p.exam} no longer accepted after ${f.date(p.acceptedUntil)}`,
      'dpor.starts': () => `a DPOR association (${p.customer}) starts`,
      'dpor.ends': () => `a DPOR association (${p.customer}) ends`,
      'version.starts': () => `catalog version ${p.version} takes effect`,
    })[code]?.() ?? code,
  atRiskTitle: (days) => `Levels lost within ${days} days, and what would prevent it`,
  noRisk: 'No level is lost in that time.',
  lostOn: (level, date) => `${level}: lost on ${date}`,
  toKeep: 'To keep it (plan for that date):',
};

const zhTW: ForecastMessages = {
  title: (from, to) => `預測：${from} 至 ${to}（假設沒有新資料）`,
  noChange: '沒有變化',
  absent: '不在當時生效的目錄版本中',
  starts: (status) => `加入目錄，${status}`,
  ends: '自目錄中移除',
  times: (n) => `（${n} 次）`,
  cause: (code, p, f) =>
    (<Record<string, () => string>>{
      'revenue.enters': () => `日期為 ${f.date(p.date)} 的營收開始計入`,
      'revenue.leaves': () => `${f.date(p.date)} 的營收（${f.product(p.product ?? '')}）離開最近 12 個月`,
      'exam.counts': () => `${f.date(p.passed)} 通過的 ${p.exam} 開始計入`,
      'exam.expires': () => `${p.exam} 自 ${f.date(p.acceptedUntil)} 後不再被接受`,
      'dpor.starts': () => `DPOR 關聯（${p.customer}）開始`,
      'dpor.ends': () => `DPOR 關聯（${p.customer}）結束`,
      'version.starts': () => `目錄版本 ${p.version} 生效`,
    })[code]?.() ?? code,
  atRiskTitle: (days) => `${days} 天內將失去的級別，以及如何避免`,
  noRisk: '這段期間不會失去任何級別。',
  lostOn: (level, date) => `${level}：將於 ${date} 失去`,
  toKeep: '若要保住（該日期的計畫）：',
};

const koKR: ForecastMessages = {
  title: (from, to) => `예측: ${from} ~ ${to}(새 데이터가 없다고 가정)`,
  noChange: '변화 없음',
  absent: '시행 중인 카탈로그 버전에 없음',
  starts: (status) => `카탈로그에 추가됨, ${status}`,
  ends: '카탈로그에서 빠짐',
  times: (n) => `(${n}회)`,
  cause: (code, p, f) =>
    (<Record<string, () => string>>{
      'revenue.enters': () => `${f.date(p.date)} 날짜의 수익이 산입되기 시작합니다`,
      'revenue.leaves': () => `${f.date(p.date)}의 수익(${f.product(p.product ?? '')})이 최근 12개월에서 빠집니다`,
      'exam.counts': () => `${f.date(p.passed)}에 통과한 ${p.exam}이(가) 산입되기 시작합니다`,
      'exam.expires': () => `${p.exam}은(는) ${f.date(p.acceptedUntil)} 이후 더 이상 인정되지 않습니다`,
      'dpor.starts': () => `DPOR 제휴(${p.customer})가 시작됩니다`,
      'dpor.ends': () => `DPOR 제휴(${p.customer})가 끝납니다`,
      'version.starts': () => `카탈로그 ${p.version} 버전이 시행됩니다`,
    })[code]?.() ?? code,
  atRiskTitle: (days) => `${days}일 이내에 잃게 되는 수준과 이를 막는 방법`,
  noRisk: '이 기간에 잃는 수준이 없습니다.',
  lostOn: (level, date) => `${level}: ${date}에 상실`,
  toKeep: '유지하려면(해당 날짜의 계획):',
};

export const FORECAST_MESSAGES: Readonly<Record<Locale, ForecastMessages>> = { en, 'zh-TW': zhTW, 'ko-KR': koKR };
