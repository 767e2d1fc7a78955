import type { Locale } from '../core/localized.js';

type Params = Readonly<Record<string, unknown>>;

/** The words of a plan report, per language. */
export interface PlanMessages {
  readonly title: (target: string, asOf: string) => string;
  readonly reason: (code: string, p: Params) => string;
  readonly cost: (people: number, exams: number) => string;
  readonly alternative: (path: string) => string;
  readonly blocked: (code: string, p: Params) => string;
  readonly infeasible: string;
  readonly thisLevel: string;
  readonly stepsTitle: string;
  readonly newPerson: (id: string) => string;
  readonly revenueTitle: string;
  readonly revenueMet: string;
  readonly revenueShort: (amount: string) => string;
  readonly noThreshold: string;
  // Issue 15: the blocker first, new hires grouped.
  /** Heads the revenue shortfalls, shown before anything else: no exam and no hire makes up for them. */
  readonly blockerTitle: string;
  /** A row standing for several new hires who all sit the same exams. */
  readonly newHires: (count: number) => string;
}

const roles = (p: Params) => (Array.isArray(p.roles) ? p.roles.join(', ') : '');

const en: PlanMessages = {
  title: (target, asOf) => `Plan for ${target} as of ${asOf}`,
  reason: (code, p) =>
    ({
      'plan.already-met': `The people requirements are already met${p.pathName ? ` (${p.pathName})` : ''}: nothing to do.`,
      'plan.single-path': 'The cheapest way to fill every seat:',
      'plan.only-feasible': `Path: ${p.pathName}, the only one that can still be completed.`,
      'plan.cheapest': `Path: ${p.pathName}, the cheapest of the alternatives.`,
    })[code] ?? code,
  cost: (people, exams) => `${people} new ${people === 1 ? 'person' : 'people'}, ${exams} exam${exams === 1 ? '' : 's'}`,
  alternative: (path) => `instead of ${path}`,
  blocked: (code, p) =>
    ({
      'plan.needs-hires': `impossible without hiring (${p.hires} new people needed)`,
      'plan.closed': `impossible: no one can newly pass the exams of ${roles(p)} (not launched yet, or retired)`,
      'plan.limit': 'impossible within the limit of exams per person',
    })[code] ?? code,
  infeasible: 'No plan meets this level as of this date:',
  thisLevel: 'this level',
  stepsTitle: 'Who should sit which exam:',
  newPerson: (id) => `${id} (new hire)`,
  revenueTitle: 'Revenue (cannot be planned with exams):',
  revenueMet: 'met',
  revenueShort: (amount) => `${amount} short`,
  noThreshold: 'no threshold for this market',
  blockerTitle: 'What stops this level, and no exam can fix:',
  newHires: (count) => `${count} new people, each`,
};

const zhTW: PlanMessages = {
  title: (target, asOf) => `${target} 的計畫（截至 ${asOf}）`,
  reason: (code, p) =>
    ({
      'plan.already-met': `人員要求已符合${p.pathName ? `（${p.pathName}）` : ''}，無須採取行動。`,
      'plan.single-path': '填滿所有名額的最低成本方式：',
      'plan.only-feasible': `途徑：${p.pathName}，唯一仍可完成的途徑。`,
      'plan.cheapest': `途徑：${p.pathName}，所有途徑中成本最低。`,
    })[code] ?? code,
  cost: (people, exams) => `新進人員 ${people} 人，測驗 ${exams} 項`,
  alternative: (path) => `相較於 ${path}`,
  blocked: (code, p) =>
    ({
      'plan.needs-hires': `不招募新人則無法達成（需要 ${p.hires} 位新人員）`,
      'plan.closed': `無法達成：已無人能再通過 ${roles(p)} 的測驗（尚未推出或已淘汰）`,
      'plan.limit': '在每人測驗數上限內無法達成',
    })[code] ?? code,
  infeasible: '截至此日期，沒有任何計畫能達成此級別：',
  thisLevel: '此級別',
  stepsTitle: '誰應參加哪項測驗：',
  newPerson: (id) => `${id}（新進人員）`,
  revenueTitle: '營收（無法以測驗規劃）：',
  revenueMet: '已符合',
  revenueShort: (amount) => `尚差 ${amount}`,
  noThreshold: '此市場無門檻',
  blockerTitle: '阻礙此級別、且無法以測驗解決的條件：',
  newHires: (count) => `新進人員 ${count} 人，每人`,
};

const koKR: PlanMessages = {
  title: (target, asOf) => `${target} 계획(${asOf} 기준)`,
  reason: (code, p) =>
    ({
      'plan.already-met': `인원 요구 사항이 이미 충족되었습니다${p.pathName ? `(${p.pathName})` : ''}. 할 일이 없습니다.`,
      'plan.single-path': '모든 자리를 채우는 가장 저렴한 방법:',
      'plan.only-feasible': `경로: ${p.pathName}, 아직 완료할 수 있는 유일한 경로입니다.`,
      'plan.cheapest': `경로: ${p.pathName}, 대안 중 가장 저렴합니다.`,
    })[code] ?? code,
  cost: (people, exams) => `신규 인원 ${people}명, 시험 ${exams}개`,
  alternative: (path) => `${path} 대신`,
  blocked: (code, p) =>
    ({
      'plan.needs-hires': `채용 없이는 불가능(신규 인원 ${p.hires}명 필요)`,
      'plan.closed': `불가능: ${roles(p)}의 시험을 새로 통과할 수 있는 사람이 없습니다(출시 전 또는 사용 중지)`,
      'plan.limit': '1인당 시험 수 한도 내에서는 불가능',
    })[code] ?? code,
  infeasible: '이 날짜 기준으로 이 수준을 충족하는 계획이 없습니다:',
  thisLevel: '이 수준',
  stepsTitle: '누가 어떤 시험을 봐야 하는지:',
  newPerson: (id) => `${id}(신규 채용)`,
  revenueTitle: '수익(시험으로 계획할 수 없음):',
  revenueMet: '충족',
  revenueShort: (amount) => `${amount} 부족`,
  noThreshold: '이 시장의 임계값 없음',
  blockerTitle: '이 수준을 가로막고 있으며 시험으로는 해결할 수 없는 요건:',
  newHires: (count) => `신규 인원 ${count}명, 각자`,
};

export const PLAN_MESSAGES: Readonly<Record<Locale, PlanMessages>> = { en, 'zh-TW': zhTW, 'ko-KR': koKR };
