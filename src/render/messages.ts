import type { Locale } from '../core/localized.js';
import type { LevelStatus, RequirementStatus } from '../engine/evaluation-types.js';
import type { Formatter } from './formatter.js';

/** Parameters of a finding or issue, as the engine wrote them. */
export type Params = Readonly<Record<string, unknown>>;
type Template = (p: Params, f: Formatter) => string;

/** Everything attain says to a user, in one language. Findings and issues are keyed by their stable codes. */
export interface Messages {
  readonly levelStatus: Record<LevelStatus, string>;
  readonly requirementStatus: Record<RequirementStatus, string>;
  readonly market: (market: string) => string;
  readonly header: (org: string, asOf: string, market: string, catalog: string) => string;
  readonly version: (id: string) => string;
  readonly revenueLine: (counted: string, required: string | null) => string;
  readonly shortBy: (amount: string) => string;
  readonly notCounted: (notAssociated: string, notNetNew: string) => string;
  readonly seats: (filled: number, seats: number) => string;
  readonly roleLine: (role: string, count: number, people: string) => string;
  readonly nobody: string;
  readonly more: (n: number) => string;
  readonly chosenPath: (path: string) => string;
  readonly gapsTitle: string;
  readonly warningsTitle: string;
  readonly summaryTitle: string;
  readonly allOf: (items: readonly string[]) => string;
  readonly oneOf: (items: readonly string[]) => string;
  readonly findings: Readonly<Record<string, Template>>;
  readonly issueTitle: (file: string, count: number) => string;
  readonly importTitle: (file: string, count: number) => string;
  /** Imports: how many rows share a cause, and the first of their lines ("524 rows: lines 12, 48, … and 514 more"). */
  readonly importGroupRows: (count: number, lines: readonly number[], f: Formatter) => string;
  readonly importMoreCauses: (n: number) => string;
  readonly issues: Readonly<Record<string, Template>>;
}

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown): readonly string[] => (Array.isArray(v) ? v.map(s) : []);

const en: Messages = {
  levelStatus: { attained: 'attained', 'not-attained': 'not attained', undetermined: 'undetermined' },
  requirementStatus: { met: 'met', 'not-met': 'not met', undetermined: 'undetermined' },
  market: (m) => ({ developed: 'developed market', developing: 'developing market' })[m] ?? m,
  header: (org, asOf, market, catalog) => `${org} — as of ${asOf} · ${market} · catalog ${catalog}`,
  version: (id) => `version ${id}`,
  revenueLine: (counted, required) => (required ? `${counted} of ${required}` : `${counted} (no threshold)`),
  shortBy: (amount) => `${amount} short`,
  notCounted: (a, n) => `not counted: ${a} outside DPOR, ${n} not net new`,
  seats: (filled, seats) => `${filled} of ${seats} seats filled`,
  roleLine: (role, count, people) => `${role} (${count}): ${people}`,
  nobody: 'nobody yet',
  more: (n) => `${n} more`,
  chosenPath: (path) => `met by: ${path}`,
  gapsTitle: 'What is missing',
  warningsTitle: 'Ignored data',
  summaryTitle: 'Summary',
  allOf: (items) => `all of ${items.join(', ')}`,
  oneOf: (items) => `one of ${items.join(', ')}`,
  findings: {
    'revenue.shortfall': (p, f) =>
      `${s(p.name)}: earn ${f.money(s(p.shortfall))} more ${p.netNewOnly ? 'net new revenue' : 'revenue'} on ${f.or(list(p.products).map((x) => f.product(x)))} within the trailing twelve months, from customers that name you their Digital Partner of Record (${f.money(s(p.counted))} of ${f.money(s(p.required))} so far).`,
    'revenue.no-threshold': (p) =>
      `${s(p.name)}: this version of the program publishes no threshold for the ${s(p.marketName)}, so the level cannot be determined.`,
    'revenue.excluded': (p, f) =>
      `${f.money(s(p.amount))} of revenue on these products was dated outside its customer's DPOR period and did not count.`,
    'people.shortfall': (p, f) => peopleShortfall(p, f, en),
    'people.nearest': (p) => `Closest: ${s(p.people)}.`,
    'people.closed': (p) => `Some of these exams can no longer be taken, so no new person can qualify for ${s(p.roles)}.`,
    'paths.none-met': (p) => `${s(p.name)}: meet every requirement of one of: ${s(p.paths)}.`,
    'people.cap': (p, f) =>
      `Met on its own, but one person may count toward at most ${s(p.cap)} competenc${p.cap === 1 ? 'y' : 'ies'}, and the people it needs are counted toward ${f.and(list(p.competencies).map((c) => f.competency(c)))}.`,
    'forecast.cap-unsupported': (p) =>
      `The forecast does not support a cap on competencies per person yet (the policy sets ${s(p.cap)}); evaluate each date instead.`,
    'exam.unknown': (p, f) => `${f.person(s(p.person))}: exam ${s(p.exam)} is not in the catalog; ignored.`,
    'exam.future': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)} passed ${f.date(s(p.passed))}, after the evaluation date; not counted yet.`,
    'exam.before-launch': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)} passed ${f.date(s(p.passed))}, before it counts for competencies (${f.date(s(p.launched))}); not counted.`,
    'exam.after-retirement': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)} passed ${f.date(s(p.passed))}, after it retired (${f.date(s(p.retired))}); not counted.`,
    'exam.expired': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)} is no longer accepted after ${f.date(s(p.acceptedUntil))}; not counted.`,
    'revenue.unknown-product': (p) =>
      `Product "${s(p.product)}" is not in the catalog's product registry; its revenue is ignored.`,
    'revenue.future': (p, f) => `Revenue dated ${f.date(s(p.date))} is after the evaluation date; not counted yet.`,
  },
  issueTitle: (file, count) => `${file}: ${count} problem${count === 1 ? '' : 's'} found; nothing was evaluated.`,
  importTitle: (file, count) => `${file}: ${count} problem${count === 1 ? '' : 's'} found; nothing was imported.`,
  importMoreCauses: (n) => `… and ${n} more cause${n === 1 ? '' : 's'}: --format json lists every problem`,
  importGroupRows: (count, lines, f) =>
    `${f.number(count)} row${count === 1 ? '' : 's'}${lines.length === 0 ? '' : ` — line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${count > lines.length ? `, … and ${f.number(count - lines.length)} more` : ''}`}`,
  issues: {
    'org.type': (p) => `expected ${s(p.expected)}, found ${s(p.actual)}`,
    'org.required': (p) => `the field "${s(p.field)}" is required`,
    'org.enum': (p) => `must be one of ${s(p.expected)}, found "${s(p.actual)}"`,
    'org.date.invalid': (p) => `"${s(p.value)}" is not a date (YYYY-MM-DD, a real calendar day)`,
    'org.amount.invalid': (p) => `"${s(p.value)}" is not a decimal amount (write 1234.56)`,
    'org.fx.missing': (p) => `no exchange rate for ${s(p.currency)}: add it to "fx" as the value of one unit in USD`,
    'org.fx.invalid': (p) => `the exchange rate ${s(p.value)} must be greater than zero`,
    'org.customer.unknown': (p) => `customer "${s(p.customer)}" is not listed in "customers"`,
    'org.id.duplicate': (p) => `the id "${s(p.id)}" is used twice`,
    'org.period.reversed': (p) => `the period ends (${s(p.to)}) before it starts (${s(p.from)})`,
    'input.unreadable': (p) => `cannot read the file (${s(p.reason)})`,
    'input.malformed-json': (p) => `not valid JSON: ${s(p.detail)}`,
    'input.malformed-yaml': (p) => `not valid YAML: ${s(p.detail)}`,
    'input.date.range': (p) => `"${s(p.value)}" is outside the dates attain reads (${s(p.first)} to ${s(p.last)})`,
    'input.amount.digits': (p) =>
      `"${s(p.value)}" has more digits than an amount may: at most ${s(p.integerDigits)} before the decimal point and ${s(p.fractionDigits)} after`,
    'input.number.inexact': (p) =>
      `the number ${s(p.value)} has more digits than a JSON or YAML number holds exactly (15): write it in quotes, as a string`,
    'input.nul': () => 'a NUL character (U+0000) is not allowed here',
    'input.utf8': (p) => `not UTF-8 text: byte ${s(p.offset)} (counting from 0) is not valid UTF-8; save the file as UTF-8`,
    'input.yaml.aliases': (p, f) =>
      `the YAML aliases (*name) repeat too much: at most ${f.number(Number(p.aliases))} aliases, standing for at most ${f.number(Number(p.characters))} characters in all`,
    'input.rows': (p, f) => `more than ${f.number(Number(p.limit))} rows: split it into several files`,
    'org.issues.truncated': (p) => `only the first ${s(p.shown)} of ${s(p.total)} problems are listed`,
    'catalog.issues.truncated': (p) => `only the first ${s(p.shown)} of ${s(p.total)} problems are listed`,
    'forecast.range.reversed': (p) => `the range must end (${s(p.to)}) after it starts (${s(p.from)})`,
    'forecast.range.too-long': (p, f) => `the range is ${f.number(Number(p.days))} days long; at most ${f.number(Number(p.max))}`,
    'store.batch.failed': (p) => `the batch was not written: ${s(p.detail)}`,
    'store.conflict': (p) => `organization "${s(p.id)}" was changed by another writer while this change was prepared`,
    'import.busy': (p) =>
      `organization "${s(p.org)}" kept changing while the import was applied (${s(p.attempts)} attempts); try again`,
    'serve.port.in-use': (p) => `${s(p.host)}:${s(p.port)} is already in use (another attain serve?); choose another with --port`,
    'serve.port.denied': (p) => `${s(p.host)}:${s(p.port)} may not be used by this user; choose a port above 1023 with --port`,
    'serve.port.failed': (p) => `cannot listen on ${s(p.host)}:${s(p.port)} (${s(p.detail)})`,
    'store.not-found': (p) => `there is no organization "${s(p.id)}" in the store`,
    'store.disk-full': (p) =>
      `the store's disk is full${p.dir ? ` (${s(p.dir)}: ${s(p.free)} MB free, ${s(p.reserve)} MB kept in reserve)` : ''}; writes are refused until space is freed`,
    'store.read-only': (p) =>
      `the store's files cannot be written${p.dir ? ` (${s(p.dir)})` : ''}; writes are refused until they can be`,
    'store.unavailable': () => 'the database does not answer; try again shortly',
    'store.corrupt': (p) =>
      p.what
        ? `the store holds an unreadable ${s(p.what)}`
        : 'the store holds data attain cannot read; the server log says where',
    'store.fault': () => 'the store failed; the server log has the details',
    internal: () => 'internal error; the server log has the details',
    'auth.rate-limited': (p) => `too many failed authentications from this address; try again in ${s(p.retryAfter)} seconds`,
    'cli.server.unreachable': (p) =>
      `the attain serve at ${s(p.url)} holds the store but does not answer (${s(p.reason)}); stop it, or wait until it answers`,
    'cli.server.answer': (p) => `the running attain serve answered ${s(p.status)} without an error of its own`,
    'cli.server.option': (p) =>
      `--${s(p.option)} cannot apply while attain serve holds the store: the server's own catalog is used; stop the server to use another`,
    'cli.server.too-large': (p) =>
      `organization "${s(p.id)}" is ${s(p.megabytes)} MB, more than the running server accepts in one request; stop the server and load it directly`,
    'cli.server.jobs': () =>
      'attain serve runs the jobs of this embedded store itself; a worker is for PostgreSQL (DATABASE_URL)',
    'load.duplicate': (p) => `organization "${s(p.id)}" is already loaded from ${s(p.first)}; this one is not loaded`,
    'catalog.exam.unknown': (p) => `exam ${s(p.code)} is not in the exam registry`,
    'catalog.exam.conflicting-titles': (p) => `exam ${s(p.code)} is listed twice with different titles (first at ${s(p.first)})`,
    'catalog.exam.duplicate': (p) => `exam ${s(p.code)} is listed twice (first at ${s(p.first)})`,
    'catalog.formula.repeated-exam': (p) =>
      `exam ${s(p.code)} appears twice in one formula (first at ${s(p.first)}): a transcription error?`,
    'catalog.product.unknown': (p) => `product ${s(p.id)} is not in the product registry`,
    'catalog.role.empty': (p) => `role ${s(p.role)} needs no one (count 0)`,
    'catalog.version.overlap': (p) => `version ${s(p.version)} takes effect on the same date as ${s(p.other)}`,
    'catalog.text.missing-locale': (p) => `no ${s(p.locale)} text`,
    'catalog.id.duplicate': (p) => `the ${s(p.what)} id "${s(p.id)}" is used twice`,
    'catalog.level.empty': (p) =>
      `level ${s(p.level)} has no requirement, so every organization would attain it; state at least one`,
    'catalog.threshold.missing-market': (p) =>
      `no threshold for the ${s(p.market)} market, so no organization there could be decided; give an amount, \`all: AMOUNT\` for every market, or \`${s(p.market)}: unpublished\` if the program publishes none`,
    'catalog.level.extends-unknown': (p) =>
      `level ${s(p.level)} extends "${s(p.extends)}", which is not a level of the same option`,
    'catalog.level.extends-cycle': (p) =>
      `levels extend each other in a circle (${s(p.levels)}); one of them must state its requirements`,
    'catalog.value.null': (p) =>
      `"${s(p.key)}" has no value (null). In YAML a comma inside { … } or [ … ] ends an entry, so 100,000 reads as 100 followed by a key "000" without a value: write 100000, or quote text that holds a comma ("Total revenue, cloud")`,
    'import.empty': () => 'the file is empty: there is nothing to import',
    'import.kind.undetected': (p) =>
      `cannot tell what this ${s(p.format)} file holds${p.header ? ` (header: ${s(p.header)})` : ''}; name its kind: ${s(p.kinds)}`,
    'import.kind.format': (p) => `a ${s(p.kind)} import cannot be read from ${s(p.format)}`,
    'import.csv.unterminated-quote': () => 'a quoted field is never closed: a closing " is missing',
    'import.csv.stray-quote': () =>
      'a " inside a field that is not quoted, or text after a closing ": quote the whole field and write each " in it twice ("")',
    'import.csv.field-count': (p) => `this row has ${s(p.actual)} fields, the header has ${s(p.expected)}`,
    'import.csv.columns': (p, f) =>
      `the header has ${f.number(Number(p.actual))} columns, more than ${f.number(Number(p.limit))}: not a file attain reads`,
    'import.csv.header': (p, f) =>
      `the header is ${f.number(Number(p.actual))} characters long, more than ${f.number(Number(p.limit))}: not a file attain reads`,
    'import.column.unknown': (p) => `unknown column "${s(p.value)}"; the columns are ${s(p.expected)}`,
    'import.column.duplicate': (p) => `the column "${s(p.value)}" appears twice`,
    'import.column.missing': (p) => `the column "${s(p.field)}" is missing`,
    'import.required': (p) => `"${s(p.field)}" is required`,
    'import.date.invalid': (p) => `"${s(p.value)}" is not a date (${s(p.expected)}, a real calendar day)`,
    'import.month.invalid': (p) => `"${s(p.value)}" is not a month (${s(p.expected)})`,
    'import.amount.invalid': (p) =>
      `"${s(p.value)}" is not a plain decimal amount (write -1234.56: no exponent, no thousands separators, no currency sign)`,
    'import.boolean.invalid': (p) => `"${s(p.value)}" is not true or false`,
    'import.fx.missing': (p) =>
      `no exchange rate for ${s(p.currency)}: first add it to the organization's "fx" (the value of one unit in ${s(p.base)})`,
    'import.customer.unknown': (p) => `customer "${s(p.value)}" is not in the organization: import it first (a customers file)`,
    'import.product.unknown': (p) => `product "${s(p.value)}" is not in the catalog's product registry`,
    'import.conflict': (p) => `"${s(p.id)}" is named "${s(p.value)}" here but "${s(p.other)}" on line ${s(p.otherLine)}`,
    'import.period.reversed': (p) => `the DPOR period ends (${s(p.to)}) before it starts (${s(p.from)})`,
    'import.period.incomplete': (p) => `a DPOR period ending ${s(p.value)} needs a start (dpor_from)`,
    'import.org.missing': (p) => `the organization "${s(p.org)}" does not exist: import its organization file first`,
    'import.org.id-mismatch': (p) => `this is organization "${s(p.value)}", not "${s(p.expected)}"`,
    'compute.timeout': (p) => `the ${s(p.task)} took longer than the server allows (${s(p.ms)} ms); try again later`,
    'import.json.shape': (p) => `expected a JSON ${s(p.expected)} of records, found ${s(p.actual)}`,
    'import.issues.truncated': (p) => `only the first ${s(p.shown)} of ${s(p.total)} problems are listed`,
    'import.skip.not-an-exam': (p) => `"${s(p.title)}" is a ${s(p.type) || 'training'}, not an exam; not imported`,
    'import.skip.no-exam-code': (p) => `"${s(p.title)}" names no exam code; not imported`,
    'import.exam.unknown': (p) =>
      `exam "${s(p.value)}"${p.title ? ` ("${s(p.title)}")` : ''} is not in the catalog's exam registry`,
    'import.rows.skippable': (p) =>
      `leaving out the ${s(p.rows)} row${p.rows === 1 ? '' : 's'} with problems would import the others: attain import --skip-invalid, or skipInvalid=true in the API`,
    'import.skip.inactive': (p) => `${s(p.exam)}: the person's status is "${s(p.status)}", not Active; not imported`,
    'import.skip.no-identity': (p) => `${s(p.exam)}: no MCPID, CorpEmail or Email says who passed it; not imported`,
    'import.skip.no-date': (p) => `${s(p.exam)}: no completion date; not imported`,
    'import.skip.not-dpor': (p) => `attributed as "${s(p.attribution)}", not DPOR; not imported, so that no billing counts twice`,
    'import.notice.same-name': (p) =>
      p.what === 'customer'
        ? `new customer ${s(p.id)} has the same name as ${s(p.existing)} ("${s(p.name)}"): one customer under two ids?`
        : `new person ${s(p.id)} has the same name as ${s(p.existing)} ("${s(p.name)}"): one person under two ids?`,
  },
};

const zhTW: Messages = {
  levelStatus: { attained: '已達成', 'not-attained': '未達成', undetermined: '無法判定' },
  requirementStatus: { met: '符合', 'not-met': '不符合', undetermined: '無法判定' },
  market: (m) => ({ developed: '已開發市場', developing: '開發中市場' })[m] ?? m,
  header: (org, asOf, market, catalog) => `${org} — 截至 ${asOf} · ${market} · 目錄 ${catalog}`,
  version: (id) => `版本 ${id}`,
  revenueLine: (counted, required) => (required ? `${counted} / ${required}` : `${counted}（無門檻）`),
  shortBy: (amount) => `尚差 ${amount}`,
  notCounted: (a, n) => `未計入：DPOR 期間外 ${a}，非淨新增 ${n}`,
  seats: (filled, seats) => `已填滿 ${filled} / ${seats} 個名額`,
  roleLine: (role, count, people) => `${role}（${count}）：${people}`,
  nobody: '尚無人員',
  more: (n) => `另 ${n} 人`,
  chosenPath: (path) => `符合途徑：${path}`,
  gapsTitle: '尚缺項目',
  warningsTitle: '已忽略的資料',
  summaryTitle: '摘要',
  allOf: (items) => `${items.join('、')} 全部`,
  oneOf: (items) => `${items.join('、')} 其中一項`,
  findings: {
    'revenue.shortfall': (p, f) =>
      `${s(p.name)}：須在最近 12 個月內，從將您納入關聯為「有記錄可查的數位合作夥伴」的客戶，於 ${f.or(list(p.products).map((x) => f.product(x)))} 再賺取 ${f.money(s(p.shortfall))} 的${p.netNewOnly ? '淨新增營收' : '營收'}（目前 ${f.money(s(p.counted))} / ${f.money(s(p.required))}）。`,
    'revenue.no-threshold': (p) => `${s(p.name)}：此版本的計畫未公布${s(p.marketName)}的門檻，因此無法判定此級別。`,
    'revenue.excluded': (p, f) => `這些產品有 ${f.money(s(p.amount))} 的營收發生在客戶的 DPOR 期間之外，未予計入。`,
    'people.shortfall': (p, f) => peopleShortfall(p, f, zhTW),
    'people.nearest': (p) => `最接近的人員：${s(p.people)}。`,
    'people.closed': (p) => `其中部分測驗已無法再參加，因此不會再有新人員符合${s(p.roles)}的資格。`,
    'paths.none-met': (p) => `${s(p.name)}：須符合下列其中一個途徑的所有要求：${s(p.paths)}。`,
    'people.cap': (p, f) =>
      `單獨計算已符合，但每位人員最多只能計入 ${s(p.cap)} 項能力，而所需人員已計入 ${f.and(list(p.competencies).map((c) => f.competency(c)))}。`,
    'forecast.cap-unsupported': (p) => `預測尚不支援每人能力數上限（政策設定為 ${s(p.cap)}）；請改為逐日評估。`,
    'exam.unknown': (p, f) => `${f.person(s(p.person))}：測驗 ${s(p.exam)} 不在目錄中，已忽略。`,
    'exam.future': (p, f) => `${f.person(s(p.person))}：${s(p.exam)} 於 ${f.date(s(p.passed))} 通過，晚於評估日期，尚未計入。`,
    'exam.before-launch': (p, f) =>
      `${f.person(s(p.person))}：${s(p.exam)} 於 ${f.date(s(p.passed))} 通過，早於可計入專長認證的日期（${f.date(s(p.launched))}），未予計入。`,
    'exam.after-retirement': (p, f) =>
      `${f.person(s(p.person))}：${s(p.exam)} 於 ${f.date(s(p.passed))} 通過，晚於淘汰日期（${f.date(s(p.retired))}），未予計入。`,
    'exam.expired': (p, f) => `${f.person(s(p.person))}：${s(p.exam)} 自 ${f.date(s(p.acceptedUntil))} 後不再被接受，未予計入。`,
    'revenue.unknown-product': (p) => `產品「${s(p.product)}」不在目錄的產品清單中，其營收已忽略。`,
    'revenue.future': (p, f) => `日期為 ${f.date(s(p.date))} 的營收晚於評估日期，尚未計入。`,
  },
  issueTitle: (file, count) => `${file}：發現 ${count} 個問題，未進行評估。`,
  importTitle: (file, count) => `${file}：發現 ${count} 個問題，未匯入任何資料。`,
  importMoreCauses: (n) => `…另有 ${n} 種原因：--format json 會列出每個問題`,
  importGroupRows: (count, lines, f) =>
    `${f.number(count)} 列${lines.length === 0 ? '' : `：第 ${lines.join('、')} 行${count > lines.length ? `…等，另有 ${f.number(count - lines.length)} 列` : ''}`}`,
  issues: {
    'org.type': (p) => `應為 ${s(p.expected)}，實際為 ${s(p.actual)}`,
    'org.required': (p) => `必須提供欄位「${s(p.field)}」`,
    'org.enum': (p) => `必須是 ${s(p.expected)} 其中之一，實際為「${s(p.actual)}」`,
    'org.date.invalid': (p) => `「${s(p.value)}」不是有效日期（YYYY-MM-DD）`,
    'org.amount.invalid': (p) => `「${s(p.value)}」不是十進位金額（例如 1234.56）`,
    'org.fx.missing': (p) => `缺少 ${s(p.currency)} 的匯率：請在「fx」加入一單位等於多少美元`,
    'org.fx.invalid': (p) => `匯率 ${s(p.value)} 必須大於零`,
    'org.customer.unknown': (p) => `客戶「${s(p.customer)}」不在「customers」清單中`,
    'org.id.duplicate': (p) => `識別碼「${s(p.id)}」重複使用`,
    'org.period.reversed': (p) => `期間結束日（${s(p.to)}）早於開始日（${s(p.from)}）`,
    'input.unreadable': (p) => `無法讀取檔案（${s(p.reason)}）`,
    'input.malformed-json': (p) => `不是有效的 JSON：${s(p.detail)}`,
    'input.malformed-yaml': (p) => `不是有效的 YAML：${s(p.detail)}`,
    'input.date.range': (p) => `「${s(p.value)}」超出 attain 可讀取的日期範圍（${s(p.first)} 至 ${s(p.last)}）`,
    'input.amount.digits': (p) =>
      `「${s(p.value)}」的位數超過金額的上限：小數點前最多 ${s(p.integerDigits)} 位，小數點後最多 ${s(p.fractionDigits)} 位`,
    'input.number.inexact': (p) => `數字 ${s(p.value)} 的位數超過 JSON 或 YAML 數字能精確保存的 15 位：請加上引號，以字串寫出`,
    'input.nul': () => '此處不允許 NUL 字元（U+0000）',
    'input.utf8': (p) => `不是 UTF-8 文字：第 ${s(p.offset)} 個位元組（從 0 起算）不是有效的 UTF-8；請將檔案另存為 UTF-8`,
    'input.yaml.aliases': (p, f) =>
      `YAML 別名（*name）重複的內容過多：別名最多 ${f.number(Number(p.aliases))} 個，合計最多代表 ${f.number(Number(p.characters))} 個字元`,
    'input.rows': (p, f) => `超過 ${f.number(Number(p.limit))} 列：請分成數個檔案`,
    'org.issues.truncated': (p) => `共 ${s(p.total)} 個問題，僅列出前 ${s(p.shown)} 個`,
    'catalog.issues.truncated': (p) => `共 ${s(p.total)} 個問題，僅列出前 ${s(p.shown)} 個`,
    'forecast.range.reversed': (p) => `範圍的結束日（${s(p.to)}）必須晚於開始日（${s(p.from)}）`,
    'forecast.range.too-long': (p, f) => `範圍長達 ${f.number(Number(p.days))} 天，最多 ${f.number(Number(p.max))} 天`,
    'store.batch.failed': (p) => `此批次未寫入：${s(p.detail)}`,
    'store.conflict': (p) => `準備此變更期間，組織「${s(p.id)}」已被其他寫入者修改`,
    'import.busy': (p) => `套用匯入期間組織「${s(p.org)}」持續被修改（已嘗試 ${s(p.attempts)} 次）；請再試一次`,
    'serve.port.in-use': (p) => `${s(p.host)}:${s(p.port)} 已被使用（另一個 attain serve？）；請以 --port 指定其他連接埠`,
    'serve.port.denied': (p) => `此使用者無權使用 ${s(p.host)}:${s(p.port)}；請以 --port 指定 1023 以上的連接埠`,
    'serve.port.failed': (p) => `無法在 ${s(p.host)}:${s(p.port)} 上接聽（${s(p.detail)}）`,
    'store.not-found': (p) => `資料庫中沒有組織「${s(p.id)}」`,
    'store.disk-full': (p) =>
      `儲存區的磁碟已滿${p.dir ? `（${s(p.dir)}：剩餘 ${s(p.free)} MB，保留 ${s(p.reserve)} MB）` : ''}；釋出空間之前，所有寫入都會被拒絕`,
    'store.read-only': (p) => `無法寫入儲存區的檔案${p.dir ? `（${s(p.dir)}）` : ''}；恢復可寫入之前，所有寫入都會被拒絕`,
    'store.unavailable': () => '資料庫沒有回應；請稍後再試',
    'store.corrupt': (p) =>
      p.what ? `儲存區中有無法讀取的${s(p.what)}` : '儲存區中有 attain 無法讀取的資料；位置請見伺服器記錄',
    'store.fault': () => '儲存區發生故障；詳情請見伺服器記錄',
    internal: () => '內部錯誤；詳情請見伺服器記錄',
    'auth.rate-limited': (p) => `此位址的驗證失敗次數過多；請在 ${s(p.retryAfter)} 秒後再試`,
    'cli.server.unreachable': (p) =>
      `位於 ${s(p.url)} 的 attain serve 占用此資料庫，但沒有回應（${s(p.reason)}）；請停止它，或等它回應`,
    'cli.server.answer': (p) => `執行中的 attain serve 回應 ${s(p.status)}，未附錯誤說明`,
    'cli.server.option': (p) =>
      `attain serve 占用此資料庫時無法套用 --${s(p.option)}：將使用伺服器自己的目錄；若要使用其他目錄，請先停止伺服器`,
    'cli.server.too-large': (p) =>
      `組織「${s(p.id)}」大小為 ${s(p.megabytes)} MB，超過執行中的伺服器單次請求可接受的上限；請停止伺服器後直接載入`,
    'cli.server.jobs': () => 'attain serve 會自行執行此內嵌資料庫的工作；worker 僅用於 PostgreSQL（DATABASE_URL）',
    'load.duplicate': (p) => `組織「${s(p.id)}」已從 ${s(p.first)} 載入；此筆未載入`,
    'catalog.exam.unknown': (p) => `測驗 ${s(p.code)} 不在測驗清單中`,
    'catalog.exam.conflicting-titles': (p) => `測驗 ${s(p.code)} 以不同名稱列出兩次（第一次在 ${s(p.first)}）`,
    'catalog.exam.duplicate': (p) => `測驗 ${s(p.code)} 列出兩次（第一次在 ${s(p.first)}）`,
    'catalog.formula.repeated-exam': (p) => `測驗 ${s(p.code)} 在同一條件中出現兩次（第一次在 ${s(p.first)}），可能是抄寫錯誤`,
    'catalog.product.unknown': (p) => `產品 ${s(p.id)} 不在產品清單中`,
    'catalog.role.empty': (p) => `角色 ${s(p.role)} 不需要任何人員（count 為 0）`,
    'catalog.version.overlap': (p) => `版本 ${s(p.version)} 與 ${s(p.other)} 的生效日期相同`,
    'catalog.text.missing-locale': (p) => `缺少 ${s(p.locale)} 文字`,
    'catalog.id.duplicate': (p) => `${s(p.what)} 識別碼「${s(p.id)}」重複使用`,
    'catalog.level.empty': (p) => `級別 ${s(p.level)} 沒有任何要求條件，所有組織都會達成；請至少列出一項`,
    'catalog.threshold.missing-market': (p) =>
      `沒有 ${s(p.market)} 市場的門檻，該市場的組織將無法判定；請填寫金額、以 \`all: 金額\` 適用所有市場，或在計畫未公布門檻時寫 \`${s(p.market)}: unpublished\``,
    'catalog.level.extends-unknown': (p) => `級別 ${s(p.level)} 延伸的「${s(p.extends)}」不是同一選項中的級別`,
    'catalog.level.extends-cycle': (p) => `級別彼此循環延伸（${s(p.levels)}）；其中一個必須完整列出要求條件`,
    'catalog.value.null': (p) =>
      `「${s(p.key)}」沒有值（null）。在 YAML 的 { … } 或 [ … ] 中，逗號會結束一個項目，所以 100,000 會被讀成 100 和一個沒有值的鍵「000」：請寫成 100000，或將含逗號的文字加上引號（"Total revenue, cloud"）`,
    'import.empty': () => '檔案是空的，沒有可匯入的資料',
    'import.kind.undetected': (p) =>
      `無法判斷此 ${s(p.format)} 檔案的內容${p.header ? `（標題列：${s(p.header)}）` : ''}，請指定類型：${s(p.kinds)}`,
    'import.kind.format': (p) => `無法從 ${s(p.format)} 讀取 ${s(p.kind)} 匯入`,
    'import.csv.unterminated-quote': () => '加上引號的欄位沒有結束：缺少結尾的 "',
    'import.csv.stray-quote': () =>
      '未加引號的欄位中有 "，或結尾引號後還有文字：請將整個欄位加上引號，並將欄位內的每個 " 寫成兩個 ("")',
    'import.csv.field-count': (p) => `此列有 ${s(p.actual)} 個欄位，標題列有 ${s(p.expected)} 個`,
    'import.csv.columns': (p, f) =>
      `標題列有 ${f.number(Number(p.actual))} 個欄位，超過 ${f.number(Number(p.limit))} 個：這不是 attain 可讀取的檔案`,
    'import.csv.header': (p, f) =>
      `標題列長達 ${f.number(Number(p.actual))} 個字元，超過 ${f.number(Number(p.limit))} 個：這不是 attain 可讀取的檔案`,
    'import.column.unknown': (p) => `不明的欄位「${s(p.value)}」；欄位應為 ${s(p.expected)}`,
    'import.column.duplicate': (p) => `欄位「${s(p.value)}」出現兩次`,
    'import.column.missing': (p) => `缺少欄位「${s(p.field)}」`,
    'import.required': (p) => `必須提供「${s(p.field)}」`,
    'import.date.invalid': (p) => `「${s(p.value)}」不是有效日期（${s(p.expected)}）`,
    'import.month.invalid': (p) => `「${s(p.value)}」不是有效月份（${s(p.expected)}）`,
    'import.amount.invalid': (p) => `「${s(p.value)}」不是一般十進位金額（例如 -1234.56：不可使用指數、千分位符號或貨幣符號）`,
    'import.boolean.invalid': (p) => `「${s(p.value)}」不是 true 或 false`,
    'import.fx.missing': (p) => `缺少 ${s(p.currency)} 的匯率：請先在組織的「fx」加入一單位等於多少 ${s(p.base)}`,
    'import.customer.unknown': (p) => `客戶「${s(p.value)}」不在組織中：請先匯入客戶檔案`,
    'import.product.unknown': (p) => `產品「${s(p.value)}」不在目錄的產品清單中`,
    'import.conflict': (p) => `「${s(p.id)}」在此名為「${s(p.value)}」，但在第 ${s(p.otherLine)} 行名為「${s(p.other)}」`,
    'import.period.reversed': (p) => `DPOR 期間結束日（${s(p.to)}）早於開始日（${s(p.from)}）`,
    'import.period.incomplete': (p) => `結束於 ${s(p.value)} 的 DPOR 期間需要開始日（dpor_from）`,
    'import.org.missing': (p) => `組織「${s(p.org)}」不存在：請先匯入其組織檔案`,
    'import.org.id-mismatch': (p) => `此檔案是組織「${s(p.value)}」，而不是「${s(p.expected)}」`,
    'compute.timeout': (p) => `${s(p.task)} 的計算超過伺服器允許的時間（${s(p.ms)} 毫秒）；請稍後再試`,
    'import.json.shape': (p) => `應為記錄的 JSON ${s(p.expected)}，實際為 ${s(p.actual)}`,
    'import.issues.truncated': (p) => `共 ${s(p.total)} 個問題，僅列出前 ${s(p.shown)} 個`,
    'import.skip.not-an-exam': (p) => `「${s(p.title)}」是${s(p.type) || '訓練'}，不是測驗，未匯入`,
    'import.skip.no-exam-code': (p) => `「${s(p.title)}」沒有測驗代碼，未匯入`,
    'import.exam.unknown': (p) => `測驗「${s(p.value)}」${p.title ? `（「${s(p.title)}」）` : ''}不在目錄的測驗清單中`,
    'import.rows.skippable': (p) =>
      `略過有問題的 ${s(p.rows)} 列即可匯入其餘各列：attain import --skip-invalid，或在 API 使用 skipInvalid=true`,
    'import.skip.inactive': (p) => `${s(p.exam)}：人員狀態為「${s(p.status)}」而非 Active，未匯入`,
    'import.skip.no-identity': (p) => `${s(p.exam)}：沒有可識別通過者的 MCPID、CorpEmail 或 Email，未匯入`,
    'import.skip.no-date': (p) => `${s(p.exam)}：沒有完成日期，未匯入`,
    'import.skip.not-dpor': (p) => `歸屬類型為「${s(p.attribution)}」而非 DPOR，未匯入，以免同一筆帳單重複計算`,
    'import.notice.same-name': (p) =>
      p.what === 'customer'
        ? `新客戶 ${s(p.id)} 與 ${s(p.existing)} 同名（「${s(p.name)}」）：是否為同一客戶使用了兩個識別碼？`
        : `新人員 ${s(p.id)} 與 ${s(p.existing)} 同名（「${s(p.name)}」）：是否為同一人使用了兩個識別碼？`,
  },
};

const koKR: Messages = {
  levelStatus: { attained: '달성', 'not-attained': '미달성', undetermined: '판정 불가' },
  requirementStatus: { met: '충족', 'not-met': '미충족', undetermined: '판정 불가' },
  market: (m) => ({ developed: '선진국 시장', developing: '개발도상국 시장' })[m] ?? m,
  header: (org, asOf, market, catalog) => `${org} — ${asOf} 기준 · ${market} · 카탈로그 ${catalog}`,
  version: (id) => `버전 ${id}`,
  revenueLine: (counted, required) => (required ? `${counted} / ${required}` : `${counted}(임계값 없음)`),
  shortBy: (amount) => `${amount} 부족`,
  notCounted: (a, n) => `미산입: DPOR 기간 외 ${a}, 순 신규 아님 ${n}`,
  seats: (filled, seats) => `${seats}석 중 ${filled}석 충원`,
  roleLine: (role, count, people) => `${role}(${count}): ${people}`,
  nobody: '아직 없음',
  more: (n) => `외 ${n}명`,
  chosenPath: (path) => `충족 경로: ${path}`,
  gapsTitle: '부족한 항목',
  warningsTitle: '무시된 데이터',
  summaryTitle: '요약',
  allOf: (items) => `${items.join(', ')} 모두`,
  oneOf: (items) => `${items.join(', ')} 중 하나`,
  findings: {
    'revenue.shortfall': (p, f) =>
      `${s(p.name)}: 최근 12개월 동안 귀사를 공식 디지털 파트너(DPOR)로 지정한 고객으로부터 ${f.or(list(p.products).map((x) => f.product(x)))}에서 ${p.netNewOnly ? '순 신규 수익' : '수익'} ${f.money(s(p.shortfall))}을(를) 더 거둬야 합니다(현재 ${f.money(s(p.counted))} / ${f.money(s(p.required))}).`,
    'revenue.no-threshold': (p) =>
      `${s(p.name)}: 이 버전의 프로그램은 ${s(p.marketName)}의 임계값을 게시하지 않았으므로 이 수준을 판정할 수 없습니다.`,
    'revenue.excluded': (p, f) =>
      `이 제품의 수익 중 ${f.money(s(p.amount))}은(는) 고객의 DPOR 기간 밖에 발생하여 산입되지 않았습니다.`,
    'people.shortfall': (p, f) => peopleShortfall(p, f, koKR),
    'people.nearest': (p) => `가장 가까운 직원: ${s(p.people)}.`,
    'people.closed': (p) => `일부 시험은 더 이상 응시할 수 없으므로 새로운 직원이 ${s(p.roles)} 자격을 갖출 수 없습니다.`,
    'paths.none-met': (p) => `${s(p.name)}: 다음 경로 중 하나의 모든 요구 사항을 충족해야 합니다: ${s(p.paths)}.`,
    'people.cap': (p, f) =>
      `단독으로는 충족하지만 한 사람은 최대 ${s(p.cap)}개 역량에만 포함될 수 있으며, 필요한 인원이 이미 ${f.and(list(p.competencies).map((c) => f.competency(c)))}에 포함되어 있습니다.`,
    'forecast.cap-unsupported': (p) =>
      `예측은 아직 1인당 역량 수 상한(정책 값 ${s(p.cap)})을 지원하지 않습니다. 날짜별로 평가하십시오.`,
    'exam.unknown': (p, f) => `${f.person(s(p.person))}: 시험 ${s(p.exam)}은(는) 카탈로그에 없어 무시되었습니다.`,
    'exam.future': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)}을(를) 평가일 이후인 ${f.date(s(p.passed))}에 통과하여 아직 산입되지 않습니다.`,
    'exam.before-launch': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)}을(를) 역량 인정일(${f.date(s(p.launched))}) 이전인 ${f.date(s(p.passed))}에 통과하여 산입되지 않습니다.`,
    'exam.after-retirement': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)}을(를) 사용 중지일(${f.date(s(p.retired))}) 이후인 ${f.date(s(p.passed))}에 통과하여 산입되지 않습니다.`,
    'exam.expired': (p, f) =>
      `${f.person(s(p.person))}: ${s(p.exam)}은(는) ${f.date(s(p.acceptedUntil))} 이후 더 이상 인정되지 않습니다.`,
    'revenue.unknown-product': (p) => `제품 "${s(p.product)}"은(는) 카탈로그의 제품 목록에 없어 해당 수익이 무시되었습니다.`,
    'revenue.future': (p, f) => `${f.date(s(p.date))} 날짜의 수익은 평가일 이후이므로 아직 산입되지 않습니다.`,
  },
  issueTitle: (file, count) => `${file}: 문제 ${count}개가 발견되어 평가하지 않았습니다.`,
  importTitle: (file, count) => `${file}: 문제 ${count}개가 발견되어 아무것도 가져오지 않았습니다.`,
  importMoreCauses: (n) => `… 그 밖의 원인 ${n}가지: --format json으로 모든 문제를 볼 수 있습니다`,
  importGroupRows: (count, lines, f) =>
    `${f.number(count)}개 행${lines.length === 0 ? '' : ` — ${lines.join(', ')}행${count > lines.length ? ` 외 ${f.number(count - lines.length)}개` : ''}`}`,
  issues: {
    'org.type': (p) => `${s(p.expected)}이(가) 필요하지만 ${s(p.actual)}입니다`,
    'org.required': (p) => `"${s(p.field)}" 필드가 필요합니다`,
    'org.enum': (p) => `${s(p.expected)} 중 하나여야 하지만 "${s(p.actual)}"입니다`,
    'org.date.invalid': (p) => `"${s(p.value)}"은(는) 올바른 날짜(YYYY-MM-DD)가 아닙니다`,
    'org.amount.invalid': (p) => `"${s(p.value)}"은(는) 십진수 금액이 아닙니다(예: 1234.56)`,
    'org.fx.missing': (p) => `${s(p.currency)} 환율이 없습니다: "fx"에 1단위의 USD 값을 추가하세요`,
    'org.fx.invalid': (p) => `환율 ${s(p.value)}은(는) 0보다 커야 합니다`,
    'org.customer.unknown': (p) => `고객 "${s(p.customer)}"이(가) "customers"에 없습니다`,
    'org.id.duplicate': (p) => `ID "${s(p.id)}"이(가) 두 번 사용되었습니다`,
    'org.period.reversed': (p) => `기간 종료일(${s(p.to)})이 시작일(${s(p.from)})보다 이릅니다`,
    'input.unreadable': (p) => `파일을 읽을 수 없습니다(${s(p.reason)})`,
    'input.malformed-json': (p) => `올바른 JSON이 아닙니다: ${s(p.detail)}`,
    'input.malformed-yaml': (p) => `올바른 YAML이 아닙니다: ${s(p.detail)}`,
    'input.date.range': (p) => `"${s(p.value)}": 읽을 수 있는 날짜 범위(${s(p.first)}~${s(p.last)})를 벗어났습니다`,
    'input.amount.digits': (p) =>
      `"${s(p.value)}": 금액의 자릿수가 너무 많습니다. 소수점 앞은 최대 ${s(p.integerDigits)}자리, 소수점 뒤는 최대 ${s(p.fractionDigits)}자리입니다`,
    'input.number.inexact': (p) =>
      `숫자 ${s(p.value)}의 자릿수가 JSON·YAML 숫자로 정확히 보존되는 15자리를 넘습니다. 따옴표로 감싸 문자열로 쓰세요`,
    'input.nul': () => 'NUL 문자(U+0000)는 여기에 쓸 수 없습니다',
    'input.utf8': (p) =>
      `UTF-8 텍스트가 아닙니다. ${s(p.offset)}번째 바이트(0부터 셈)가 올바른 UTF-8이 아닙니다. 파일을 UTF-8로 저장하세요`,
    'input.yaml.aliases': (p, f) =>
      `YAML 별칭(*name)으로 반복되는 내용이 너무 많습니다. 별칭은 최대 ${f.number(Number(p.aliases))}개, 모두 합쳐 최대 ${f.number(Number(p.characters))}자까지입니다`,
    'input.rows': (p, f) => `행 수가 ${f.number(Number(p.limit))}개를 넘습니다. 여러 파일로 나누세요`,
    'org.issues.truncated': (p) => `문제 ${s(p.total)}개 중 처음 ${s(p.shown)}개만 표시합니다`,
    'catalog.issues.truncated': (p) => `문제 ${s(p.total)}개 중 처음 ${s(p.shown)}개만 표시합니다`,
    'forecast.range.reversed': (p) => `범위의 종료일(${s(p.to)})은 시작일(${s(p.from)})보다 늦어야 합니다`,
    'forecast.range.too-long': (p, f) =>
      `범위가 ${f.number(Number(p.days))}일입니다. 최대 ${f.number(Number(p.max))}일까지입니다`,
    'store.batch.failed': (p) => `이 배치는 기록되지 않았습니다: ${s(p.detail)}`,
    'store.conflict': (p) => `이 변경을 준비하는 동안 다른 작성자가 "${s(p.id)}" 조직을 변경했습니다`,
    'import.busy': (p) =>
      `가져오기를 적용하는 동안 "${s(p.org)}" 조직이 계속 변경되었습니다(${s(p.attempts)}회 시도). 다시 시도하세요`,
    'serve.port.in-use': (p) =>
      `${s(p.host)}:${s(p.port)} 주소는 이미 사용 중입니다(다른 attain serve?). --port로 다른 포트를 지정하세요`,
    'serve.port.denied': (p) =>
      `이 사용자는 ${s(p.host)}:${s(p.port)} 주소를 사용할 수 없습니다. --port로 1023보다 큰 포트를 지정하세요`,
    'serve.port.failed': (p) => `${s(p.host)}:${s(p.port)}에서 연결을 받을 수 없습니다(${s(p.detail)})`,
    'store.not-found': (p) => `저장소에 "${s(p.id)}" 조직이 없습니다`,
    'store.disk-full': (p) =>
      `저장소 디스크가 가득 찼습니다${p.dir ? ` (${s(p.dir)}: 남은 공간 ${s(p.free)} MB, 예비 공간 ${s(p.reserve)} MB)` : ''}. 공간을 확보할 때까지 쓰기는 거부됩니다`,
    'store.read-only': (p) =>
      `저장소 파일에 쓸 수 없습니다${p.dir ? ` (${s(p.dir)})` : ''}. 쓸 수 있게 될 때까지 쓰기는 거부됩니다`,
    'store.unavailable': () => '데이터베이스가 응답하지 않습니다. 잠시 후 다시 시도하세요',
    'store.corrupt': (p) =>
      p.what
        ? `저장소에 읽을 수 없는 값이 있습니다: ${s(p.what)}`
        : '저장소에 attain에서 읽을 수 없는 데이터가 있습니다. 위치는 서버 로그에서 확인하세요',
    'store.fault': () => '저장소에 장애가 발생했습니다. 자세한 내용은 서버 로그에서 확인하세요',
    internal: () => '내부 오류입니다. 자세한 내용은 서버 로그에서 확인하세요',
    'auth.rate-limited': (p) => `이 주소에서 인증에 실패한 횟수가 너무 많습니다. ${s(p.retryAfter)}초 후에 다시 시도하세요`,
    'cli.server.unreachable': (p) =>
      `${s(p.url)}의 attain serve가 저장소를 사용 중이지만 응답하지 않습니다(${s(p.reason)}). 서버를 중지하거나 응답할 때까지 기다리세요`,
    'cli.server.answer': (p) => `실행 중인 attain serve가 오류 설명 없이 상태 코드 ${s(p.status)}로 응답했습니다`,
    'cli.server.option': (p) =>
      `attain serve가 저장소를 사용하는 동안에는 --${s(p.option)} 옵션을 적용할 수 없습니다. 서버의 카탈로그가 사용됩니다. 다른 카탈로그를 쓰려면 서버를 중지하세요`,
    'cli.server.too-large': (p) =>
      `조직 "${s(p.id)}"의 크기가 ${s(p.megabytes)}MB로, 실행 중인 서버가 한 번의 요청으로 받을 수 있는 크기를 넘습니다. 서버를 중지한 뒤 직접 불러오세요`,
    'cli.server.jobs': () => 'attain serve가 이 내장 저장소의 작업을 직접 실행합니다. worker는 PostgreSQL(DATABASE_URL)용입니다',
    'load.duplicate': (p) => `조직 "${s(p.id)}"은(는) 이미 ${s(p.first)}에서 불러왔으므로 이것은 불러오지 않습니다`,
    'catalog.exam.unknown': (p) => `시험 ${s(p.code)}이(가) 시험 목록에 없습니다`,
    'catalog.exam.conflicting-titles': (p) =>
      `시험 ${s(p.code)}이(가) 서로 다른 제목으로 두 번 나열되었습니다(처음: ${s(p.first)})`,
    'catalog.exam.duplicate': (p) => `시험 ${s(p.code)}이(가) 두 번 나열되었습니다(처음: ${s(p.first)})`,
    'catalog.formula.repeated-exam': (p) =>
      `시험 ${s(p.code)}이(가) 한 조건에 두 번 나옵니다(처음: ${s(p.first)}). 옮겨 적기 오류일 수 있습니다`,
    'catalog.product.unknown': (p) => `제품 ${s(p.id)}이(가) 제품 목록에 없습니다`,
    'catalog.role.empty': (p) => `역할 ${s(p.role)}에 필요한 인원이 없습니다(count 0)`,
    'catalog.version.overlap': (p) => `버전 ${s(p.version)}의 시행일이 ${s(p.other)}과(와) 같습니다`,
    'catalog.text.missing-locale': (p) => `${s(p.locale)} 텍스트가 없습니다`,
    'catalog.id.duplicate': (p) => `${s(p.what)} ID "${s(p.id)}"이(가) 두 번 사용되었습니다`,
    'catalog.level.empty': (p) =>
      `수준 ${s(p.level)}에 요구 사항이 하나도 없어 모든 조직이 달성하게 됩니다. 요구 사항을 하나 이상 적으십시오`,
    'catalog.threshold.missing-market': (p) =>
      `${s(p.market)} 시장의 기준 금액이 없어 해당 시장의 조직은 판정할 수 없습니다. 금액을 적거나, 모든 시장에 같은 금액이면 \`all: 금액\`, 프로그램이 기준을 공개하지 않았다면 다음과 같이 적으십시오: \`${s(p.market)}: unpublished\``,
    'catalog.level.extends-unknown': (p) =>
      `수준 ${s(p.level)}의 extends 값 "${s(p.extends)}"에 해당하는 수준이 같은 옵션에 없습니다`,
    'catalog.level.extends-cycle': (p) =>
      `수준들이 서로를 순환하여 확장합니다(${s(p.levels)}). 그중 하나는 요구 사항을 모두 적어야 합니다`,
    'catalog.value.null': (p) =>
      `"${s(p.key)}"에 값이 없습니다(null). YAML의 { … } 또는 [ … ] 안에서는 쉼표가 항목을 나누므로 100,000은 100과 값 없는 키 "000"으로 읽힙니다. 100000으로 쓰거나, 쉼표가 들어간 텍스트는 따옴표로 감싸십시오("Total revenue, cloud")`,
    'import.empty': () => '파일이 비어 있어 가져올 데이터가 없습니다',
    'import.kind.undetected': (p) =>
      `이 ${s(p.format)} 파일의 내용을 알 수 없습니다${p.header ? `(머리글: ${s(p.header)})` : ''}. 종류를 지정하세요: ${s(p.kinds)}`,
    'import.kind.format': (p) => `${s(p.kind)} 가져오기는 ${s(p.format)} 형식으로 읽을 수 없습니다`,
    'import.csv.unterminated-quote': () => '따옴표로 묶인 필드가 닫히지 않았습니다: 닫는 "가 없습니다',
    'import.csv.stray-quote': () =>
      '따옴표로 묶이지 않은 필드에 "가 있거나 닫는 따옴표 뒤에 텍스트가 있습니다: 필드 전체를 따옴표로 묶고 그 안의 "는 두 번("") 쓰세요',
    'import.csv.field-count': (p) => `이 행의 필드는 ${s(p.actual)}개이지만 머리글의 필드는 ${s(p.expected)}개입니다`,
    'import.csv.columns': (p, f) =>
      `머리글의 열이 ${f.number(Number(p.actual))}개로 ${f.number(Number(p.limit))}개를 넘습니다. attain이 읽는 파일이 아닙니다`,
    'import.csv.header': (p, f) =>
      `머리글의 길이가 ${f.number(Number(p.actual))}자로 ${f.number(Number(p.limit))}자를 넘습니다. attain이 읽는 파일이 아닙니다`,
    'import.column.unknown': (p) => `알 수 없는 열 "${s(p.value)}"입니다. 열은 ${s(p.expected)}입니다`,
    'import.column.duplicate': (p) => `"${s(p.value)}" 열이 두 번 나옵니다`,
    'import.column.missing': (p) => `"${s(p.field)}" 열이 없습니다`,
    'import.required': (p) => `"${s(p.field)}" 값이 필요합니다`,
    'import.date.invalid': (p) => `"${s(p.value)}"은(는) 올바른 날짜(${s(p.expected)})가 아닙니다`,
    'import.month.invalid': (p) => `"${s(p.value)}"은(는) 올바른 월(${s(p.expected)})이 아닙니다`,
    'import.amount.invalid': (p) =>
      `"${s(p.value)}"은(는) 일반 십진수 금액이 아닙니다(예: -1234.56. 지수, 천 단위 구분 기호, 통화 기호를 쓰지 마세요)`,
    'import.boolean.invalid': (p) => `"${s(p.value)}"은(는) true 또는 false가 아닙니다`,
    'import.fx.missing': (p) => `${s(p.currency)} 환율이 없습니다: 먼저 조직의 "fx"에 1단위의 ${s(p.base)} 값을 추가하세요`,
    'import.customer.unknown': (p) => `고객 "${s(p.value)}"이(가) 조직에 없습니다: 먼저 고객 파일을 가져오세요`,
    'import.product.unknown': (p) => `제품 "${s(p.value)}"이(가) 카탈로그의 제품 목록에 없습니다`,
    'import.conflict': (p) =>
      `"${s(p.id)}"의 이름이 여기서는 "${s(p.value)}"이지만 ${s(p.otherLine)}행에서는 "${s(p.other)}"입니다`,
    'import.period.reversed': (p) => `DPOR 기간 종료일(${s(p.to)})이 시작일(${s(p.from)})보다 이릅니다`,
    'import.period.incomplete': (p) => `${s(p.value)}에 끝나는 DPOR 기간에는 시작일(dpor_from)이 필요합니다`,
    'import.org.missing': (p) => `조직 "${s(p.org)}"이(가) 없습니다: 먼저 조직 파일을 가져오세요`,
    'import.org.id-mismatch': (p) => `이 파일은 "${s(p.expected)}"이(가) 아니라 조직 "${s(p.value)}"의 파일입니다`,
    'compute.timeout': (p) => `${s(p.task)} 계산이 서버가 허용하는 시간(${s(p.ms)}ms)을 넘었습니다. 잠시 후 다시 시도하세요`,
    'import.json.shape': (p) => `레코드의 JSON ${s(p.expected)}이(가) 필요하지만 ${s(p.actual)}입니다`,
    'import.issues.truncated': (p) => `문제 ${s(p.total)}개 중 처음 ${s(p.shown)}개만 표시합니다`,
    'import.skip.not-an-exam': (p) => `"${s(p.title)}"은(는) 시험이 아니라 ${s(p.type) || '교육'}이므로 가져오지 않았습니다`,
    'import.skip.no-exam-code': (p) => `"${s(p.title)}"에 시험 코드가 없어 가져오지 않았습니다`,
    'import.exam.unknown': (p) => `카탈로그의 시험 목록에 없는 시험입니다: "${s(p.value)}"${p.title ? ` ("${s(p.title)}")` : ''}`,
    'import.rows.skippable': (p) =>
      `문제가 있는 ${s(p.rows)}개 행을 제외하면 나머지 행을 가져올 수 있습니다: attain import --skip-invalid 또는 API의 skipInvalid=true`,
    'import.skip.inactive': (p) => `${s(p.exam)}: 직원 상태가 Active가 아니라 "${s(p.status)}"이므로 가져오지 않았습니다`,
    'import.skip.no-identity': (p) => `${s(p.exam)}: 통과한 사람을 알 수 있는 MCPID, CorpEmail, Email이 없어 가져오지 않았습니다`,
    'import.skip.no-date': (p) => `${s(p.exam)}: 완료 날짜가 없어 가져오지 않았습니다`,
    'import.skip.not-dpor': (p) =>
      `귀속 유형이 DPOR가 아니라 "${s(p.attribution)}"이므로 같은 청구액이 두 번 산입되지 않도록 가져오지 않았습니다`,
    'import.notice.same-name': (p) =>
      p.what === 'customer'
        ? `새 고객 ${s(p.id)}의 이름이 ${s(p.existing)}과(와) 같습니다("${s(p.name)}"). 같은 고객이 두 ID로 등록된 것은 아닌가요?`
        : `새 직원 ${s(p.id)}의 이름이 ${s(p.existing)}과(와) 같습니다("${s(p.name)}"). 같은 사람이 두 ID로 등록된 것은 아닌가요?`,
  },
};

/**
 * A pool that cannot be filled, said in terms a practice lead can act on: which seats, who qualifies, how many
 * more people must pass what, and who is closest. Sentences differ per language; the facts come from `p`.
 */
function peopleShortfall(p: Params, f: Formatter, m: Messages): string {
  const roles = (p.roleDetails as readonly { name: string; count: number; formula: string }[] | undefined) ?? [];
  const qualified = list(p.qualified);
  const who = qualified.length > 0 ? f.people(qualified, 5, m.more) : m.nobody;
  const shortfall = Number(p.shortfall);
  const seats = Number(p.seats);
  const texts: Record<Locale, () => string> = {
    en: () =>
      roles.length === 1 && qualified.length === 0
        ? `${roles[0]?.name}: ${seats} seat${seats === 1 ? '' : 's'} and nobody qualifies yet: ${shortfall} ${shortfall === 1 ? 'person' : 'people'} must pass ${roles[0]?.formula}.`
        : roles.length === 1
          ? `${roles[0]?.name}: ${seats} seat${seats === 1 ? '' : 's'}, but only ${qualified.length} qualified ${qualified.length === 1 ? 'person' : 'people'} (${who}). ${shortfall} more ${shortfall === 1 ? 'person' : 'people'} must pass ${roles[0]?.formula}.`
          : `${f.and(roles.map((r) => `${r.name} (${r.count})`))} need ${seats} different people, but only ${qualified.length} ${qualified.length === 1 ? 'qualifies' : 'qualify'} for any of them (${who}). ${shortfall} more ${shortfall === 1 ? 'person' : 'people'} must qualify: ${roles.map((r) => `${r.name}: ${r.formula}`).join('; ')}.`,
    'zh-TW': () =>
      roles.length === 1 && qualified.length === 0
        ? `${roles[0]?.name}：需要 ${seats} 人，目前無人符合資格：須有 ${shortfall} 人通過${roles[0]?.formula}。`
        : roles.length === 1
          ? `${roles[0]?.name}：需要 ${seats} 人，但只有 ${qualified.length} 人符合資格（${who}）。還需要 ${shortfall} 人通過${roles[0]?.formula}。`
          : `${f.and(roles.map((r) => `${r.name}（${r.count}）`))} 共需要 ${seats} 位不同人員，但只有 ${qualified.length} 人符合其中任一角色（${who}）。還需要 ${shortfall} 人取得資格：${roles.map((r) => `${r.name}：${r.formula}`).join('；')}。`,
    'ko-KR': () =>
      roles.length === 1 && qualified.length === 0
        ? `${roles[0]?.name}: ${seats}명이 필요하지만 아직 자격을 갖춘 직원이 없습니다. ${shortfall}명이 ${roles[0]?.formula}을(를) 통과해야 합니다.`
        : roles.length === 1
          ? `${roles[0]?.name}: ${seats}명이 필요하지만 자격을 갖춘 직원은 ${qualified.length}명(${who})뿐입니다. ${shortfall}명이 더 ${roles[0]?.formula}을(를) 통과해야 합니다.`
          : `${f.and(roles.map((r) => `${r.name}(${r.count})`))}에는 서로 다른 직원 ${seats}명이 필요하지만 어느 역할이든 자격을 갖춘 직원은 ${qualified.length}명(${who})뿐입니다. ${shortfall}명이 더 자격을 갖춰야 합니다: ${roles.map((r) => `${r.name}: ${r.formula}`).join('; ')}.`,
  };
  return texts[f.locale]();
}

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, 'zh-TW': zhTW, 'ko-KR': koKR };
