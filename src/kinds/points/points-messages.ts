import type { Locale } from '../../core/localized.js';
import { withParticle as w } from '../../render/korean-particles.js';
import type { KindMessages } from '../kind-messages.js';
import type { PointsMove } from './points-moves.js';

/** A metric's points as a `points.shortfall` gap carries them. */
export interface MetricPoints {
  readonly id: string;
  readonly points: number;
  readonly max: number;
}

/** The parameters of the points kind's findings and of the words its gaps are made of. */
export interface PointsMessageParams {
  'points.shortfall': { requirement: string; score: number; passMark: number; short: number; metrics: readonly MetricPoints[] };
  'points.metric-zero': { requirement: string; metric: string };
  'points.no-threshold': { requirement: string; metric: string; market: string };
  'points.cheapest': { requirement: string; moves: readonly PointsMove[]; gain: number; money: string; currency: string };
  'points.out-of-reach': { requirement: string; score: number; passMark: number };
  /** One move of a `points.cheapest` gap or a plan, in words; `metric` is the metric's name. */
  'points.move.customers': { metric: string; count: number; floor: string; currency: string; gain: number };
  /** `people` is each step's people and credentials, already in words (`PointsWords.people`). */
  'points.move.people': { metric: string; people: string; gain: number };
  'points.move.services': { metric: string; count: number; gain: number };
  'points.move.consumption': { metric: string; amount: string; currency: string; gain: number };
  'points.move.revenue': { metric: string; amount: string; currency: string; gain: number };
  /** Growth from a window without consumption: any consumption now gives every point. */
  'points.move.first-consumption': { metric: string; gain: number };
  /** A metric's line in the text report: its points and what counted, already in words. */
  'points.metric': { metric: string; points: number; max: number; counted: string };
  'catalog.points.unreachable': { passMark: number; max: number };
  // Forecast causes: the days a score can change.
  'points.consumption.enters': { month: string };
  'points.consumption.leaves': { month: string; months: string };
  'points.revenue.enters': { month: string };
  'points.revenue.leaves': { month: string; months: string };
  'credential.expires': { person: string; exam: string; expires: string };
  /** A plan's reason when its people are in place and a score is still short. */
  'plan.points': { gain: number; actions: number };
}

/** What the points kind's findings say, in every language. */
export const pointsMessages: KindMessages<keyof PointsMessageParams> = {
  en: {
    'points.shortfall': (p, f) =>
      `${p.name}: ${f.plural(p.score, { one: '# point', other: '# points' })} of the ${p.passMark} needed; ${f.plural(p.short, { one: '# more point', other: '# more points' })} to gain (${p.metricLines}).`,
    'points.metric-zero': (p) => `${p.name}: ${p.metricName} scores nothing, and every metric must score above zero.`,
    'points.no-threshold': (p) =>
      `${p.name}: this version of the program publishes no threshold of ${p.metricName} for the ${p.marketName}, so the score cannot be determined.`,
    'points.cheapest': (p, f) =>
      `Cheapest way to the pass mark (+${f.plural(p.gain, { one: '# point', other: '# points' })}): ${p.moveTexts}.`,
    'points.out-of-reach': (p) =>
      `${p.name}: no combination of the metrics' remaining points reaches ${p.passMark} with every metric above zero as of this date.`,
    'points.move.customers': (p, f) =>
      `${p.metric}: ${f.plural(p.count, { one: '# more customer', other: '# more customers' })} consuming at least ${f.money(p.floor, p.currency)} in a month (+${p.gain})`,
    'points.move.people': (p) => `${p.metric}: ${p.people} (+${p.gain})`,
    'points.move.services': (p, f) =>
      `${p.metric}: ${f.plural(p.count, { one: '# more service', other: '# more services' })} deployed with consumption (+${p.gain})`,
    'points.move.consumption': (p, f) => `${p.metric}: ${f.money(p.amount, p.currency)} more consumption (+${p.gain})`,
    'points.move.revenue': (p, f) => `${p.metric}: ${f.money(p.amount, p.currency)} more net new revenue (+${p.gain})`,
    'points.move.first-consumption': (p) => `${p.metric}: any consumption at all, since the period before had none (+${p.gain})`,
    'points.metric': (p) => `${p.metric}: ${p.points} / ${p.max}${p.counted ? ` — ${p.counted}` : ''}`,
    'catalog.points.unreachable': (p) => `the pass mark ${p.passMark} is more than the metrics give together (${p.max})`,
    'points.consumption.enters': (p) => `consumption of ${p.month} starts to count`,
    'points.consumption.leaves': (p) => `consumption of ${p.month} leaves the last ${p.months} months`,
    'points.revenue.enters': (p) => `net new revenue of ${p.month} starts to count toward the score`,
    'points.revenue.leaves': (p) => `net new revenue of ${p.month} leaves the last ${p.months} months of the score`,
    'credential.expires': (p, f) => `${p.exam} held by ${f.person(p.person)} expired on ${f.date(p.expires)}`,
    'plan.points': (p, f) =>
      `The score is short of its pass mark: the cheapest moves gain ${f.plural(p.gain, { one: '# point', other: '# points' })} in ${f.plural(p.actions, { one: '# action', other: '# actions' })}.`,
  },
  'zh-TW': {
    'points.shortfall': (p) =>
      `${p.name}：目前 ${p.score} 分，需要 ${p.passMark} 分；還需再得 ${p.short} 分（${p.metricLines}）。`,
    'points.metric-zero': (p) => `${p.name}：${p.metricName}目前為 0 分，而每項指標都必須高於 0 分。`,
    'points.no-threshold': (p) => `${p.name}：此版本的方案未公布${p.marketName}的${p.metricName}門檻，因此無法判定分數。`,
    'points.cheapest': (p) => `達到及格分數最省力的方式（+${p.gain} 分）：${p.moveTexts}。`,
    'points.out-of-reach': (p) =>
      `${p.name}：截至此日期，各項指標剩餘的分數無論如何組合，都無法在每項指標高於 0 分的情況下達到 ${p.passMark} 分。`,
    'points.move.customers': (p, f) =>
      `${p.metric}：再增加 ${p.count} 家單月使用量至少 ${f.money(p.floor, p.currency)} 的客戶（+${p.gain} 分）`,
    'points.move.people': (p) => `${p.metric}：${p.people}（+${p.gain} 分）`,
    'points.move.services': (p) => `${p.metric}：再部署 ${p.count} 項有使用量的服務（+${p.gain} 分）`,
    'points.move.consumption': (p, f) => `${p.metric}：再增加 ${f.money(p.amount, p.currency)} 的使用量（+${p.gain} 分）`,
    'points.move.revenue': (p, f) => `${p.metric}：再增加 ${f.money(p.amount, p.currency)} 的淨新增營收（+${p.gain} 分）`,
    'points.move.first-consumption': (p) => `${p.metric}：前一期間沒有使用量，因此只要有任何使用量即可（+${p.gain} 分）`,
    'points.metric': (p) => `${p.metric}：${p.points} / ${p.max} 分${p.counted ? `（${p.counted}）` : ''}`,
    'catalog.points.unreachable': (p) => `及格分數 ${p.passMark} 高於各項指標的總分（${p.max}）`,
    'points.consumption.enters': (p) => `${p.month} 的使用量開始計入`,
    'points.consumption.leaves': (p) => `${p.month} 的使用量已不在最近 ${p.months} 個月內`,
    'points.revenue.enters': (p) => `${p.month} 的淨新增營收開始計入分數`,
    'points.revenue.leaves': (p) => `${p.month} 的淨新增營收已不在分數的最近 ${p.months} 個月內`,
    'credential.expires': (p, f) => `${f.person(p.person)} 的 ${p.exam} 已於 ${f.date(p.expires)} 到期`,
    'plan.points': (p) => `分數尚未達到及格分數：下列最省力的 ${p.actions} 項行動可再得 ${p.gain} 分。`,
  },
  'ko-KR': {
    'points.shortfall': (p) =>
      `${p.name}: 필요한 ${p.passMark}점 중 ${p.score}점입니다. ${p.short}점을 더 얻어야 합니다(${p.metricLines}).`,
    'points.metric-zero': (p) => `${p.name}: ${w(p.metricName, '은/는')} 0점이지만 모든 지표가 0점보다 높아야 합니다.`,
    'points.no-threshold': (p) =>
      `${p.name}: 이 버전의 프로그램은 ${p.marketName}의 ${p.metricName} 기준 금액을 공개하지 않았으므로 점수를 판정할 수 없습니다.`,
    'points.cheapest': (p) => `합격 점수에 이르는 가장 적은 조치(+${p.gain}점): ${p.moveTexts}.`,
    'points.out-of-reach': (p) =>
      `${p.name}: 이 날짜 기준으로 각 지표의 남은 점수를 어떻게 조합해도 모든 지표를 0점보다 높게 유지하면서 ${p.passMark}점에 이를 수 없습니다.`,
    'points.move.customers': (p, f) =>
      `${p.metric}: 한 달 사용량이 ${f.money(p.floor, p.currency)} 이상인 고객 ${p.count}곳 추가(+${p.gain}점)`,
    'points.move.people': (p) => `${p.metric}: ${p.people}(+${p.gain}점)`,
    'points.move.services': (p) => `${p.metric}: 사용량이 있는 서비스 ${p.count}개 추가 배포(+${p.gain}점)`,
    'points.move.consumption': (p, f) => `${p.metric}: 사용량 ${f.money(p.amount, p.currency)} 추가(+${p.gain}점)`,
    'points.move.revenue': (p, f) => `${p.metric}: 순 신규 수익 ${f.money(p.amount, p.currency)} 추가(+${p.gain}점)`,
    'points.move.first-consumption': (p) =>
      `${p.metric}: 이전 기간 사용량이 없으므로 사용량이 조금이라도 있으면 됩니다(+${p.gain}점)`,
    'points.metric': (p) => `${p.metric}: ${p.points} / ${p.max}점${p.counted ? ` — ${p.counted}` : ''}`,
    'catalog.points.unreachable': (p) => `합격 점수 ${p.passMark}점이 모든 지표 점수의 합(${p.max}점)보다 높습니다`,
    'points.consumption.enters': (p) => `${p.month} 사용량이 인정되기 시작합니다`,
    'points.consumption.leaves': (p) => `${p.month} 사용량이 최근 ${p.months}개월에서 빠집니다`,
    'points.revenue.enters': (p) => `${p.month} 순 신규 수익이 점수에 인정되기 시작합니다`,
    'points.revenue.leaves': (p) => `${p.month} 순 신규 수익이 점수의 최근 ${p.months}개월에서 빠집니다`,
    'credential.expires': (p, f) => `${f.person(p.person)}의 ${w(p.exam, '이/가')} ${f.date(p.expires)}에 만료되었습니다`,
    'plan.points': (p) =>
      `점수가 합격 점수에 못 미칩니다. 아래의 가장 적은 조치 ${p.actions}건으로 ${p.gain}점을 더 얻을 수 있습니다.`,
  },
};

/** Words of the points kind's report lines, per language; the text report and the dashboard share them. */
export interface PointsWords {
  score(score: number, passMark: number, max: number): string;
  customers(count: number, names: string): string;
  services(count: number, names: string): string;
  growth(percent: string | null, current: string, previous: string): string;
  amount(amount: string, required: string | null): string;
  step(name: string, people: number, required: number, unlocked: boolean): string;
  /** More people holding a step's credentials: one part of a `points.move.people`. */
  people(count: number, credentials: string, step: string): string;
  none: string;
  /** The heading of a plan's moves for a score. */
  movesTitle: string;
  /** The dashboard's bar of the score against the pass mark. */
  scoreBar: string;
}

export const POINTS_WORDS: { readonly [L in Locale]: PointsWords } = {
  en: {
    score: (score, passMark, max) => `${score} points of ${max}, pass mark ${passMark}`,
    customers: (n, names) => `${n} ${n === 1 ? 'customer' : 'customers'}${names ? ` (${names})` : ''}`,
    services: (n, names) => `${n} ${n === 1 ? 'service' : 'services'}${names ? ` (${names})` : ''}`,
    growth: (percent, current, previous) =>
      percent === null ? `${current}, nothing in the period before` : `growth ${percent}% (${current} against ${previous})`,
    amount: (amount, required) => (required === null ? `${amount} (no threshold)` : `${amount} of ${required}`),
    step: (name, people, required, unlocked) =>
      `${name}: ${people}${required > 0 ? ` of ${required}` : ''} ${(required > 0 ? required : people) === 1 ? 'person' : 'people'}${unlocked ? '' : ' (locked by an earlier step)'}`,
    people: (n, credentials, step) => `${n} more ${n === 1 ? 'person' : 'people'} holding ${credentials} for ${step}`,
    none: 'nothing yet',
    movesTitle: 'Points to gain, cheapest first by actions, then by consumption:',
    scoreBar: 'Score toward the pass mark',
  },
  'zh-TW': {
    score: (score, passMark, max) => `${score} / ${max} 分，及格分數 ${passMark} 分`,
    customers: (n, names) => `${n} 家客戶${names ? `（${names}）` : ''}`,
    services: (n, names) => `${n} 項服務${names ? `（${names}）` : ''}`,
    growth: (percent, current, previous) =>
      percent === null ? `${current}，前一期間無使用量` : `成長 ${percent}%（${current}，前一期間 ${previous}）`,
    amount: (amount, required) => (required === null ? `${amount}（未公布門檻）` : `${amount} / ${required}`),
    step: (name, people, required, unlocked) =>
      `${name}：${people}${required > 0 ? ` / ${required}` : ''} 人${unlocked ? '' : '（前一階段未達成，尚未計分）'}`,
    people: (n, credentials, step) => `再增加 ${n} 位持有${credentials}的人員（${step}）`,
    none: '尚無',
    movesTitle: '尚需取得的分數（以行動數最少、再以使用量最少為優先）：',
    scoreBar: '分數（相對於及格分數）',
  },
  'ko-KR': {
    score: (score, passMark, max) => `${max}점 중 ${score}점, 합격 점수 ${passMark}점`,
    customers: (n, names) => `고객 ${n}곳${names ? `(${names})` : ''}`,
    services: (n, names) => `서비스 ${n}개${names ? `(${names})` : ''}`,
    growth: (percent, current, previous) =>
      percent === null ? `${current}, 이전 기간 사용량 없음` : `성장률 ${percent}%(${current}, 이전 기간 ${previous})`,
    amount: (amount, required) => (required === null ? `${amount}(기준 금액 미공개)` : `${amount} / ${required}`),
    step: (name, people, required, unlocked) =>
      `${name}: ${people}${required > 0 ? ` / ${required}` : ''}명${unlocked ? '' : '(이전 단계 미충족으로 점수 없음)'}`,
    people: (n, credentials, step) => `${step}: ${w(credentials, '을/를')} 보유한 직원 ${n}명 추가`,
    none: '아직 없음',
    movesTitle: '더 얻어야 할 점수(조치 수가 가장 적고, 다음으로 사용량이 가장 적은 방법):',
    scoreBar: '합격 점수 대비 점수',
  },
};
