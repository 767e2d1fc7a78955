import type { Locale } from '../core/localized.js';

/**
 * What comes next for a level, in each language: its next change, its headroom, the one next action. Shared by the
 * CLI's text output and the dashboard's overview.
 */
export interface OutlookMessages {
  readonly title: (through: string) => string;
  readonly headroom: string;
  readonly revenueAbove: (name: string, amount: string) => string;
  readonly roleAbove: (name: string, n: number) => string;
  readonly changeLapse: (level: string, date: string, cause: string) => string;
  readonly changeGain: (level: string, date: string, cause: string) => string;
  readonly changeOther: (level: string, date: string, status: string, cause: string) => string;
  readonly noChangeAhead: (date: string) => string;
  readonly nextAction: string;
  readonly actionRevenue: (amount: string, name: string, by: string | null) => string;
  /** A metric's shortfall, the amount in its unit ("30 active entitlements"). */
  readonly actionMeasure: (amount: string, name: string, by: string | null) => string;
  readonly actionPersonExams: (person: string, exams: string, others: number, by: string | null) => string;
  readonly actionPeople: (n: number, roles: string, by: string | null) => string;
}

const plural = new Intl.PluralRules('en');
// Counts of people run into the thousands in a large organization: written with each language's separators.
const enCount = (n: number) => n.toLocaleString('en');
const zhTWCount = (n: number) => n.toLocaleString('zh-TW');
const koKRCount = (n: number) => n.toLocaleString('ko-KR');
/** "1 more person qualifies", "2 more people qualify". */
const moreQualify = (n: number) => `${enCount(n)} more ${plural.select(n) === 'one' ? 'person qualifies' : 'people qualify'}`;

const en: OutlookMessages = {
  title: (through) => `What comes next (through ${through}, assuming no new data)`,
  headroom: 'Headroom',
  revenueAbove: (name, amount) => `${name}: ${amount} above the threshold`,
  roleAbove: (name, n) =>
    n > 0 ? `${name}: ${enCount(n)} more than needed` : n === 0 ? `${name}: none to spare` : `${name}: ${enCount(-n)} short`,
  changeLapse: (level, date, cause) => `${level} lapses on ${date}: ${cause}`,
  changeGain: (level, date, cause) => `${level} is attained on ${date}: ${cause}`,
  changeOther: (level, date, status, cause) => `${level} becomes ${status} on ${date}: ${cause}`,
  noChangeAhead: (date) => `No change foreseen through ${date}.`,
  nextAction: 'Next action',
  actionRevenue: (amount, name, by) => `cover the ${amount} shortfall in ${name}${by ? ` before ${by}` : ''}`,
  actionMeasure: (amount, name, by) => `make up the shortfall of ${amount} in ${name}${by ? ` before ${by}` : ''}`,
  actionPersonExams: (person, exams, others, by) =>
    `${person} passes ${exams}${others > 0 ? `, and ${moreQualify(others)}` : ''}${by ? ` before ${by}` : ''}`,
  actionPeople: (n, roles, by) => `${moreQualify(n)} for ${roles}${by ? ` before ${by}` : ''}`,
};

const zhTW: OutlookMessages = {
  title: (through) => `接下來的變化（至 ${through}，假設沒有新資料）`,
  headroom: '餘裕',
  revenueAbove: (name, amount) => `${name}：高於門檻 ${amount}`,
  roleAbove: (name, n) =>
    n > 0 ? `${name}：比所需多 ${zhTWCount(n)} 人` : n === 0 ? `${name}：沒有多餘人員` : `${name}：還缺 ${zhTWCount(-n)} 人`,
  changeLapse: (level, date, cause) => `${level}將於 ${date} 失去：${cause}`,
  changeGain: (level, date, cause) => `${level}將於 ${date} 達成：${cause}`,
  changeOther: (level, date, status, cause) => `${level}將於 ${date} 變為「${status}」：${cause}`,
  noChangeAhead: (date) => `至 ${date} 為止預計不會有變化。`,
  nextAction: '下一步',
  actionRevenue: (amount, name, by) => `${by ? `在 ${by} 之前` : ''}補足${name}的差額 ${amount}`,
  actionMeasure: (amount, name, by) => `${by ? `在 ${by} 之前` : ''}補足${name}的差額 ${amount}`,
  actionPersonExams: (person, exams, others, by) =>
    `${by ? `在 ${by} 之前，` : ''}${person} 通過 ${exams}${others > 0 ? `，另需 ${zhTWCount(others)} 人取得資格` : ''}`,
  actionPeople: (n, roles, by) => `${by ? `在 ${by} 之前，` : ''}再有 ${zhTWCount(n)} 人取得${roles}的資格`,
};

const koKR: OutlookMessages = {
  title: (through) => `앞으로의 변화(${through}까지, 새 데이터가 없다고 가정)`,
  headroom: '여유',
  revenueAbove: (name, amount) => `${name}: 기준보다 ${amount} 많음`,
  roleAbove: (name, n) =>
    n > 0
      ? `${name}: 필요 인원보다 ${koKRCount(n)}명 많음`
      : n === 0
        ? `${name}: 여유 인원 없음`
        : `${name}: ${koKRCount(-n)}명 부족`,
  changeLapse: (level, date, cause) => `${date}에 ${level} 상실 예정: ${cause}`,
  changeGain: (level, date, cause) => `${date}에 ${level} 달성 예정: ${cause}`,
  changeOther: (level, date, status, cause) => `${date}부터 ${level} 상태 변경(${status}): ${cause}`,
  noChangeAhead: (date) => `${date}까지 예상되는 변화가 없습니다.`,
  nextAction: '다음 할 일',
  actionRevenue: (amount, name, by) => `${by ? `${by} 전까지 ` : ''}${name} 부족분 ${amount} 확보`,
  actionMeasure: (amount, name, by) => `${by ? `${by} 전까지 ` : ''}${name} 부족분 ${amount} 채우기`,
  actionPersonExams: (person, exams, others, by) =>
    `${by ? `${by} 전까지 ` : ''}${person}: ${exams} 통과${others > 0 ? `, 그 밖에 ${koKRCount(others)}명 추가 자격 취득` : ''}`,
  actionPeople: (n, roles, by) => `${by ? `${by} 전까지 ` : ''}${roles} 자격 취득자 ${koKRCount(n)}명 추가`,
};

export const OUTLOOK_MESSAGES: Readonly<Record<Locale, OutlookMessages>> = { en, 'zh-TW': zhTW, 'ko-KR': koKR };
