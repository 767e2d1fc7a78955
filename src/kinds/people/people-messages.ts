import { CREDENTIAL_WORDS } from '../../render/credential-words.js';
import type { Formatter } from '../../render/formatter.js';
import { withParticle as w } from '../../render/korean-particles.js';
import type { TemplateParams } from '../../render/messages.js';
import type { KindMessages } from '../kind-messages.js';

/** A role of a pool that cannot be filled, as a `people.shortfall` gap names it. */
export interface ShortRole {
  readonly id: string;
  readonly count: number;
  /** Only the k seats of a "k of the same N" role are short: their people need the role's exams and its extra ones. */
  readonly ofWhom?: boolean;
}

/** Someone close to qualifying for a role: the exams they still need. */
export interface NearestCandidate {
  readonly person: string;
  readonly role: string;
  readonly exams: readonly string[];
}

/** The parameters of the people kind's findings. */
export interface PeopleMessageParams {
  'people.shortfall': {
    requirement: string;
    pool: string;
    roles: readonly ShortRole[];
    seats: number;
    qualified: readonly string[];
    shortfall: number;
    nearest: readonly NearestCandidate[];
    closed: readonly string[];
  };
  /**
   * A "k of the same N" role whose N people pass its exams but too few of them also the extra ones: `people` are the
   * N, `holding` those of them who also hold the extra exams, `nearest` the others closest to them.
   */
  'people.of-whom': {
    requirement: string;
    pool: string;
    role: string;
    count: number;
    people: readonly string[];
    also: number;
    holding: readonly string[];
    shortfall: number;
    nearest: readonly NearestCandidate[];
    closed: boolean;
  };
  /** Rendered after a `people.shortfall`: who is closest, already in words. */
  'people.nearest': { people: string };
  /** Rendered after a `people.shortfall`: roles nobody can newly qualify for, already in words. */
  'people.closed': { roles: string };
}

/** Words for people listed in a finding: nobody yet, and how many more beyond those named; each table uses them too. */
export const PEOPLE_WORDS = {
  en: { nobody: 'nobody yet', more: (n: number) => `${n} more` },
  'zh-TW': { nobody: '尚無人員', more: (n: number) => `另外 ${n} 人` },
  'ko-KR': { nobody: '아직 없음', more: (n: number) => `외 ${n}명` },
} as const;

/** An English verb after "one of them": passes, completes, earns. */
const third = (verb: string) => (verb.endsWith('s') ? `${verb}es` : `${verb}s`);

/** What the people kind's findings say, in every language. */
export const peopleMessages: KindMessages<keyof PeopleMessageParams> = {
  en: {
    'people.shortfall': shortfallEn,
    'people.of-whom': (p, f) =>
      `${p.roleName}: ${p.count} of ${p.count} people ${CREDENTIAL_WORDS.en.verb(p.formulaType)} ${p.formula}; ${p.holding.length} of the same ${p.count} also ${f.plural(p.holding.length, { one: third(CREDENTIAL_WORDS.en.verb(p.extraType)), other: CREDENTIAL_WORDS.en.verb(p.extraType) })} ${p.extra}${p.holding.length > 0 ? ` (${f.people(p.holding, 5, PEOPLE_WORDS.en.more)})` : ''}: ${f.plural(p.shortfall, { one: 'one of them', other: '# of them' })} must also ${CREDENTIAL_WORDS.en.verb(p.extraType)} ${p.extra}.`,
    'people.nearest': (p) => `Closest: ${p.people}.`,
    'people.closed': (p) => `Some of these exams can no longer be taken, so no new person can qualify for ${p.roles}.`,
  },
  'zh-TW': {
    'people.shortfall': shortfallZhTW,
    'people.of-whom': (p, f) =>
      `${p.roleName}：${p.count} 人皆已${CREDENTIAL_WORDS['zh-TW'].verb(p.formulaType)}${p.formula}；同樣這 ${p.count} 人中有 ${p.holding.length} 人另外${CREDENTIAL_WORDS['zh-TW'].verb(p.extraType)}${p.extra}${p.holding.length > 0 ? `（${f.people(p.holding, 5, PEOPLE_WORDS['zh-TW'].more)}）` : ''}，須有 ${p.also} 人：其中還需要 ${p.shortfall} 人${CREDENTIAL_WORDS['zh-TW'].verb(p.extraType)}${p.extra}。`,
    'people.nearest': (p) => `最接近的人員：${p.people}。`,
    'people.closed': (p) => `其中部分測驗已無法再參加，因此不會再有新人員符合${p.roles}的資格。`,
  },
  'ko-KR': {
    'people.shortfall': shortfallKoKR,
    'people.of-whom': (p, f) =>
      `${p.roleName}: ${p.count}명 모두 ${w(p.formula, '을/를')} ${CREDENTIAL_WORDS['ko-KR'].verb(p.formulaType)}했고, 같은 ${p.count}명 중 ${p.holding.length}명이 ${p.extra}도 ${CREDENTIAL_WORDS['ko-KR'].verb(p.extraType)}했습니다${p.holding.length > 0 ? `(${f.people(p.holding, 5, PEOPLE_WORDS['ko-KR'].more)})` : ''}. ${p.also}명이 필요하므로 이 중 ${p.shortfall}명이 더 ${w(p.extra, '을/를')} ${CREDENTIAL_WORDS['ko-KR'].verb(p.extraType)}해야 합니다.`,
    'people.nearest': (p) => `가장 가까운 직원: ${p.people}.`,
    'people.closed': (p) => `일부 시험은 더 이상 응시할 수 없으므로 새 직원이 ${p.roles} 자격을 갖출 수 없습니다.`,
  },
};

/**
 * A pool that cannot be filled, said in terms a practice lead can act on: which seats, who qualifies, how many
 * more people must pass what, and who is closest.
 */
function shortfallEn(p: TemplateParams<'people.shortfall'>, f: Formatter): string {
  const roles = p.roleDetails;
  const who = p.qualified.length > 0 ? f.people(p.qualified, 5, PEOPLE_WORDS.en.more) : PEOPLE_WORDS.en.nobody;
  const seats = f.plural(p.seats, { one: '# seat', other: '# seats' });
  const more = f.plural(p.shortfall, { one: '# more person', other: '# more people' });
  const [only] = roles;
  if (roles.length === 1 && only && p.qualified.length === 0)
    return `${only.name}: ${seats} and nobody qualifies yet: ${f.plural(p.shortfall, { one: '# person', other: '# people' })} must ${CREDENTIAL_WORDS.en.verb(only.type)} ${only.formula}.`;
  if (roles.length === 1 && only)
    return `${only.name}: ${seats}, but only ${f.plural(p.qualified.length, { one: '# qualified person', other: '# qualified people' })} (${who}). ${more} must ${CREDENTIAL_WORDS.en.verb(only.type)} ${only.formula}.`;
  return `${f.and(roles.map((r) => `${r.name} (${r.count})`))} need ${p.seats} different people, but only ${f.plural(p.qualified.length, { one: '# qualifies', other: '# qualify' })} for any of them (${who}). ${more} must qualify: ${roles.map((r) => `${r.name}: ${r.formula}`).join('; ')}.`;
}

function shortfallZhTW(p: TemplateParams<'people.shortfall'>, f: Formatter): string {
  const roles = p.roleDetails;
  const who = p.qualified.length > 0 ? f.people(p.qualified, 5, PEOPLE_WORDS['zh-TW'].more) : PEOPLE_WORDS['zh-TW'].nobody;
  const [only] = roles;
  if (roles.length === 1 && only && p.qualified.length === 0)
    return `${only.name}：需要 ${p.seats} 人，目前無人符合資格：須有 ${p.shortfall} 人${CREDENTIAL_WORDS['zh-TW'].verb(only.type)}${only.formula}。`;
  if (roles.length === 1 && only)
    return `${only.name}：需要 ${p.seats} 人，但只有 ${p.qualified.length} 人符合資格（${who}）。還需要 ${p.shortfall} 人${CREDENTIAL_WORDS['zh-TW'].verb(only.type)}${only.formula}。`;
  return `${f.and(roles.map((r) => `${r.name}（${r.count}）`))} 共需要 ${p.seats} 位不同人員，但只有 ${p.qualified.length} 人符合其中任一角色（${who}）。還需要 ${p.shortfall} 人取得資格：${roles.map((r) => `${r.name}：${r.formula}`).join('；')}。`;
}

function shortfallKoKR(p: TemplateParams<'people.shortfall'>, f: Formatter): string {
  const roles = p.roleDetails;
  const who = p.qualified.length > 0 ? f.people(p.qualified, 5, PEOPLE_WORDS['ko-KR'].more) : PEOPLE_WORDS['ko-KR'].nobody;
  const [only] = roles;
  if (roles.length === 1 && only && p.qualified.length === 0)
    return `${only.name}: ${p.seats}명이 필요하지만 아직 자격을 갖춘 직원이 없습니다. ${p.shortfall}명이 ${w(only.formula, '을/를')} ${CREDENTIAL_WORDS['ko-KR'].verb(only.type)}해야 합니다.`;
  if (roles.length === 1 && only)
    return `${only.name}: ${p.seats}명이 필요하지만 자격을 갖춘 직원은 ${p.qualified.length}명(${who})뿐입니다. ${p.shortfall}명이 더 ${w(only.formula, '을/를')} ${CREDENTIAL_WORDS['ko-KR'].verb(only.type)}해야 합니다.`;
  return `${f.and(roles.map((r) => `${r.name}(${r.count})`))}에는 서로 다른 직원 ${p.seats}명이 필요하지만 어느 역할이든 자격을 갖춘 직원은 ${p.qualified.length}명(${who})뿐입니다. ${p.shortfall}명이 더 자격을 갖춰야 합니다: ${roles.map((r) => `${r.name}: ${r.formula}`).join('; ')}.`;
}
