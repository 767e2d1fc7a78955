import { anyOfMessages } from '../kinds/any-of/any-of-messages.js';
import { associationName } from '../kinds/association-words.js';
import { metricMessages } from '../kinds/metric/metric-messages.js';
import { PEOPLE_WORDS, peopleMessages } from '../kinds/people/people-messages.js';
import { pointsMessages } from '../kinds/points/points-messages.js';
import { revenueMessages } from '../kinds/revenue/revenue-messages.js';
import { CREDENTIAL_WORDS } from './credential-words.js';
import { withParticle as w } from './korean-particles.js';
import type { Messages } from './messages.js';

const C = CREDENTIAL_WORDS['ko-KR'];

/**
 * Everything attain says in Korean; the terms are those of docs/glossary.md. A particle after a word given at run
 * time is chosen by `w` from how that word ends (골드가, 실버가, MB2-716을).
 */
export const koKR: Messages = {
  levelStatus: { attained: '달성', 'not-attained': '미달성', undetermined: '판정 불가' },
  requirementStatus: { met: '충족', 'not-met': '미충족', undetermined: '판정 불가' },
  market: (m) => ({ developed: '선진 시장', developing: '개발도상국 시장' })[m] ?? m,
  header: (org, asOf, market, catalog) => `${org} — ${asOf} 기준 · ${market} · 카탈로그: ${catalog}`,
  version: (id) => `버전 ${id}`,
  revenueLine: (counted, required) => (required ? `${counted} / ${required}` : `${counted}(기준 금액 없음)`),
  shortBy: (amount) => `${amount} 부족`,
  notCounted: (a, n) => `인정되지 않음: DPOR 기간 외 ${a}, 순 신규 아님 ${n}`,
  seats: (filled, seats) => `자리 ${seats}개 중 ${filled}개 채움`,
  ofWhomLine: (count, people) => `이 중 ${count}명은 추가 시험도 필요: ${people}`,
  roleLine: (role, count, people) => `${role}(${count}): ${people}`,
  nobody: PEOPLE_WORDS['ko-KR'].nobody,
  more: PEOPLE_WORDS['ko-KR'].more,
  chosenPath: (path) => `충족 경로: ${path}`,
  gapsTitle: '부족한 항목',
  warningsTitle: '무시된 데이터',
  summaryTitle: '요약',
  ignoredReason: {
    'exam.unknown': '카탈로그에 없는 시험',
    'exam.future': '기준일 이후에 통과한 시험',
    'exam.before-launch': '역량에 인정되기 전에 통과한 시험',
    'exam.after-retirement': '사용 중지 후에 통과한 시험',
    'exam.expired': '더 이상 인정되지 않는 시험',
    'credential.expired': '유효 기간이 지난 인증 및 기타 자격',
    'revenue.unknown-product': '카탈로그의 제품 목록에 없는 제품의 수익',
    'revenue.future': '기준일 이후 날짜의 수익',
  },
  ignoredOthers: (n) => `그 외 ${n.toLocaleString('ko-KR')}개`,
  ignoredMore: (n) => `… 외 ${n.toLocaleString('ko-KR')}건`,
  ignoredAll: '무시된 항목 전체 보기: --all-ignored 또는 --format json',
  allOf: (items) => `${items.join(', ')} 모두`,
  oneOf: (items) => `${items.join(', ')} 중 하나`,
  credential: (type, code) => C.named(type, code),
  ofWhom: (formula, count, of, extra) => `${formula}(같은 ${of}명 중 ${count}명은 ${extra} 추가)`,
  unknownCode: (code, facts) => `이 버전의 attain이 설명할 수 없는 문제입니다(코드 ${code})${facts ? `: ${facts}` : ''}.`,
  issueTitle: (file, count) => `${file}: 문제 ${count}개가 발견되어 평가하지 않았습니다.`,
  importTitle: (file, count) => `${file}: 문제 ${count}개가 발견되어 아무것도 가져오지 않았습니다.`,
  importMoreCauses: (n) => `… 그 밖의 원인 ${n.toLocaleString('ko-KR')}가지: --format json으로 모든 문제를 볼 수 있습니다`,
  importGroupRows: (count, lines, f) =>
    `${f.number(count)}개 행${lines.length === 0 ? '' : ` — ${lines.join(', ')}행${count > lines.length ? ` 외 ${f.number(count - lines.length)}개` : ''}`}`,
  forecast: {
    title: (from, to) => `예측: ${from} ~ ${to}(새 데이터가 없다고 가정)`,
    noChange: '변화 없음',
    absent: '시행 중인 카탈로그 버전에 없음',
    starts: (status) => `카탈로그에 추가됨, ${status}`,
    ends: '카탈로그에서 빠짐',
    times: (n) => `(${n}회)`,
    atRiskTitle: (days) => `${days}일 이내에 잃게 되는 등급과 이를 막는 방법`,
    noRisk: '이 기간에 잃는 등급이 없습니다.',
    lostOn: (level, date) => `${level}: ${date}에 상실`,
    toKeep: '유지하려면(해당 날짜의 계획):',
  },
  plan: {
    title: (target, asOf) => `${target} 계획(${asOf} 기준)`,
    cost: (people, exams) => `신규 인원 ${people}명, 시험 ${exams}개`,
    credentialCost: (people, n) => `신규 인원 ${people}명, 자격 ${n}개`,
    alternative: (path) => `${path} 대신`,
    infeasible: '이 날짜 기준으로 이 등급을 충족하는 계획이 없습니다:',
    thisLevel: '이 등급',
    stepsTitle: '누가 어떤 시험을 봐야 하는지:',
    credentialStepsTitle: '누가 어떤 자격을 취득해야 하는지:',
    newPerson: (id) => `${id}(신규 채용)`,
    revenueTitle: '수익(시험으로 계획할 수 없음):',
    revenueMet: '충족',
    revenueShort: (amount) => `${amount} 부족`,
    noThreshold: '이 시장의 기준 금액 없음',
    blockerTitle: '이 등급을 가로막고 있으며 시험으로는 해결할 수 없는 요건:',
    newHires: (count) => `신규 인원 ${count}명, 각자`,
  },
  cli: {
    usageTitle: '사용법:',
    commandHelp: (command) => `옵션 목록은 attain ${command} --help에서 볼 수 있습니다.`,
    commandsHelp: '명령 목록은 attain --help에서 볼 수 있습니다.',
    internal: (message) => `내부 오류: ${message}`,
    debugHint: 'ATTAIN_DEBUG=1을 설정하면 발생 위치를 볼 수 있습니다. 이 문제를 알려 주세요.',
    progress: (done, count, total) =>
      `조직 ${total === null ? '' : `${total}곳 중 `}${count}곳 ${done === 'evaluated' ? '평가' : '비교'} 완료`,
    phases: {
      reading: (what) => `${what} 읽는 중`,
      opening: (what) => `${what}의 저장소를 여는 중`,
      creating: (what) => `${what}에 새 저장소를 만드는 중(처음 한 번만: 몇 초 걸립니다)`,
      server: (what) => `${w(what, '으로/로')} 파일을 보내는 중`,
      planning: (what) => `파일(${what})을 조직과 대조하는 중`,
      writing: (what) => `기록 ${what}건을 한 트랜잭션으로 쓰는 중`,
    },
    tokenCreated: (id, role, org) => `토큰 ${id}(${role}${org ? `, 조직 ${org}` : ''}). 위의 비밀 값은 이번 한 번만 표시됩니다`,
    tokenLive: '유효',
    tokenRevokedOn: (at) => `${at}에 폐기됨`,
    tokenRevoked: (id) => `${id} 폐기됨`,
    serving: (url, docs, store) => `attain이 ${url}에서 서비스 중입니다\n  API 참조: ${docs}\n  저장소: ${store}`,
    adminToken: (secret) => `  admin 토큰(이번 한 번만 표시): ${secret}`,
    signIn: '  admin 토큰으로 로그인하세요(`attain token create --role admin` 또는 --new-admin-token으로 다시 시작)',
    workerRunning: (store, concurrency, nightly) =>
      `attain worker: ${store}에서 작업 실행 중(동시에 ${concurrency}개${nightly ? `, 매일 밤 ${nightly} UTC에 실행` : ''})`,
    runDone: (id, asOf, store, organizations, seconds) =>
      `실행 ${id}(기준일 ${asOf}, ${store}): 조직 ${organizations}곳, ${seconds}초`,
    runFailed: (failed) => `, ${failed}곳 실패(attain run의 JSON 또는 운영자 페이지 참조)`,
    levelCount: (attained, atRisk) => `${attained}곳 달성${atRisk > 0 ? `, ${atRisk}곳은 90일 안에 상실 위험` : ''}`,
    impactTitle: (draft, asOf, organizations, failed) =>
      `${draft}의 영향(기준일 ${asOf}): 조직 ${organizations}곳 비교${failed > 0 ? `, ${failed}곳 실패` : ''}`,
    impactTotals: (gained, lost, other, organizations) =>
      `등급 ${gained}개 획득, ${lost}개 상실, 기타 변화 ${other}개, 조직 ${organizations}곳`,
    impactOther: (other) => ` (기타 ${other}개)`,
    impactMore: (more) => `… 외 ${more}건(--format json은 모든 변화를 나열합니다)`,
    alertSecret: (id) =>
      `알림 구독 ${id}번: 위의 서명 비밀 키는 이번 한 번만 표시됩니다. 수신 측에 전달해 X-Attain-Signature 검증에 쓰세요`,
    alertRemoved: (id) => `알림 구독 ${id}번과 전송 기록을 삭제했습니다`,
  },
  codes: {
    ...revenueMessages['ko-KR'],
    ...peopleMessages['ko-KR'],
    ...anyOfMessages['ko-KR'],
    ...metricMessages['ko-KR'],
    ...pointsMessages['ko-KR'],
    'revenue.excluded': (p, f) =>
      `이 제품의 수익 중 ${w(f.money(p.amount), '은/는')} 고객의 DPOR 기간 밖에 발생하여 인정되지 않았습니다.`,
    'people.cap': (p, f) =>
      `이 등급만 보면 충족하지만, 직원 한 명은 최대 ${p.cap}개 역량에만 인정될 수 있고 필요한 직원이 이미 ${f.and(p.competencies.map((c) => f.competency(c)))}에 인정되어 있습니다.`,
    'exam.unknown': (p, f) => `${f.person(p.person)}: 시험 ${w(p.exam, '은/는')} 카탈로그에 없어 무시되었습니다.`,
    'exam.future': (p, f) =>
      `${f.person(p.person)}: ${w(C.named(p.type, p.exam), '을/를')} 기준일 이후인 ${f.date(p.passed)}에 ${C.earned(p.type)}하여 아직 인정되지 않습니다.`,
    'exam.before-launch': (p, f) =>
      `${f.person(p.person)}: ${w(C.named(p.type, p.exam), '을/를')} 역량에 인정되기 시작한 날(${f.date(p.launched)}) 이전인 ${f.date(p.passed)}에 ${C.earned(p.type)}하여 인정되지 않습니다.`,
    'exam.after-retirement': (p, f) =>
      `${f.person(p.person)}: ${w(C.named(p.type, p.exam), '을/를')} 사용 중지일(${f.date(p.retired)}) 이후인 ${f.date(p.passed)}에 ${C.earned(p.type)}하여 인정되지 않습니다.`,
    'exam.expired': (p, f) =>
      `${f.person(p.person)}: ${w(C.named(p.type, p.exam), '은/는')} ${f.date(p.acceptedUntil)}까지만 인정되어 지금은 인정되지 않습니다.`,
    'credential.expired': (p, f) =>
      `${f.person(p.person)}: ${f.date(p.passed)}에 ${C.earned(p.type)}한 ${C.named(p.type, p.exam)}의 유효 기간이 ${f.date(p.expires)}에 끝나 인정되지 않습니다.`,
    'revenue.unknown-product': (p) =>
      `제품 ${w(`"${p.product}"`, '이/가')} 카탈로그의 제품 목록에 없어 해당 수익이 무시되었습니다.`,
    'revenue.future': (p, f) => `${f.date(p.date)} 날짜의 수익은 기준일 이후이므로 아직 인정되지 않습니다.`,

    'revenue.enters': (p, f) => `${f.date(p.date)} 날짜의 수익이 인정되기 시작합니다`,
    'revenue.leaves': (p, f) => `${f.date(p.date)}의 수익(${f.product(p.product)})이 최근 12개월에서 빠집니다`,
    'exam.counts': (p, f) =>
      `${f.date(p.passed)}에 ${C.earned(p.type)}한 ${w(C.named(p.type, p.exam), '이/가')} 인정되기 시작합니다`,
    'exam.expires': (p, f) => `${w(C.named(p.type, p.exam), '은/는')} ${f.date(p.acceptedUntil)}까지만 인정됩니다`,
    'credential.expires': (p, f) =>
      `${f.person(p.person)}의 ${C.named(p.type, p.exam)} 유효 기간이 ${f.date(p.expires)}에 끝납니다`,
    'dpor.starts': (p) => `DPOR 연결(${p.customer})이 시작됩니다`,
    'dpor.ends': (p) => `DPOR 연결(${p.customer})이 끝납니다`,
    'version.starts': (p) => `카탈로그 버전 ${w(p.version, '이/가')} 시행됩니다`,
    'association.starts': (p) => `${associationName('ko-KR', p.type)} 연결(${p.customer})이 시작됩니다`,
    'association.ends': (p) => `${associationName('ko-KR', p.type)} 연결(${p.customer})이 끝납니다`,

    'plan.already-met': (p) => `인원 요구 사항이 이미 충족되었습니다${p.pathName ? `(${p.pathName})` : ''}. 할 일이 없습니다.`,
    'plan.single-path': () => '모든 자리를 가장 적은 비용으로 채우는 방법:',
    'plan.only-feasible': (p) => `경로: ${p.pathName}. 아직 완료할 수 있는 유일한 경로입니다.`,
    'plan.cheapest': (p) => `경로: ${p.pathName}. 대안 중 비용이 가장 적습니다.`,
    'plan.infeasible': () => '이 날짜 기준으로 이 등급을 충족하는 계획이 없습니다.',
    'plan.needs-hires': (p) => `채용 없이는 불가능(신규 인원 ${p.hires}명 필요)`,
    'plan.closed': (p, f) => `불가능: ${f.and(p.roles)}의 시험을 새로 통과할 수 있는 사람이 없습니다(출시 전이거나 사용 중지됨)`,
    'plan.limit': () => '1인당 시험 수 한도 안에서는 불가능',

    'org.type': (p) => `${w(p.expected, '이/가')} 와야 하지만 ${p.actual}입니다`,
    'org.required': (p) => `"${p.field}" 필드가 필요합니다`,
    'org.enum': (p) => `${p.expected} 중 하나여야 하지만 "${p.actual}"입니다`,
    'org.date.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 올바른 날짜(YYYY-MM-DD, 실제로 있는 날짜)가 아닙니다`,
    'org.amount.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 십진수 금액이 아닙니다(예: 1234.56)`,
    'org.count.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 0 이상의 정수가 아닙니다(예: 25)`,
    'org.fx.missing': (p) => `${p.currency} 환율이 없습니다. "fx"에 1단위의 USD 값을 추가하세요`,
    'org.fx.invalid': (p) => `환율 ${w(p.value, '은/는')} 0보다 커야 합니다`,
    'org.customer.unknown': (p) => `고객 ${w(`"${p.customer}"`, '이/가')} "customers"에 없습니다`,
    'org.id.duplicate': (p) => `ID ${w(`"${p.id}"`, '이/가')} 두 번 사용되었습니다`,
    'org.id.too-long': (p, f) =>
      `ID가 ${f.number(p.length)}자입니다. 조직의 모든 URL에 들어가므로 최대 ${f.number(p.max)}자까지입니다`,
    'org.email.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 이메일 주소(이름@도메인)가 아닙니다`,
    'org.mcid.duplicate': (p) => `MCID ${w(`"${p.mcid}"`, '은/는')} 이미 ${p.first} 직원의 것입니다`,
    'org.mcid.taken': (p) =>
      `직원 "${p.person}"의 MCID ${w(`"${p.mcid}"`, '은/는')} 이미 "${p.organization}" 조직에 있습니다. 프로그램은 한 직원을 한 번에 한 조직에서만 인정하므로 먼저 그 조직에서 제거하세요`,
    'org.mcid.taken-elsewhere': (p) =>
      `직원 "${p.person}"의 MCID ${w(`"${p.mcid}"`, '은/는')} 이미 다른 조직에 있습니다. 프로그램은 한 직원을 한 번에 한 조직에서만 인정합니다`,
    'org.period.reversed': (p) => `기간 종료일(${p.to})이 시작일(${p.from})보다 이릅니다`,
    'org.issues.truncated': (p) => `문제 ${p.total}개 중 처음 ${p.shown}개만 표시합니다`,
    'org.id-mismatch': (p) => `본문의 ID ${w(`"${p.value}"`, '이/가')} 주소의 ${w(`"${p.expected}"`, '과/와')} 다릅니다`,

    'input.unreadable': (p) => `파일을 읽을 수 없습니다: ${UNREADABLE[p.reason] ?? p.reason}`,
    'input.malformed-json': (p) =>
      `올바른 JSON이 아닙니다: ${
        p.found === undefined
          ? p.detail
          : p.found === ''
            ? 'JSON이 끝나기 전에 내용이 끝났습니다'
            : `이 자리에 ${JSON.stringify(p.found)} 문자가 올 수 없습니다`
      }${near(p.excerpt)}`,
    'input.malformed-yaml': (p) =>
      `올바른 YAML이 아닙니다: ${(p.reason && YAML_REASONS[p.reason]) ?? p.detail}${near(p.excerpt)}`,
    'input.date.range': (p) => `"${p.value}": 읽을 수 있는 날짜 범위(${p.first}~${p.last})를 벗어났습니다`,
    'input.amount.digits': (p) =>
      `"${p.value}": 금액의 자릿수가 너무 많습니다. 소수점 앞은 최대 ${p.integerDigits}자리, 소수점 뒤는 최대 ${p.fractionDigits}자리입니다`,
    'input.number.inexact': (p) =>
      `숫자 ${p.value}의 자릿수가 JSON·YAML 숫자로 정확히 보존되는 15자리를 넘습니다. 따옴표로 감싸 문자열로 쓰세요`,
    'input.nul': () => 'NUL 문자(U+0000)는 여기에 쓸 수 없습니다',
    'input.utf8': (p) =>
      `UTF-8 텍스트가 아닙니다. ${p.offset}번째 바이트(0부터 셈)가 올바른 UTF-8이 아닙니다. 파일을 UTF-8로 저장하세요`,
    'input.yaml.aliases': (p, f) =>
      `YAML 별칭(*name)으로 반복되는 내용이 너무 많습니다. 별칭은 최대 ${f.number(p.aliases)}개, 모두 합쳐 최대 ${f.number(p.characters)}자까지입니다`,
    'input.rows': (p, f) => `행 수가 ${f.number(p.limit)}개를 넘습니다. 여러 파일로 나누세요`,

    'catalog.issues.truncated': (p) => `문제 ${p.total}개 중 처음 ${p.shown}개만 표시합니다`,
    'catalog.exam.unknown': (p) => `시험 ${w(p.code, '이/가')} 시험 목록에 없습니다`,
    'catalog.exam.conflicting-titles': (p) =>
      `시험 ${w(p.code, '이/가')} 서로 다른 제목으로 두 번 나열되었습니다(처음: ${p.first})`,
    'catalog.exam.duplicate': (p) => `시험 ${w(p.code, '이/가')} 두 번 나열되었습니다(처음: ${p.first})`,
    'catalog.exam.retired-before-launch': (p) => `시험 ${p.code}의 사용 중지일이 출시일보다 이릅니다`,
    'catalog.exam.accepted-until-before-retirement': (p) =>
      `시험 ${w(p.code, '이/가')} 사용 중지되기 전에 인정이 끝납니다. acceptedUntil은 retired와 같거나 그 이후여야 합니다`,
    'catalog.formula.repeated-exam': (p) =>
      `시험 ${w(p.code, '이/가')} 한 조건에 두 번 나옵니다(처음: ${p.first}). 옮겨 적다 생긴 오류일 수 있습니다`,
    'catalog.formula.empty': () => '시험 목록이 비어 있습니다. 시험을 하나 이상 적으세요',
    'catalog.formula.too-complex': (p, f) =>
      `이 시험 조건을 펼치면 조합이 ${f.number(p.alternatives)}개로 ${f.number(p.limit)}개를 넘습니다. 조건을 단순하게 고치세요`,
    'catalog.product.unknown': (p) => `제품 ${w(p.id, '이/가')} 제품 목록에 없습니다`,
    'catalog.product.duplicate': (p) => `제품 ID 또는 별칭 ${w(`"${p.id}"`, '이/가')} 두 번 사용되었습니다`,
    'catalog.role.empty': (p) => `역할 ${p.role}에 필요한 인원이 없습니다(count 0)`,
    'catalog.role.of-whom-exceeds': (p) =>
      `역할 ${p.role}: 같은 인원 중 추가 조건을 갖춰야 하는 ${p.count}명이 역할 전체 인원 ${p.of}명보다 많습니다(ofWhom.count는 count 이하여야 함)`,
    'catalog.pool.empty': (p) => `그룹 ${p.pool}에 역할이 없습니다. 역할을 하나 이상 적으세요`,
    'catalog.people.empty': () => '이 인원 요구 사항에 그룹이 없습니다. 그룹을 하나 이상 적으세요',
    'catalog.path.empty': () => '이 경로에 요구 사항이 없어 항상 충족됩니다. 요구 사항을 하나 이상 적으세요',
    'catalog.version.overlap': (p) => `버전 ${p.version}의 시행일이 ${w(p.other, '과/와')} 같습니다`,
    'catalog.text.missing-locale': (p) => `${p.locale} 텍스트가 없습니다`,
    'catalog.id.duplicate': (p) => `${p.what} ID ${w(`"${p.id}"`, '이/가')} 두 번 사용되었습니다`,
    'catalog.date.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 올바른 날짜(YYYY-MM-DD, 실제로 있는 날짜)가 아닙니다`,
    'catalog.level.empty': (p) =>
      `등급 ${p.level}에 요구 사항이 하나도 없어 모든 조직이 달성하게 됩니다. 요구 사항을 하나 이상 적으세요`,
    'catalog.threshold.missing-market': (p) =>
      `${p.market} 시장의 기준 금액이 없어 그 시장의 조직은 판정할 수 없습니다. 금액을 적거나, 모든 시장에 같은 금액이면 \`all: 금액\`, 프로그램이 기준 금액을 공개하지 않았다면 \`${p.market}: unpublished\`라고 적으세요`,
    'catalog.threshold.unknown-market': (p) => `${w(`"${p.market}"`, '은/는')} 이 카탈로그의 시장이 아닙니다`,
    'catalog.threshold.invalid': (p) =>
      `기준 금액 ${w(`"${p.value}"`, '은/는')} 0 이상의 금액이 아닙니다(50000처럼 쓰거나 \`unpublished\`라고 쓰세요)`,
    'catalog.level.extends-unknown': (p) => `등급 ${p.level}의 extends 값 "${p.extends}"에 해당하는 등급이 같은 옵션에 없습니다`,
    'catalog.level.extends-cycle': (p) =>
      `등급들이 서로를 돌아가며 확장합니다(${p.levels}). 그중 하나는 요구 사항을 모두 적어야 합니다`,
    'catalog.value.null': (p) =>
      `"${p.key}"에 값이 없습니다(null). YAML의 { … } 또는 [ … ] 안에서는 쉼표가 항목을 나누므로 100,000은 100과 값 없는 키 "000"으로 읽힙니다. 100000으로 쓰거나, 쉼표가 들어간 텍스트는 따옴표로 감싸세요("Total revenue, cloud")`,
    'catalog.schema': (p) => `이 위치의 내용이 카탈로그 형식에 맞지 않습니다: ${p.detailKoKR ?? p.detail}`,
    'catalog.format.id': (p) =>
      `${w(`"${p.value}"`, '은/는')} 올바른 ID가 아닙니다. ID는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다`,
    'catalog.format.date': (p) => `${w(`"${p.value}"`, '은/는')} 날짜가 아닙니다. 따옴표로 감싸 YYYY-MM-DD로 쓰세요`,
    'catalog.format.currency': (p) => `${w(`"${p.value}"`, '은/는')} 통화가 아닙니다. USD처럼 세 글자 ISO 4217 코드로 쓰세요`,
    'catalog.format.every-market': () => '기준 금액에서 "all"은 모든 시장을 뜻합니다. 그 밖에는 시장 이름을 쓰세요',

    'forecast.range.reversed': (p) => `범위의 종료일(${p.to})은 시작일(${p.from})보다 늦어야 합니다`,
    'forecast.range.too-long': (p, f) => `범위가 ${f.number(p.days)}일입니다. 최대 ${f.number(p.max)}일까지입니다`,
    'plan.unknown-person': (p) => `이 직원은 조직에 없습니다: ${p.people}`,
    'plan.unknown-target': (p) =>
      `알 수 없는 목표 ${w(`"${p.target}"`, '이/가')} 지정되었습니다. 목표는 ${p.known} 중 하나입니다`,

    'store.batch.failed': (p) => `이 배치는 기록되지 않았습니다: ${p.detail}`,
    'store.conflict': (p) => `이 변경을 준비하는 동안 다른 작성자가 "${p.id}" 조직을 변경했습니다`,
    'store.not-found': (p) => `저장소에 "${p.id}" 조직이 없습니다`,
    'store.disk-full': (p) =>
      `저장소 디스크가 가득 찼습니다${p.dir ? ` (${p.dir}: 남은 공간 ${p.free} MB, 예비 공간 ${p.reserve} MB)` : ''}. 공간을 확보할 때까지 쓰기는 거부됩니다`,
    'store.read-only': (p) => `저장소 파일에 쓸 수 없습니다${p.dir ? ` (${p.dir})` : ''}. 쓸 수 있게 될 때까지 쓰기는 거부됩니다`,
    'store.unavailable': () => '데이터베이스가 응답하지 않습니다. 잠시 후 다시 시도하세요',
    'store.corrupt': (p) =>
      p.what
        ? `저장소에 읽을 수 없는 값이 있습니다: ${p.what}`
        : '저장소에 attain이 읽을 수 없는 데이터가 있습니다. 위치는 서버 로그에서 확인하세요',
    'store.fault': () => '저장소에 장애가 발생했습니다. 자세한 내용은 서버 로그에서 확인하세요',
    'store.locked': (p) =>
      p.pid === undefined
        ? `다른 프로세스가 ${w(p.dir, '을/를')} 사용 중입니다. 먼저 그 프로세스를 종료하세요`
        : `프로세스 ${w(String(p.pid), '이/가')} ${w(p.dir, '을/를')} 사용 중입니다. 먼저 그 프로세스를 종료하세요`,
    'store.migration.failed': (p) => `저장소의 테이블을 준비하지 못했습니다${p.migration ? `(${p.migration})` : ''}: ${p.reason}`,
    'store.duplicate': (p) => `키가 중복된 기록이 있습니다: ${p.detail}`,
    'store.reference.unknown': (p) => `저장되지 않은 항목을 가리키는 기록이 있습니다: ${p.detail}`,
    'store.person.unknown': (p) => `조직에 직원 ${w(`"${p.person}"`, '이/가')} 없습니다. 먼저 직원을 가져오세요`,
    'store.customer.unknown': (p) => `조직에 고객 ${w(`"${p.customer}"`, '이/가')} 없습니다. 먼저 고객을 가져오세요`,
    'store.organization.duplicate': (p) => `조직 ${w(`"${p.id}"`, '이/가')} 두 번 나옵니다(처음: ${p.first})`,
    'store.limit.invalid': (p) => `${w(`"${p.limit}"`, '은/는')} 이 목록이 받는 범위의 정수가 아닙니다`,
    'store.schema.invalid': (p) => `${w(`"${p.schema}"`, '은/는')} 소문자로만 된 스키마 이름이 아닙니다`,
    'store.token.invalid': (p) =>
      p.role === 'admin' ? '관리자 토큰은 특정 조직에 묶을 수 없습니다' : `${p.role} 토큰에는 볼 수 있는 조직을 지정해야 합니다`,
    internal: () => '내부 오류입니다. 자세한 내용은 서버 로그에서 확인하세요',
    'compute.timeout': (p, f) =>
      `${p.task} 계산이 서버가 허용하는 시간(${f.number(p.ms)}ms)을 넘었습니다. 잠시 후 다시 시도하세요`,

    'serve.port.in-use': (p) =>
      `${p.host}:${p.port} 주소는 이미 사용 중입니다(다른 attain serve?). --port로 다른 포트를 지정하세요`,
    'serve.port.denied': (p) =>
      `이 사용자는 ${p.host}:${p.port} 주소를 사용할 수 없습니다. --port로 1023보다 큰 포트를 지정하세요`,
    'serve.port.failed': (p) => `${p.host}:${p.port}에서 연결을 받을 수 없습니다(${p.detail})`,
    'auth.rate-limited': (p) => `이 주소에서 인증에 실패한 횟수가 너무 많습니다. ${p.retryAfter}초 후에 다시 시도하세요`,
    'auth.required': () => '로그인하세요. Authorization: Bearer 토큰 헤더를 보내야 합니다',
    'auth.invalid': () => '알 수 없거나 폐기된 토큰입니다',
    'auth.forbidden': () => '이 토큰으로는 할 수 없는 작업입니다',
    'org.not-found': () => '해당 조직이 없거나 이 토큰으로는 볼 수 없습니다',
    'token.not-found': () => '해당 토큰이 없습니다',
    'route.not-found': () => '이 주소에는 아무것도 없습니다',
    'request.too-large': () => '요청 본문이 서버가 받을 수 있는 크기보다 큽니다',
    'request.parameter': (p, f) =>
      `${w(p.name, '은/는')} ${p.expected === 'date' ? '1900-01-01부터 9999-12-31까지의 날짜(YYYY-MM-DD)' : `${f.number(p.min ?? 0)} 이상의 정수`}여야 합니다(받은 값: "${p.value}")`,
    'request.invalid': (p) => `이 요청은 이 경로가 받는 형식이 아닙니다: ${p.reason}`,
    'request.json': (p) => `본문이 JSON이 아닙니다: ${p.reason}`,
    'program.level.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 등급이 아닙니다(역량/옵션/등급 형식으로 쓰세요)`,
    'program.override.invalid': (p) => `${w(`"${p.status}"`, '은/는')} 수명 주기 상태가 아닙니다`,
    'token.org-required': (p) => `${p.role} 토큰에는 볼 수 있는 조직을 지정해야 합니다`,
    'alert.url.invalid': (p) =>
      ({
        malformed: `올바른 웹 주소가 아닙니다: ${p.url}`,
        scheme: `웹훅 주소는 https://로 시작해야 합니다: ${p.url}`,
        'http-host': `일반 http는 운영자가 ATTAIN_ALERT_HTTP_HOSTS에 등록한 호스트에만 쓸 수 있습니다. https를 사용하세요: ${p.url}`,
        credentials: '웹훅 주소에는 사용자 이름이나 비밀번호를 넣을 수 없습니다',
      })[p.reason],
    'alert.not-found': (p) => (p.id === undefined ? '해당 알림 구독이 없습니다' : `알림 구독 ${p.id}번이 없습니다`),
    'cli.server.unreachable': (p) =>
      `${p.url}의 attain serve가 저장소를 사용 중이지만 응답하지 않습니다(${p.reason}). 서버를 중지하거나 응답할 때까지 기다리세요`,
    'cli.server.answer': (p) =>
      `실행 중인 attain serve가 오류 설명 없이 상태 코드 ${w(String(p.status), '으로/로')} 응답했습니다`,
    'cli.server.option': (p) =>
      `attain serve가 저장소를 사용하는 동안에는 --${p.option} 옵션을 적용할 수 없습니다. 서버의 카탈로그가 사용됩니다. 다른 카탈로그를 쓰려면 서버를 중지하세요`,
    'cli.server.too-large': (p) =>
      `조직 "${p.id}"의 크기가 ${p.megabytes}MB로, 실행 중인 서버가 한 번의 요청으로 받을 수 있는 크기를 넘습니다. 서버를 중지한 뒤 직접 불러오세요`,
    'cli.server.jobs': () => 'attain serve가 이 내장 저장소의 작업을 직접 실행합니다. worker는 PostgreSQL(DATABASE_URL)용입니다',
    'cli.command.unknown': (p) =>
      `알 수 없는 명령: "${p.command}"${p.near === undefined ? '' : `. "${p.near}" 명령을 찾으셨나요?`}`,
    'cli.option.unknown': (p) =>
      `알 수 없는 옵션: --${p.option}${p.near === undefined ? '' : `. --${p.near} 옵션을 찾으셨나요?`}`,
    'cli.option.value': (p) => `--${p.option} 옵션에 값(${p.value})이 필요합니다`,
    'cli.option.choice': (p) => `--${p.option} 옵션은 ${p.choices} 중 하나여야 하지만 "${p.value}"입니다`,
    'cli.option.date': (p) => `--${p.option} 옵션은 YYYY-MM-DD 형식의 날짜여야 하지만 "${p.value}"입니다`,
    'cli.option.number': (p) =>
      p.unit === 'port'
        ? `--${p.option} 옵션은 포트 번호(0~65535)여야 하지만 "${p.value}"입니다`
        : `--${p.option} 옵션은 ${p.max === undefined ? `${p.min} 이상의` : `${p.min}~${p.max} 사이의`} 정수${
            p.unit === 'days' ? '(일수)' : ''
          }여야 하지만 "${p.value}"입니다`,
    'cli.option.nightly': (p) => `--nightly 옵션은 "분 시" 형식(예: 02:30은 "30 2")이어야 하지만 "${p.value}"입니다`,
    'cli.arguments.missing': (p) => `${p.command} 명령에 필요한 인수가 없습니다. 사용법: attain ${p.usage}`,
    'cli.organization.one': () => '조직을 하나만 지정하세요: 파일 하나 또는 --org ID 하나',
    'cli.load.no-files': (p) => `${p.paths}에 조직 파일(.json, .yaml, .yml, .ndjson, .jsonl)이 없습니다`,
    'cli.token.unknown': (p) =>
      `유효한 액세스 토큰 ${w(`"${p.id}"`, '이/가')} 없습니다(목록은 attain token list에서 볼 수 있습니다)`,
    'cli.env.number': (p) => `${p.name} 값은 MiB 단위의 정수여야 하지만 "${p.value}"입니다`,
    'cli.data-dir.not-directory': (p) =>
      `${p.dir}: 경로에 같은 이름의 파일이 있어 디렉터리를 만들 수 없습니다. 저장소에는 전용 디렉터리가 필요합니다`,
    'cli.output.failed': (p) => `출력을 쓸 수 없습니다: ${UNWRITABLE[p.reason] ?? p.reason}`,
    'load.duplicate': (p) => `조직 ${w(`"${p.id}"`, '은/는')} 이미 ${p.first}에서 불러왔으므로 이것은 불러오지 않습니다`,

    'import.busy': (p) => `가져오기를 적용하는 동안 "${p.org}" 조직이 계속 변경되었습니다(${p.attempts}회 시도). 다시 시도하세요`,
    'import.empty': () => '파일이 비어 있어 가져올 데이터가 없습니다',
    'import.kind.undetected': (p) =>
      `이 ${p.format} 파일의 내용을 알 수 없습니다${p.header ? `(머리글: ${p.header})` : ''}. 종류를 지정하세요: ${p.kinds}`,
    'import.kind.format': (p) => `${p.kind} 가져오기는 ${p.format} 형식으로 읽을 수 없습니다`,
    'import.kind.unknown': (p) => `알 수 없는 가져오기 종류 "${p.kind}"입니다. 종류는 auto, ${p.known} 중 하나입니다`,
    'import.csv.unterminated-quote': () => '따옴표로 묶인 필드가 닫히지 않았습니다. 닫는 "가 없습니다',
    'import.csv.stray-quote': () =>
      '따옴표로 묶이지 않은 필드에 "가 있거나 닫는 따옴표 뒤에 텍스트가 있습니다. 필드 전체를 따옴표로 묶고 그 안의 "는 두 번("") 쓰세요',
    'import.csv.field-count': (p) => `이 행의 필드는 ${p.actual}개이지만 머리글의 필드는 ${p.expected}개입니다`,
    'import.csv.columns': (p, f) =>
      `머리글의 열이 ${f.number(p.actual)}개로 ${f.number(p.limit)}개를 넘습니다. attain이 읽는 파일이 아닙니다`,
    'import.csv.header': (p, f) =>
      `머리글의 길이가 ${f.number(p.actual)}자로 ${f.number(p.limit)}자를 넘습니다. attain이 읽는 파일이 아닙니다`,
    'import.column.unknown': (p) => `알 수 없는 열 "${p.value}"입니다. 열은 ${p.expected}입니다`,
    'import.column.duplicate': (p) => `"${p.value}" 열이 두 번 나옵니다`,
    'import.column.missing': (p) => `"${p.field}" 열이 없습니다`,
    'import.required': (p) => `"${p.field}" 값이 필요합니다`,
    'import.date.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 올바른 날짜(${p.expected}, 실제로 있는 날짜)가 아닙니다`,
    'import.month.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 올바른 월(${p.expected})이 아닙니다`,
    'import.amount.invalid': (p) =>
      `${w(`"${p.value}"`, '은/는')} 일반 십진수 금액이 아닙니다(예: -1234.56. 지수, 천 단위 구분 기호, 통화 기호를 쓰지 마세요)`,
    'import.boolean.invalid': (p) => `${w(`"${p.value}"`, '은/는')} true 또는 false가 아닙니다`,
    'import.fx.missing': (p) => `${p.currency} 환율이 없습니다. 먼저 조직의 "fx"에 1단위의 ${p.base} 값을 추가하세요`,
    'import.customer.unknown': (p) => `고객 ${w(`"${p.value}"`, '이/가')} 조직에 없습니다. 먼저 고객 파일을 가져오세요`,
    'import.product.unknown': (p) => `제품 ${w(`"${p.value}"`, '이/가')} 카탈로그의 제품 목록에 없습니다`,
    'import.conflict': (p) => `"${p.id}"의 이름이 여기서는 "${p.value}"이지만 ${p.otherLine}행에서는 "${p.other}"입니다`,
    'import.email.invalid': (p) => `${w(`"${p.value}"`, '은/는')} 이메일 주소(이름@도메인)가 아닙니다`,
    'import.mcid.conflict': (p) => `"${p.id}"의 MCID: 여기서는 "${p.value}", ${p.otherLine}행에서는 "${p.other}"`,
    'import.period.reversed': (p) => `DPOR 기간 종료일(${p.to})이 시작일(${p.from})보다 이릅니다`,
    'import.period.incomplete': (p) => `${p.value}에 끝나는 DPOR 기간에는 시작일(dpor_from)이 필요합니다`,
    'import.org.missing': (p) => `조직 ${w(`"${p.org}"`, '이/가')} 없습니다. 먼저 조직 파일을 가져오세요`,
    'import.org.id-mismatch': (p) => `이 파일은 ${w(`"${p.expected}"`, '이/가')} 아니라 조직 "${p.value}"의 파일입니다`,
    'import.json.shape': (p) => `레코드의 JSON ${w(p.expected, '이/가')} 와야 하지만 ${p.actual}입니다`,
    'import.issues.truncated': (p) => `문제 ${p.total}개 중 처음 ${p.shown}개만 표시합니다`,
    'import.skip.not-an-exam': (p) => `${w(`"${p.title}"`, '은/는')} 시험이 아니라 ${p.type || '교육'}이므로 가져오지 않았습니다`,
    'import.skip.no-exam-code': (p) => `"${p.title}"에 시험 코드가 없어 가져오지 않았습니다`,
    'import.skip.inactive': (p) => `${p.exam}: 직원 상태가 Active가 아니라 "${p.status}"이므로 가져오지 않았습니다`,
    'import.skip.no-identity': (p) => `${p.exam}: 통과한 사람을 알 수 있는 MCPID, CorpEmail, Email이 없어 가져오지 않았습니다`,
    'import.skip.no-date': (p) => `${p.exam}: 완료 날짜가 없어 가져오지 않았습니다`,
    'import.skip.consumption-only': (p) =>
      `제품 ${w(`"${p.value}"`, '이/가')} 카탈로그의 제품 목록에 없어 이 행의 Azure 사용량만 가져왔습니다`,
    'import.skip.no-end-date': (p) => `구독 ${p.id}: 종료된 상태(${p.status})인데 종료일이 없어 가져오지 않았습니다`,
    'import.attribution.unknown': (p) => `${w(`"${p.value}"`, '은/는')} attain이 아는 귀속 유형(${p.expected})이 아닙니다`,
    'import.count.invalid': (p) =>
      `${w(`"${p.value}"`, '은/는')} 0 이상의 정수가 아닙니다(예: 25. 소수점과 천 단위 구분 기호를 쓰지 마세요)`,
    'import.state.unknown': (p) => `${w(`"${p.value}"`, '은/는')} attain이 아는 구독 상태(${p.expected})가 아닙니다`,
    'import.dates.reversed': (p) => `종료일(${p.to})이 시작일(${p.from})보다 이릅니다`,
    'import.expiry.reversed': (p) => `만료일(${p.value})이 취득일(${p.from})보다 이릅니다`,
    'import.subscription.conflict': (p) =>
      `구독 ${w(`"${p.value}"`, '이/가')} ${p.otherLine}행에도 있지만 좌석 수, 날짜 또는 상태가 다릅니다`,
    'import.exam.unknown': (p) => `카탈로그의 시험 목록에 없는 시험입니다: "${p.value}"${p.title ? ` ("${p.title}")` : ''}`,
    'import.rows.skippable': (p) =>
      `문제가 있는 ${p.rows}개 행을 제외하면 나머지 행을 가져올 수 있습니다: attain import --skip-invalid 또는 API의 skipInvalid=true`,
    'import.notice.same-name': (p) =>
      p.what === 'customer'
        ? `새 고객 ${p.id}의 이름이 ${w(p.existing, '과/와')} 같습니다("${p.name}"). 같은 고객이 두 ID로 등록된 것은 아닌가요?`
        : `새 직원 ${p.id}의 이름이 ${w(p.existing, '과/와')} 같습니다("${p.name}"). 같은 사람이 두 ID로 등록된 것은 아닌가요?`,
    'import.notice.subscription-kept': (p) =>
      `구독 ${w(p.id, '은/는')} 이미 다른 좌석 수나 날짜로 저장되어 있어 그대로 두었습니다. 가져오기는 추가만 합니다(바꾸려면 조직 전체를 바꾸세요)`,
  },
};

/** What the system's refusal to read a file means, by its code; other codes are shown as they are. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: '파일이 없습니다(ENOENT)',
  EACCES: '읽기 권한이 없습니다(EACCES)',
  EPERM: '읽기 권한이 없습니다(EPERM)',
  EISDIR: '파일이 아니라 디렉터리입니다(EISDIR)',
  EMFILE: '열린 파일이 너무 많습니다(EMFILE)',
  EIO: '디스크에서 읽을 수 없습니다(EIO)',
};

/** The YAML library's errors by code, in words; a code not listed is said in the library's English. */
const YAML_REASONS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: '탭 문자로 들여쓸 수 없습니다. 공백을 사용하세요',
  BAD_INDENT: '들여쓰기가 맞지 않거나 괄호가 닫히지 않았습니다',
  MISSING_CHAR: '닫는 따옴표나 괄호가 없습니다',
  DUPLICATE_KEY: '같은 매핑에 키가 두 번 있습니다',
  BLOCK_AS_IMPLICIT_KEY: '한 줄짜리 키-값 안에 블록 매핑을 쓸 수 없습니다',
  MULTILINE_IMPLICIT_KEY: '키는 한 줄에 써야 합니다',
  UNEXPECTED_TOKEN: '이 자리에 올 수 없는 기호가 있습니다',
  BAD_DQ_ESCAPE: '큰따옴표 문자열의 이스케이프 시퀀스가 올바르지 않습니다',
  BAD_SCALAR_START: '값을 이 문자로 시작할 수 없습니다. 따옴표로 감싸세요',
  MULTIPLE_DOCS: '파일 하나에는 문서가 하나만 있어야 합니다',
  KEY_OVER_1024_CHARS: '한 줄짜리 키는 1024자를 넘을 수 없습니다',
  NESTED_TOO_DEEPLY: '중첩이 너무 깊습니다',
  RESOURCE_EXHAUSTION: '중첩이 너무 깊거나 내용이 너무 복잡해서 읽을 수 없습니다',
};

/** What the system's refusal to write the output means, by its code. */
const UNWRITABLE: Readonly<Record<string, string>> = {
  ENOSPC: '디스크가 가득 찼습니다(ENOSPC)',
  EDQUOT: '디스크 할당량을 모두 사용했습니다(EDQUOT)',
  EFBIG: '파일이 너무 큽니다(EFBIG)',
  EIO: '디스크에 쓸 수 없습니다(EIO)',
  EACCES: '쓰기 권한이 없습니다(EACCES)',
  EPERM: '쓰기 권한이 없습니다(EPERM)',
};

function near(excerpt: string | undefined): string {
  return excerpt === undefined ? '' : ` (해당 부분: ${excerpt})`;
}
