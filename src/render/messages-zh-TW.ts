import { anyOfMessages } from '../kinds/any-of/any-of-messages.js';
import { associationName } from '../kinds/association-words.js';
import { metricMessages } from '../kinds/metric/metric-messages.js';
import { PEOPLE_WORDS, peopleMessages } from '../kinds/people/people-messages.js';
import { pointsMessages } from '../kinds/points/points-messages.js';
import { revenueMessages } from '../kinds/revenue/revenue-messages.js';
import { CREDENTIAL_WORDS } from './credential-words.js';
import type { Messages } from './messages.js';

const C = CREDENTIAL_WORDS['zh-TW'];

/** Everything attain says in Traditional Chinese; the terms are those of docs/glossary.md. */
export const zhTW: Messages = {
  levelStatus: { attained: '已達成', 'not-attained': '未達成', undetermined: '無法判定' },
  requirementStatus: { met: '已符合', 'not-met': '未符合', undetermined: '無法判定' },
  market: (m) => ({ developed: '已開發市場', developing: '開發中市場' })[m] ?? m,
  header: (org, asOf, market, catalog) => `${org} — 截至 ${asOf} · ${market} · 目錄：${catalog}`,
  version: (id) => `版本 ${id}`,
  revenueLine: (counted, required) => (required ? `${counted} / ${required}` : `${counted}（無門檻）`),
  shortBy: (amount) => `尚差 ${amount}`,
  notCounted: (a, n) => `未計入：DPOR 期間外 ${a}，非淨新增 ${n}`,
  seats: (filled, seats) => `已填補 ${filled} / ${seats} 個名額`,
  ofWhomLine: (count, people) => `其中 ${count} 人須另外通過額外測驗：${people}`,
  roleLine: (role, count, people) => `${role}（${count}）：${people}`,
  nobody: PEOPLE_WORDS['zh-TW'].nobody,
  more: PEOPLE_WORDS['zh-TW'].more,
  chosenPath: (path) => `符合途徑：${path}`,
  gapsTitle: '尚缺項目',
  warningsTitle: '已忽略的資料',
  summaryTitle: '摘要',
  ignoredReason: {
    'exam.unknown': '不在目錄中的測驗',
    'exam.future': '在評估日期之後通過的測驗',
    'exam.before-launch': '在計入專長認證之前通過的測驗',
    'exam.after-retirement': '在淘汰之後通過的測驗',
    'exam.expired': '已不再採計的測驗',
    'credential.expired': '已過有效期限的認證及其他資格',
    'revenue.unknown-product': '不在目錄產品登錄中的產品營收',
    'revenue.future': '日期在評估日期之後的營收',
  },
  ignoredOthers: (n) => `其他 ${n.toLocaleString('zh-TW')} 項`,
  ignoredMore: (n) => `…另有 ${n.toLocaleString('zh-TW')} 筆`,
  ignoredAll: '列出所有忽略的項目：--all-ignored 或 --format json。',
  allOf: (items) => `${items.join('、')} 全部`,
  oneOf: (items) => `${items.join('、')} 其中一項`,
  credential: (type, code) => C.named(type, code),
  ofWhom: (formula, count, of, extra) => `${formula}，且同樣這 ${of} 人中有 ${count} 人另外通過${extra}`,
  unknownCode: (code, facts) => `此版本的 attain 無法說明的問題（代碼 ${code}）${facts ? `：${facts}` : ''}。`,
  issueTitle: (file, count) => `${file}：發現 ${count} 個問題，未進行評估。`,
  importTitle: (file, count) => `${file}：發現 ${count} 個問題，未匯入任何資料。`,
  importMoreCauses: (n) => `…另有 ${n.toLocaleString('zh-TW')} 種原因：--format json 會列出每個問題`,
  importGroupRows: (count, lines, f) =>
    `${f.number(count)} 列${lines.length === 0 ? '' : `：第 ${lines.join('、')} 行${count > lines.length ? `…等，另有 ${f.number(count - lines.length)} 列` : ''}`}`,
  forecast: {
    title: (from, to) => `預測：${from} 至 ${to}（假設沒有新資料）`,
    noChange: '沒有變化',
    absent: '不在當時生效的目錄版本中',
    starts: (status) => `加入目錄，${status}`,
    ends: '自目錄中移除',
    times: (n) => `（${n} 次）`,
    atRiskTitle: (days) => `${days} 天內將失去的級別，以及如何避免`,
    noRisk: '這段期間不會失去任何級別。',
    lostOn: (level, date) => `${level}：將於 ${date} 失去`,
    toKeep: '若要保住（該日期的計畫）：',
  },
  plan: {
    title: (target, asOf) => `${target} 的計畫（截至 ${asOf}）`,
    cost: (people, exams) => `新進人員 ${people} 人，測驗 ${exams} 項`,
    credentialCost: (people, n) => `新進人員 ${people} 人，資格 ${n} 項`,
    alternative: (path) => `相較於${path}`,
    infeasible: '截至此日期，沒有任何計畫能達成此級別：',
    thisLevel: '此級別',
    stepsTitle: '誰應參加哪項測驗：',
    credentialStepsTitle: '誰應取得哪項資格：',
    newPerson: (id) => `${id}（新進人員）`,
    revenueTitle: '營收（無法以測驗規劃）：',
    revenueMet: '已符合',
    revenueShort: (amount) => `尚差 ${amount}`,
    noThreshold: '此市場無門檻',
    blockerTitle: '阻礙此級別、且無法以測驗解決的條件：',
    newHires: (count) => `新進人員 ${count} 人，每人`,
  },
  cli: {
    usageTitle: '用法：',
    commandHelp: (command) => `執行 attain ${command} --help 可查看所有選項。`,
    commandsHelp: '執行 attain --help 可查看所有命令。',
    internal: (message) => `內部錯誤：${message}`,
    debugHint: '設定 ATTAIN_DEBUG=1 可查看發生位置；請回報這個問題。',
    progress: (done, count, total) =>
      `已${done === 'evaluated' ? '評估' : '比較'} ${count}${total === null ? '' : ` / ${total}`} 個組織`,
    phases: {
      reading: (what) => `正在讀取 ${what}`,
      opening: (what) => `正在開啟 ${what} 中的儲存區`,
      creating: (what) => `正在 ${what} 中建立新的儲存區（僅首次使用：需要數秒）`,
      server: (what) => `正在將檔案傳送到 ${what}`,
      planning: (what) => `正在將檔案（${what}）與組織比對檢查`,
      writing: (what) => `正在以單一交易寫入 ${what} 筆記錄`,
    },
    tokenCreated: (id, role, org) => `權杖 ${id}（${role}${org ? `，組織 ${org}` : ''}）；上方的密鑰只會顯示這一次`,
    tokenLive: '有效',
    tokenRevokedOn: (at) => `已於 ${at} 撤銷`,
    tokenRevoked: (id) => `已撤銷 ${id}`,
    serving: (url, docs, store) => `attain 正在 ${url} 提供服務\n  API 參考：${docs}\n  儲存區：${store}`,
    adminToken: (secret) => `  admin 權杖（只顯示這一次）：${secret}`,
    signIn: '  請以 admin 權杖登入（`attain token create --role admin`，或以 --new-admin-token 重新啟動）',
    workerRunning: (store, concurrency, nightly) =>
      `attain worker：正在 ${store} 上執行工作（同時 ${concurrency} 個${nightly ? `，每晚 ${nightly} UTC 執行` : ''}）`,
    runDone: (id, asOf, store, organizations, seconds) =>
      `執行 ${id}（評估日期 ${asOf}，${store}）：${organizations} 個組織，耗時 ${seconds} 秒`,
    runFailed: (failed) => `，${failed} 個失敗（請見 attain run 的 JSON 或方案管理頁面）`,
    levelCount: (attained, atRisk) => `${attained} 個已達成${atRisk > 0 ? `，${atRisk} 個在 90 天內面臨風險` : ''}`,
    impactTitle: (draft, asOf, organizations, failed) =>
      `${draft} 的影響（評估日期 ${asOf}）：已比較 ${organizations} 個組織${failed > 0 ? `，${failed} 個失敗` : ''}`,
    impactTotals: (gained, lost, other, organizations) =>
      `取得 ${gained} 個級別、失去 ${lost} 個、其他變化 ${other} 個，涉及 ${organizations} 個組織`,
    impactOther: (other) => `（其他 ${other} 個）`,
    impactMore: (more) => `…… 另有 ${more} 項（--format json 會列出每一項變化）`,
    alertSecret: (id) => `警示訂閱 ${id}：上方的簽章密鑰只會顯示這一次；請交給接收端用來驗證 X-Attain-Signature`,
    alertRemoved: (id) => `已移除警示訂閱 ${id} 及其傳送紀錄`,
  },
  codes: {
    ...revenueMessages['zh-TW'],
    ...peopleMessages['zh-TW'],
    ...anyOfMessages['zh-TW'],
    ...metricMessages['zh-TW'],
    ...pointsMessages['zh-TW'],
    'revenue.excluded': (p, f) => `這些產品有 ${f.money(p.amount)} 的營收發生在客戶的 DPOR 期間之外，未予計入。`,
    'people.cap': (p, f) =>
      `單獨計算已符合，但每位人員最多只能計入 ${p.cap} 項專長認證，而所需人員已計入${f.and(p.competencies.map((c) => f.competency(c)))}。`,
    'exam.unknown': (p, f) => `${f.person(p.person)}：測驗 ${p.exam} 不在目錄中，已忽略。`,
    'exam.future': (p, f) =>
      `${f.person(p.person)}：${C.named(p.type, p.exam)} 於 ${f.date(p.passed)} ${C.earned(p.type)}，晚於評估日期，尚未計入。`,
    'exam.before-launch': (p, f) =>
      `${f.person(p.person)}：${C.named(p.type, p.exam)} 於 ${f.date(p.passed)} ${C.earned(p.type)}，早於可計入專長認證的日期（${f.date(p.launched)}），未予計入。`,
    'exam.after-retirement': (p, f) =>
      `${f.person(p.person)}：${C.named(p.type, p.exam)} 於 ${f.date(p.passed)} ${C.earned(p.type)}，晚於淘汰日期（${f.date(p.retired)}），未予計入。`,
    'exam.expired': (p, f) => `${f.person(p.person)}：${C.named(p.type, p.exam)} 僅採計至 ${f.date(p.acceptedUntil)}，未予計入。`,
    'credential.expired': (p, f) =>
      `${f.person(p.person)}：於 ${f.date(p.passed)} ${C.earned(p.type)}的${C.named(p.type, p.exam)}，有效期限至 ${f.date(p.expires)} 為止，未予計入。`,
    'revenue.unknown-product': (p) => `產品「${p.product}」不在目錄的產品清單中，其營收已忽略。`,
    'revenue.future': (p, f) => `日期為 ${f.date(p.date)} 的營收晚於評估日期，尚未計入。`,

    'revenue.enters': (p, f) => `日期為 ${f.date(p.date)} 的營收開始計入`,
    'revenue.leaves': (p, f) => `${f.date(p.date)} 的營收（${f.product(p.product)}）移出最近 12 個月`,
    'exam.counts': (p, f) => `${f.date(p.passed)} ${C.earned(p.type)}的 ${C.named(p.type, p.exam)} 開始計入`,
    'exam.expires': (p, f) => `${C.named(p.type, p.exam)} 的採計期限（${f.date(p.acceptedUntil)}）已過`,
    'credential.expires': (p, f) => `${f.person(p.person)} 的${C.named(p.type, p.exam)}有效期限（${f.date(p.expires)}）已過`,
    'dpor.starts': (p) => `DPOR 關聯（${p.customer}）開始`,
    'dpor.ends': (p) => `DPOR 關聯（${p.customer}）結束`,
    'version.starts': (p) => `目錄版本 ${p.version} 生效`,
    'association.starts': (p) => `${associationName('zh-TW', p.type)}關聯（${p.customer}）開始`,
    'association.ends': (p) => `${associationName('zh-TW', p.type)}關聯（${p.customer}）結束`,

    'plan.already-met': (p) => `人員要求條件已符合${p.pathName ? `（${p.pathName}）` : ''}，無須採取行動。`,
    'plan.single-path': () => '填補所有名額成本最低的方式：',
    'plan.only-feasible': (p) => `途徑：${p.pathName}，唯一仍可完成的途徑。`,
    'plan.cheapest': (p) => `途徑：${p.pathName}，所有途徑中成本最低。`,
    'plan.infeasible': () => '截至此日期，沒有任何計畫能達成此級別。',
    'plan.needs-hires': (p) => `不招募新進人員就無法達成（需要 ${p.hires} 位新進人員）`,
    'plan.closed': (p, f) => `無法達成：已無人能再通過${f.and(p.roles)}的測驗（尚未推出或已淘汰）`,
    'plan.limit': () => '在每人測驗數上限內無法達成',

    'org.type': (p) => `應為 ${p.expected}，實際為 ${p.actual}`,
    'org.required': (p) => `必須提供欄位「${p.field}」`,
    'org.enum': (p) => `必須是 ${p.expected} 其中之一，實際為「${p.actual}」`,
    'org.date.invalid': (p) => `「${p.value}」不是有效日期（YYYY-MM-DD，須為實際存在的日期）`,
    'org.amount.invalid': (p) => `「${p.value}」不是十進位金額（例如 1234.56）`,
    'org.count.invalid': (p) => `「${p.value}」不是零或以上的整數（例如 25）`,
    'org.fx.missing': (p) => `缺少 ${p.currency} 的匯率：請在「fx」加入一單位等於多少美元`,
    'org.fx.invalid': (p) => `匯率 ${p.value} 必須大於零`,
    'org.customer.unknown': (p) => `客戶「${p.customer}」不在「customers」清單中`,
    'org.id.duplicate': (p) => `識別碼「${p.id}」重複使用`,
    'org.id.too-long': (p, f) => `識別碼有 ${f.number(p.length)} 個字元，最多 ${f.number(p.max)} 個，因為組織的每個網址都包含它`,
    'org.email.invalid': (p) => `「${p.value}」不是電子郵件地址（名稱@網域）`,
    'org.mcid.duplicate': (p) => `MCID「${p.mcid}」已屬於 ${p.first} 的人員`,
    'org.mcid.taken': (p) =>
      `人員「${p.person}」的 MCID「${p.mcid}」已在組織「${p.organization}」中：方案一次只為一個組織計入一位人員，請先從該組織移除此人員`,
    'org.mcid.taken-elsewhere': (p) =>
      `人員「${p.person}」的 MCID「${p.mcid}」已在另一個組織中：方案一次只為一個組織計入一位人員`,
    'org.period.reversed': (p) => `期間結束日（${p.to}）早於開始日（${p.from}）`,
    'org.issues.truncated': (p) => `共 ${p.total} 個問題，僅列出前 ${p.shown} 個`,
    'org.id-mismatch': (p) => `內容中的識別碼「${p.value}」與網址中的「${p.expected}」不同`,

    'input.unreadable': (p) => `無法讀取檔案：${UNREADABLE[p.reason] ?? p.reason}`,
    'input.malformed-json': (p) =>
      `不是有效的 JSON：${
        p.found === undefined
          ? p.detail
          : p.found === ''
            ? '內容在 JSON 結束之前就已中斷'
            : `此處不應出現 ${JSON.stringify(p.found)}`
      }${near(p.excerpt)}`,
    'input.malformed-yaml': (p) => `不是有效的 YAML：${(p.reason && YAML_REASONS[p.reason]) ?? p.detail}${near(p.excerpt)}`,
    'input.date.range': (p) => `「${p.value}」超出 attain 可讀取的日期範圍（${p.first} 至 ${p.last}）`,
    'input.amount.digits': (p) =>
      `「${p.value}」的位數超過金額的上限：小數點前最多 ${p.integerDigits} 位，小數點後最多 ${p.fractionDigits} 位`,
    'input.number.inexact': (p) => `數字 ${p.value} 的位數超過 JSON 或 YAML 數字能精確保存的 15 位：請加上引號，以字串寫出`,
    'input.nul': () => '此處不允許 NUL 字元（U+0000）',
    'input.utf8': (p) => `不是 UTF-8 文字：第 ${p.offset} 個位元組（從 0 起算）不是有效的 UTF-8；請將檔案另存為 UTF-8`,
    'input.yaml.aliases': (p, f) =>
      `YAML 別名（*name）重複的內容過多：別名最多 ${f.number(p.aliases)} 個，合計最多代表 ${f.number(p.characters)} 個字元`,
    'input.rows': (p, f) => `超過 ${f.number(p.limit)} 列：請分成數個檔案`,

    'catalog.issues.truncated': (p) => `共 ${p.total} 個問題，僅列出前 ${p.shown} 個`,
    'catalog.exam.unknown': (p) => `測驗 ${p.code} 不在測驗清單中`,
    'catalog.exam.conflicting-titles': (p) => `測驗 ${p.code} 以不同名稱列出兩次（第一次在 ${p.first}）`,
    'catalog.exam.duplicate': (p) => `測驗 ${p.code} 列出兩次（第一次在 ${p.first}）`,
    'catalog.exam.retired-before-launch': (p) => `測驗 ${p.code} 的淘汰日期早於推出日期`,
    'catalog.exam.accepted-until-before-retirement': (p) => `測驗 ${p.code} 在淘汰前就停止採計：acceptedUntil 不得早於 retired`,
    'catalog.formula.repeated-exam': (p) => `測驗 ${p.code} 在同一條件中出現兩次（第一次在 ${p.first}），可能是抄寫錯誤`,
    'catalog.formula.empty': () => '此測驗清單是空的：請至少列出一項測驗',
    'catalog.formula.too-complex': (p, f) =>
      `此測驗條件展開後有 ${f.number(p.alternatives)} 種組合，超過 ${f.number(p.limit)} 種：請加以簡化`,
    'catalog.product.unknown': (p) => `產品 ${p.id} 不在產品清單中`,
    'catalog.product.duplicate': (p) => `產品識別碼或別名「${p.id}」重複使用`,
    'catalog.role.empty': (p) => `角色 ${p.role} 不需要任何人員（count 為 0）`,
    'catalog.role.of-whom-exceeds': (p) =>
      `角色 ${p.role}：同一批人員中須另外符合條件的 ${p.count} 人，不能多於角色的 ${p.of} 人（ofWhom.count 不得大於 count）`,
    'catalog.pool.empty': (p) => `人員組 ${p.pool} 沒有任何角色：請至少列出一個`,
    'catalog.people.empty': () => '此人員要求條件沒有任何人員組：請至少列出一個',
    'catalog.path.empty': () => '此途徑沒有任何要求條件，因此一定會符合：請至少列出一項',
    'catalog.version.overlap': (p) => `版本 ${p.version} 與 ${p.other} 的生效日期相同`,
    'catalog.text.missing-locale': (p) => `缺少 ${p.locale} 文字`,
    'catalog.id.duplicate': (p) => `${p.what} 識別碼「${p.id}」重複使用`,
    'catalog.date.invalid': (p) => `「${p.value}」不是有效日期（YYYY-MM-DD，須為實際存在的日期）`,
    'catalog.level.empty': (p) => `級別 ${p.level} 沒有任何要求條件，所有組織都會達成；請至少列出一項`,
    'catalog.threshold.missing-market': (p) =>
      `沒有 ${p.market} 市場的門檻，該市場的組織將無法判定；請填寫金額、以 \`all: 金額\` 適用所有市場，或在方案未公布門檻時寫 \`${p.market}: unpublished\``,
    'catalog.threshold.unknown-market': (p) => `「${p.market}」不是此目錄的市場`,
    'catalog.threshold.invalid': (p) => `門檻「${p.value}」不是零或以上的金額（請寫成 50000，或 \`unpublished\`）`,
    'catalog.level.extends-unknown': (p) => `級別 ${p.level} 延伸的「${p.extends}」不是同一選項中的級別`,
    'catalog.level.extends-cycle': (p) => `級別彼此循環延伸（${p.levels}）；其中一個必須完整列出要求條件`,
    'catalog.value.null': (p) =>
      `「${p.key}」沒有值（null）。在 YAML 的 { … } 或 [ … ] 中，逗號會結束一個項目，所以 100,000 會被讀成 100 和一個沒有值的鍵「000」：請寫成 100000，或將含逗號的文字加上引號（"Total revenue, cloud"）`,
    'catalog.schema': (p) => `此處的內容不符合目錄格式：${p.detailZhTW ?? p.detail}`,
    'catalog.format.id': (p) => `「${p.value}」不是有效的識別碼：識別碼只能包含小寫英文字母、數字和連字號`,
    'catalog.format.date': (p) => `「${p.value}」不是日期：請以引號括住，寫成 YYYY-MM-DD`,
    'catalog.format.currency': (p) => `「${p.value}」不是幣別：請寫三個字母的 ISO 4217 代碼，例如 USD`,
    'catalog.format.every-market': () => '「all」在門檻中代表所有市場；其他情況請寫出市場名稱',

    'forecast.range.reversed': (p) => `範圍的結束日（${p.to}）必須晚於開始日（${p.from}）`,
    'forecast.range.too-long': (p, f) => `範圍長達 ${f.number(p.days)} 天，最多 ${f.number(p.max)} 天`,
    'plan.unknown-person': (p) => `下列人員不在此組織中：${p.people}`,
    'plan.unknown-target': (p) => `不明的目標「${p.target}」；目標應為 ${p.known}`,

    'store.batch.failed': (p) => `此批次未寫入：${p.detail}`,
    'store.conflict': (p) => `準備此變更期間，組織「${p.id}」已被其他寫入者修改`,
    'store.not-found': (p) => `儲存區中沒有組織「${p.id}」`,
    'store.disk-full': (p) =>
      `儲存區的磁碟已滿${p.dir ? `（${p.dir}：剩餘 ${p.free} MB，保留 ${p.reserve} MB）` : ''}；釋出空間之前，所有寫入都會被拒絕`,
    'store.read-only': (p) => `無法寫入儲存區的檔案${p.dir ? `（${p.dir}）` : ''}；恢復可寫入之前，所有寫入都會被拒絕`,
    'store.unavailable': () => '資料庫沒有回應；請稍後再試',
    'store.corrupt': (p) => (p.what ? `儲存區中有無法讀取的${p.what}` : '儲存區中有 attain 無法讀取的資料；位置請見伺服器記錄'),
    'store.fault': () => '儲存區發生故障；詳情請見伺服器記錄',
    'store.locked': (p) =>
      p.pid === undefined ? `${p.dir} 正由其他處理程序使用；請先將其關閉` : `${p.dir} 正由處理程序 ${p.pid} 使用；請先將其關閉`,
    'store.migration.failed': (p) => `無法建立儲存區的資料表${p.migration ? `（${p.migration}）` : ''}：${p.reason}`,
    'store.duplicate': (p) => `有記錄的索引鍵重複：${p.detail}`,
    'store.reference.unknown': (p) => `有記錄參照了未儲存的資料：${p.detail}`,
    'store.person.unknown': (p) => `組織中沒有人員「${p.person}」：請先匯入人員`,
    'store.customer.unknown': (p) => `組織中沒有客戶「${p.customer}」：請先匯入客戶`,
    'store.organization.duplicate': (p) => `組織「${p.id}」出現兩次（第一次在 ${p.first}）`,
    'store.limit.invalid': (p) => `「${p.limit}」不是此清單可接受範圍內的整數`,
    'store.schema.invalid': (p) => `「${p.schema}」不是單純的小寫結構描述名稱`,
    'store.token.invalid': (p) => (p.role === 'admin' ? '管理員權杖不能限定於某個組織' : `${p.role} 權杖必須指定可查看的組織`),
    internal: () => '內部錯誤；詳情請見伺服器記錄',
    'compute.timeout': (p, f) => `${p.task} 的計算超過伺服器允許的時間（${f.number(p.ms)} 毫秒）；請稍後再試`,

    'serve.port.in-use': (p) => `${p.host}:${p.port} 已被使用（另一個 attain serve？）；請以 --port 指定其他連接埠`,
    'serve.port.denied': (p) => `此使用者無權使用 ${p.host}:${p.port}；請以 --port 指定 1023 以上的連接埠`,
    'serve.port.failed': (p) => `無法在 ${p.host}:${p.port} 上接聽（${p.detail}）`,
    'auth.rate-limited': (p) => `此位址的驗證失敗次數過多；請在 ${p.retryAfter} 秒後再試`,
    'auth.required': () => '請登入：傳送 Authorization: Bearer 權杖',
    'auth.invalid': () => '權杖不存在或已撤銷',
    'auth.forbidden': () => '此權杖無權執行這項操作',
    'org.not-found': () => '沒有這個組織，或此權杖無權檢視',
    'token.not-found': () => '沒有這個權杖',
    'route.not-found': () => '此位址沒有任何內容',
    'request.too-large': () => '要求內容超過伺服器可接受的大小',
    'request.parameter': (p, f) =>
      `${p.name} 必須是${p.expected === 'date' ? ' 1900-01-01 至 9999-12-31 之間的日期（YYYY-MM-DD）' : `不小於 ${f.number(p.min ?? 0)} 的整數`}，而不是「${p.value}」`,
    'request.invalid': (p) => `此要求不符合此路由的格式：${p.reason}`,
    'request.json': (p) => `內容不是 JSON：${p.reason}`,
    'program.level.invalid': (p) => `「${p.value}」不是級別（格式為 專長認證/選項/級別）`,
    'program.override.invalid': (p) => `「${p.status}」不是生命週期狀態`,
    'token.org-required': (p) => `${p.role} 權杖必須指定可查看的組織`,
    'alert.url.invalid': (p) =>
      ({
        malformed: `「${p.url}」不是有效的網址`,
        scheme: `Webhook 位址必須以 https:// 開頭，而非「${p.url}」`,
        'http-host': `只有營運者在 ATTAIN_ALERT_HTTP_HOSTS 中列出的主機可使用 http；「${p.url}」請改用 https`,
        credentials: 'Webhook 位址不得包含使用者名稱或密碼',
      })[p.reason],
    'alert.not-found': (p) => (p.id === undefined ? '沒有這個警示訂閱' : `沒有警示訂閱「${p.id}」`),
    'cli.server.unreachable': (p) =>
      `位於 ${p.url} 的 attain serve 占用此儲存區，但沒有回應（${p.reason}）；請停止它，或等它回應`,
    'cli.server.answer': (p) => `執行中的 attain serve 回應 ${p.status}，未附錯誤說明`,
    'cli.server.option': (p) =>
      `attain serve 占用此儲存區時無法套用 --${p.option}：將使用伺服器自己的目錄；若要使用其他目錄，請先停止伺服器`,
    'cli.server.too-large': (p) =>
      `組織「${p.id}」大小為 ${p.megabytes} MB，超過執行中的伺服器單次要求可接受的上限；請停止伺服器後直接載入`,
    'cli.server.jobs': () => 'attain serve 會自行執行此內嵌儲存區的工作；worker 僅用於 PostgreSQL（DATABASE_URL）',
    'cli.command.unknown': (p) => `未知的命令「${p.command}」${p.near === undefined ? '' : `；您是指「${p.near}」嗎？`}`,
    'cli.option.unknown': (p) => `未知的選項 --${p.option}${p.near === undefined ? '' : `；您是指 --${p.near} 嗎？`}`,
    'cli.option.value': (p) => `--${p.option} 需要一個值（${p.value}）`,
    'cli.option.choice': (p) => `--${p.option} 必須是 ${p.choices} 其中之一，而不是「${p.value}」`,
    'cli.option.date': (p) => `--${p.option} 必須是 YYYY-MM-DD 格式的日期，而不是「${p.value}」`,
    'cli.option.number': (p) =>
      p.unit === 'port'
        ? `--${p.option} 必須是連接埠號碼（0 至 65535），而不是「${p.value}」`
        : `--${p.option} 必須是${p.max === undefined ? `至少 ${p.min} 的整數` : `${p.min} 至 ${p.max} 的整數`}${
            p.unit === 'days' ? '（天數）' : ''
          }，而不是「${p.value}」`,
    'cli.option.nightly': (p) => `--nightly 必須是「分 時」（例如 "30 2" 表示 02:30），而不是「${p.value}」`,
    'cli.arguments.missing': (p) => `${p.command} 缺少必要的參數；用法：attain ${p.usage}`,
    'cli.organization.one': () => '請指定一個組織：一個檔案，或一個 --org ID',
    'cli.load.no-files': (p) => `${p.paths} 中沒有組織檔案（.json、.yaml、.yml、.ndjson、.jsonl）`,
    'cli.token.unknown': (p) => `沒有有效的存取權杖「${p.id}」（執行 attain token list 可列出存取權杖）`,
    'cli.env.number': (p) => `${p.name} 必須是以 MiB 為單位的整數，而不是「${p.value}」`,
    'cli.data-dir.not-directory': (p) => `${p.dir}：路徑上有同名的檔案，無法建立目錄；儲存區需要一個專用的目錄`,
    'cli.output.failed': (p) => `無法寫入輸出：${UNWRITABLE[p.reason] ?? p.reason}`,
    'load.duplicate': (p) => `組織「${p.id}」已從 ${p.first} 載入；此筆未載入`,

    'import.busy': (p) => `套用匯入期間組織「${p.org}」持續被修改（已嘗試 ${p.attempts} 次）；請再試一次`,
    'import.empty': () => '檔案是空的，沒有可匯入的資料',
    'import.kind.undetected': (p) =>
      `無法判斷此 ${p.format} 檔案的內容${p.header ? `（標題列：${p.header}）` : ''}，請指定類型：${p.kinds}`,
    'import.kind.format': (p) => `無法從 ${p.format} 讀取 ${p.kind} 匯入`,
    'import.kind.unknown': (p) => `不明的匯入類型「${p.kind}」；類型應為 auto、${p.known}`,
    'import.csv.unterminated-quote': () => '加上引號的欄位沒有結束：缺少結尾的 "',
    'import.csv.stray-quote': () =>
      '未加引號的欄位中有 "，或結尾引號後還有文字：請將整個欄位加上引號，並將欄位內的每個 " 寫成兩個 ("")',
    'import.csv.field-count': (p) => `此列有 ${p.actual} 個欄位，標題列有 ${p.expected} 個`,
    'import.csv.columns': (p, f) =>
      `標題列有 ${f.number(p.actual)} 個欄位，超過 ${f.number(p.limit)} 個：這不是 attain 可讀取的檔案`,
    'import.csv.header': (p, f) =>
      `標題列長達 ${f.number(p.actual)} 個字元，超過 ${f.number(p.limit)} 個：這不是 attain 可讀取的檔案`,
    'import.column.unknown': (p) => `不明的欄位「${p.value}」；欄位應為 ${p.expected}`,
    'import.column.duplicate': (p) => `欄位「${p.value}」出現兩次`,
    'import.column.missing': (p) => `缺少欄位「${p.field}」`,
    'import.required': (p) => `必須提供「${p.field}」`,
    'import.date.invalid': (p) => `「${p.value}」不是有效日期（${p.expected}，須為實際存在的日期）`,
    'import.month.invalid': (p) => `「${p.value}」不是有效月份（${p.expected}）`,
    'import.amount.invalid': (p) => `「${p.value}」不是一般十進位金額（例如 -1234.56：不可使用指數、千分位符號或貨幣符號）`,
    'import.boolean.invalid': (p) => `「${p.value}」不是 true 或 false`,
    'import.fx.missing': (p) => `缺少 ${p.currency} 的匯率：請先在組織的「fx」加入一單位等於多少 ${p.base}`,
    'import.customer.unknown': (p) => `客戶「${p.value}」不在組織中：請先匯入客戶檔案`,
    'import.product.unknown': (p) => `產品「${p.value}」不在目錄的產品清單中`,
    'import.conflict': (p) => `「${p.id}」在此名為「${p.value}」，但在第 ${p.otherLine} 行名為「${p.other}」`,
    'import.email.invalid': (p) => `「${p.value}」不是電子郵件地址（名稱@網域）`,
    'import.mcid.conflict': (p) => `「${p.id}」在此的 MCID 為「${p.value}」，但在第 ${p.otherLine} 行為「${p.other}」`,
    'import.period.reversed': (p) => `DPOR 期間結束日（${p.to}）早於開始日（${p.from}）`,
    'import.period.incomplete': (p) => `結束於 ${p.value} 的 DPOR 期間需要開始日（dpor_from）`,
    'import.org.missing': (p) => `組織「${p.org}」不存在：請先匯入其組織檔案`,
    'import.org.id-mismatch': (p) => `此檔案是組織「${p.value}」，而不是「${p.expected}」`,
    'import.json.shape': (p) => `應為記錄的 JSON ${p.expected}，實際為 ${p.actual}`,
    'import.issues.truncated': (p) => `共 ${p.total} 個問題，僅列出前 ${p.shown} 個`,
    'import.skip.not-an-exam': (p) => `「${p.title}」是${p.type || '訓練課程'}，不是測驗，未匯入`,
    'import.skip.no-exam-code': (p) => `「${p.title}」沒有測驗代碼，未匯入`,
    'import.skip.inactive': (p) => `${p.exam}：人員狀態為「${p.status}」而非 Active，未匯入`,
    'import.skip.no-identity': (p) => `${p.exam}：沒有可識別通過者的 MCPID、CorpEmail 或 Email，未匯入`,
    'import.skip.no-date': (p) => `${p.exam}：沒有完成日期，未匯入`,
    'import.skip.consumption-only': (p) => `產品「${p.value}」不在目錄的產品清單中：此列只匯入了 Azure 使用量`,
    'import.skip.no-end-date': (p) => `訂閱 ${p.id} 的狀態為 ${p.status}，但沒有結束日期，未匯入`,
    'import.attribution.unknown': (p) => `「${p.value}」不是 attain 認得的歸屬類型（${p.expected}）`,
    'import.count.invalid': (p) => `「${p.value}」不是零或以上的整數（例如 25：不可有小數或千分位符號）`,
    'import.state.unknown': (p) => `「${p.value}」不是 attain 認得的訂閱狀態（${p.expected}）`,
    'import.dates.reversed': (p) => `結束日（${p.to}）早於開始日（${p.from}）`,
    'import.expiry.reversed': (p) => `到期日（${p.value}）早於取得日（${p.from}）`,
    'import.subscription.conflict': (p) => `訂閱「${p.value}」也出現在第 ${p.otherLine} 行，但授權數、日期或狀態不同`,
    'import.exam.unknown': (p) => `測驗「${p.value}」${p.title ? `（「${p.title}」）` : ''}不在目錄的測驗清單中`,
    'import.rows.skippable': (p) =>
      `略過有問題的 ${p.rows} 列即可匯入其餘各列：attain import --skip-invalid，或在 API 使用 skipInvalid=true`,
    'import.notice.same-name': (p) =>
      p.what === 'customer'
        ? `新客戶 ${p.id} 與 ${p.existing} 同名（「${p.name}」）：是否為同一客戶使用了兩個識別碼？`
        : `新人員 ${p.id} 與 ${p.existing} 同名（「${p.name}」）：是否為同一人使用了兩個識別碼？`,
    'import.notice.subscription-kept': (p) =>
      `訂閱 ${p.id} 已以不同的授權數或日期儲存，維持原樣：匯入只會新增記錄（如需變更，請取代整個組織）`,
  },
};

/** What the system's refusal to read a file means, by its code; other codes are shown as they are. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: '檔案不存在（ENOENT）',
  EACCES: '沒有讀取權限（EACCES）',
  EPERM: '沒有讀取權限（EPERM）',
  EISDIR: '這是目錄，不是檔案（EISDIR）',
  EMFILE: '開啟的檔案過多（EMFILE）',
  EIO: '無法從磁碟讀取（EIO）',
};

/** The YAML library's errors by code, in words; a code not listed is said in the library's English. */
const YAML_REASONS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: '不能用 Tab 字元縮排，請改用空格',
  BAD_INDENT: '縮排不正確，或括號沒有閉合',
  MISSING_CHAR: '缺少結尾的引號或括號',
  DUPLICATE_KEY: '同一個對應中的鍵重複',
  BLOCK_AS_IMPLICIT_KEY: '區塊對應不能寫在單行的鍵值之中',
  MULTILINE_IMPLICIT_KEY: '鍵必須寫在同一行',
  UNEXPECTED_TOKEN: '此處出現了不應有的符號',
  BAD_DQ_ESCAPE: '雙引號字串中的跳脫序列無效',
  BAD_SCALAR_START: '值不能以這個字元開頭，請加上引號',
  MULTIPLE_DOCS: '一個檔案只能有一份文件',
  KEY_OVER_1024_CHARS: '單行的鍵不能超過 1024 個字元',
  NESTED_TOO_DEEPLY: '巢狀層數過多',
  RESOURCE_EXHAUSTION: '巢狀層數過多，或內容過於複雜，無法讀取',
};

/** What the system's refusal to write the output means, by its code. */
const UNWRITABLE: Readonly<Record<string, string>> = {
  ENOSPC: '磁碟已滿（ENOSPC）',
  EDQUOT: '磁碟配額已用完（EDQUOT）',
  EFBIG: '檔案過大（EFBIG）',
  EIO: '無法寫入磁碟（EIO）',
  EACCES: '沒有寫入權限（EACCES）',
  EPERM: '沒有寫入權限（EPERM）',
};

function near(excerpt: string | undefined): string {
  return excerpt === undefined ? '' : `（位於：${excerpt}）`;
}
