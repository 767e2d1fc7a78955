import type { CredentialType } from '../catalog/catalog-types.js';
import type { AnyOfMessageParams } from '../kinds/any-of/any-of-messages.js';
import type { MetricMessageParams } from '../kinds/metric/metric-messages.js';
import type { PeopleMessageParams } from '../kinds/people/people-messages.js';
import type { PointsMessageParams } from '../kinds/points/points-messages.js';
import type { RevenueMessageParams } from '../kinds/revenue/revenue-messages.js';
import type { Issue } from './attain-error.js';

export type { NearestCandidate, ShortRole } from '../kinds/people/people-messages.js';

/** A position in a text input, added to an issue's parameters by readers that know it. */
export interface TextPosition {
  readonly line?: number;
  readonly column?: number;
}

/**
 * Every coded finding and issue attain emits, with the type of its parameters: the one contract between the code
 * that finds a problem and the message tables that say it (`src/render/messages-*.ts`). A table without a code, or
 * a template reading a parameter its code does not have, does not compile. Adding a code: add it here, then a
 * template to each language's table (the compiler lists what is missing); a requirement kind's own codes are added
 * in its folder instead (`kinds/<kind>/<kind>-messages.ts`), parameters and templates together.
 *
 * Parameters are what crosses the wire (`Finding.params`, `Issue.params`); the renderer may add context of its own
 * (a requirement's name) before a template sees them, see `TemplateParams`.
 */
export interface MessageParams
  extends RevenueMessageParams,
    PeopleMessageParams,
    AnyOfMessageParams,
    MetricMessageParams,
    PointsMessageParams {
  // Gaps: what a level misses, from the engine (each kind's own codes come from its folder, see `extends`).
  'revenue.excluded': { amount: string };
  'people.cap': { cap: number; competencies: readonly string[] };

  // Warnings: data the engine ignored.
  'exam.unknown': { exam: string; person: string };
  // `type` is present for credentials other than exams (assessments, certifications), so texts name them by it.
  'exam.future': { exam: string; person: string; passed: string; type?: CredentialType };
  'exam.before-launch': { exam: string; person: string; passed: string; launched: string; type?: CredentialType };
  'exam.after-retirement': { exam: string; person: string; passed: string; retired: string; type?: CredentialType };
  'exam.expired': { exam: string; person: string; passed: string; acceptedUntil: string; type?: CredentialType };
  /** The credential's own validity ended (a certification's term, or the pass's `expires`), not the registry's grace. */
  'credential.expired': { exam: string; type: CredentialType; person: string; passed: string; expires: string };
  'revenue.unknown-product': { product: string };
  'revenue.future': { date: string };

  // Organization documents.
  'org.type': { expected: string; actual: string };
  'org.required': { field: string };
  'org.enum': { expected: string; actual: string };
  'org.date.invalid': { value: string };
  'org.amount.invalid': { value: string };
  'org.count.invalid': { value: string };
  'org.fx.missing': { currency: string };
  'org.fx.invalid': { value: string };
  'org.customer.unknown': { customer: string };
  'org.id.duplicate': { id: string };
  'org.id.too-long': { length: number; max: number };
  'org.mcid.duplicate': { mcid: string; first: string };
  'org.email.invalid': { value: string };
  /** Another organization lists the individual; named for an admin (and the CLI), which may see every organization. */
  'org.mcid.taken': { mcid: string; person: string; organization: string };
  /** The same, for a token that may not see the other organization. */
  'org.mcid.taken-elsewhere': { mcid: string; person: string };
  'org.period.reversed': { from: string; to: string };
  'org.issues.truncated': { shown: number; total: number };
  'org.id-mismatch': { value: string; expected: string };

  // Any structured input.
  'input.unreadable': { reason: string };
  /**
   * `detail` is the parser's own (English) words; `found` what stands where the text stops being JSON ('' at its
   * end) and `excerpt` the line around it, when the reader could tell (every reader since the shared one).
   */
  'input.malformed-json': { detail: string; found?: string; excerpt?: string };
  /** `reason` is the YAML library's error code (`TAB_AS_INDENT`), said in each language; `detail` its English words. */
  'input.malformed-yaml': { detail: string; reason?: string; excerpt?: string };
  'input.date.range': { value: string; first: string; last: string };
  'input.amount.digits': { value: string; integerDigits: number; fractionDigits: number };
  'input.number.inexact': { value: string };
  'input.nul': Record<never, never>;
  'input.utf8': { offset: number };
  'input.yaml.aliases': { aliases: number; characters: number };
  'input.rows': { limit: number };

  // Catalogs.
  'catalog.issues.truncated': { shown: number; total: number };
  'catalog.exam.unknown': { code: string };
  'catalog.exam.conflicting-titles': { code: string; first: string };
  'catalog.exam.duplicate': { code: string; first: string };
  'catalog.exam.retired-before-launch': { code: string };
  'catalog.exam.accepted-until-before-retirement': { code: string };
  'catalog.formula.repeated-exam': { code: string; first: string };
  'catalog.formula.empty': Record<never, never>;
  'catalog.formula.too-complex': { alternatives: number; limit: number };
  'catalog.product.unknown': { id: string };
  'catalog.product.duplicate': { id: string };
  'catalog.role.empty': { role: string };
  'catalog.role.of-whom-exceeds': { role: string; count: number; of: number };
  'catalog.pool.empty': { pool: string };
  'catalog.people.empty': Record<never, never>;
  'catalog.path.empty': Record<never, never>;
  'catalog.version.overlap': { version: string; other: string };
  'catalog.text.missing-locale': { locale: string };
  'catalog.id.duplicate': { id: string; what: string };
  'catalog.date.invalid': { value: string };
  'catalog.level.empty': { level: string };
  'catalog.threshold.missing-market': { market: string };
  'catalog.threshold.unknown-market': { market: string };
  'catalog.threshold.invalid': { value: string };
  'catalog.level.extends-unknown': { level: string; extends: string };
  'catalog.level.extends-cycle': { levels: string };
  'catalog.value.null': { key: string };
  /** Any structural problem the schema finds: `catalog.schema.<zod code>` is rendered with this template. */
  /** zod's words in English, and in Chinese and Korean when the issue was found by a version that says them. */
  'catalog.schema': { detail: string; detailZhTW?: string; detailKoKR?: string };
  'catalog.format.id': { value: string };
  'catalog.format.date': { value: string };
  'catalog.format.currency': { value: string };
  'catalog.format.every-market': { value: string };

  // Forecasts: why a level changes on a day.
  'revenue.enters': { date: string; customer: string; product: string; amount: string; currency: string };
  'revenue.leaves': { date: string; customer: string; product: string; amount: string; currency: string };
  'exam.counts': { person: string; exam: string; passed: string; type?: CredentialType };
  /** The registry stops accepting the credential (retirement's grace ended); `credential.expires` is the pass's own term. */
  'exam.expires': { person: string; exam: string; passed: string; acceptedUntil: string; type?: CredentialType };
  'credential.expires': { person: string; exam: string; type: CredentialType; passed: string; expires: string };
  'dpor.starts': { customer: string; date: string };
  'dpor.ends': { customer: string; date: string };
  /** An association of another type than DPOR (`type`), for the policy or the kinds that read associations. */
  'association.starts': { customer: string; type: string; date: string };
  'association.ends': { customer: string; type: string; date: string };
  'version.starts': { competency: string; version: string };

  // Plans: why this path, or why an alternative is impossible.
  'plan.already-met': { path: string | null };
  'plan.single-path': { newPeople: number; exams: number };
  'plan.only-feasible': { path: string | null; newPeople: number; exams: number };
  'plan.cheapest': { path: string | null; newPeople: number; exams: number };
  'plan.infeasible': Record<never, never>;
  'plan.needs-hires': { hires: number };
  /** The roles nobody can newly qualify for: ids as the planner writes them, names once rendered. */
  'plan.closed': { roles: readonly string[] };
  'plan.limit': { roles: readonly string[] };

  // Forecasts and plans refused.
  'forecast.range.reversed': { from: string; to: string };
  'forecast.range.too-long': { days: number; max: number };
  'plan.unknown-person': { people: string };
  'plan.unknown-target': { target: string; known: string };

  // The store.
  'store.batch.failed': { detail: string };
  'store.conflict': { id: string };
  'store.not-found': { id: string };
  'store.disk-full': { dir?: string; free?: number; reserve?: number };
  'store.read-only': { dir?: string };
  'store.unavailable': Record<never, never>;
  'store.corrupt': { what?: string };
  'store.fault': Record<never, never>;
  'store.locked': { dir: string; pid?: number };
  'store.migration.failed': { migration: string; reason: string };
  'store.duplicate': { constraint: string; detail: string };
  'store.reference.unknown': { constraint: string; detail: string };
  'store.person.unknown': { person: string };
  'store.customer.unknown': { customer: string };
  'store.organization.duplicate': { id: string; first: string };
  'store.limit.invalid': { limit: string };
  'store.schema.invalid': { schema: string };
  'store.token.invalid': { role: string; org: string };
  internal: Record<never, never>;
  'compute.timeout': { task: string; ms: number };

  // The server and its clients.
  'serve.port.in-use': { host: string; port: number; detail: string };
  'serve.port.denied': { host: string; port: number; detail: string };
  'serve.port.failed': { host: string; port: number; detail: string };
  'auth.rate-limited': { retryAfter: number };
  // Refusals without issues: their English message names the specifics; other languages say the gist.
  'auth.required': Record<never, never>;
  'auth.invalid': Record<never, never>;
  'auth.forbidden': Record<never, never>;
  'org.not-found': Record<never, never>;
  'token.not-found': Record<never, never>;
  'route.not-found': Record<never, never>;
  'request.too-large': Record<never, never>;
  /** A query parameter that is not what the route takes: a date, or a whole number of at least `min`. */
  'request.parameter': { name: string; value: string; expected: 'date' | 'whole-number'; min?: number };
  'request.invalid': { reason: string };
  'request.json': { reason: string };
  'program.level.invalid': { value: string };
  'program.override.invalid': { status: string };
  'token.org-required': { role: string };
  'alert.url.invalid': { url: string; reason: 'malformed' | 'scheme' | 'http-host' | 'credentials' };
  'alert.not-found': { id?: string };
  'cli.server.unreachable': { url: string; reason: string };
  'cli.server.answer': { status: number };
  'cli.server.option': { option: string };
  'cli.server.too-large': { id: string; megabytes: number };
  'cli.server.jobs': Record<never, never>;
  'load.duplicate': { id: string; first: string };

  // The command line's refusals of what was typed (a `cli.usage` error): said, then the command's usage lines.
  'cli.command.unknown': { command: string; near?: string };
  'cli.option.unknown': { option: string; near?: string };
  /** An option given without its value; `value` names what it takes (`DATE`). */
  'cli.option.value': { option: string; value: string };
  'cli.option.choice': { option: string; value: string; choices: string };
  'cli.option.date': { option: string; value: string };
  /** A whole number from `min` (to `max`); `port` and `days` say what the number is. */
  'cli.option.number': { option: string; value: string; min: number; max?: number; unit?: 'port' | 'days' };
  'cli.option.nightly': { value: string };
  /** What a command needs and was not given, with how it is called (`attain import FILE --org ID`). */
  'cli.arguments.missing': { command: string; usage: string };
  'cli.organization.one': Record<never, never>;
  'cli.load.no-files': { paths: string };
  'cli.token.unknown': { id: string };
  'cli.env.number': { name: string; value: string };
  'cli.data-dir.not-directory': { dir: string };
  /** Standard output could not be written (a full disk, a file too large); `reason` is the system's code. */
  'cli.output.failed': { reason: string };

  // Imports.
  'import.busy': { org: string; attempts: number };
  'import.empty': Record<never, never>;
  'import.kind.undetected': { format: string; header: string; kinds: string };
  'import.kind.format': { kind: string; format: string };
  'import.kind.unknown': { kind: string; known: string };
  'import.csv.unterminated-quote': Record<never, never>;
  'import.csv.stray-quote': Record<never, never>;
  'import.csv.field-count': { actual: number; expected: number };
  'import.csv.columns': { actual: number; limit: number };
  'import.csv.header': { actual: number; limit: number };
  'import.column.unknown': { value: string; expected: string };
  'import.column.duplicate': { value: string };
  'import.column.missing': { field: string };
  'import.required': { field: string };
  'import.date.invalid': { value: string; expected: string };
  'import.month.invalid': { value: string; expected: string };
  'import.amount.invalid': { value: string };
  'import.boolean.invalid': { value: string };
  'import.fx.missing': { currency: string; base: string };
  'import.customer.unknown': { value: string };
  'import.product.unknown': { value: string };
  'import.conflict': { id: string; value: string; other: string; otherLine: number };
  'import.mcid.conflict': { id: string; value: string; other: string; otherLine: number };
  'import.email.invalid': { value: string };
  'import.period.reversed': { from: string; to: string };
  'import.period.incomplete': { value: string };
  'import.org.missing': { org: string };
  'import.org.id-mismatch': { value: string; expected: string };
  'import.json.shape': { expected: string; actual: string };
  'import.issues.truncated': { shown: number; total: number };
  'import.skip.not-an-exam': { title: string; type: string };
  'import.skip.no-exam-code': { title: string };
  'import.skip.inactive': { exam: string; status: string };
  'import.skip.no-identity': { exam: string };
  'import.skip.no-date': { exam: string };
  'import.skip.consumption-only': { value: string };
  'import.skip.no-end-date': { id: string; status: string };
  'import.attribution.unknown': { value: string; expected: string };
  'import.count.invalid': { value: string };
  'import.state.unknown': { value: string; expected: string };
  'import.dates.reversed': { from: string; to: string };
  'import.expiry.reversed': { value: string; from: string };
  'import.subscription.conflict': { value: string; otherLine: number };
  'import.exam.unknown': { value: string; title?: string };
  'import.rows.skippable': { rows: number };
  'import.notice.same-name': { what: 'customer' | 'person'; id: string; name: string; existing: string };
  'import.notice.subscription-kept': { id: string };
}

export type MessageCode = keyof MessageParams;

/** An issue of one code, its parameters of that code's type; it is an `Issue` where one is taken. */
export interface CodedIssue<C extends MessageCode> {
  readonly code: C;
  readonly path: string;
  readonly params: Readonly<MessageParams[C] & TextPosition>;
}

/** A finding of one code, its parameters of that code's type; it is a `Finding` where one is taken. */
export interface CodedFinding<C extends MessageCode> {
  readonly code: C;
  readonly path: string;
  readonly params: Readonly<MessageParams[C]>;
}

/** The parameters argument of a code: optional when the code takes none. */
export type ParamsArgument<C extends MessageCode> =
  Record<never, never> extends MessageParams[C]
    ? [params?: MessageParams[C] & TextPosition]
    : [params: MessageParams[C] & TextPosition];

/** Records an issue of some code at a path, with that code's parameters: the shape of a validator's `report`. */
export type ReportIssue<Path = string> = <C extends MessageCode>(code: C, path: Path, ...params: ParamsArgument<C>) => void;

/** An issue whose parameters are checked against its code when it is written. */
export function issue<C extends MessageCode>(code: C, path: string, params: MessageParams[C] & TextPosition): CodedIssue<C> {
  return { code, path, params };
}

/** A finding whose parameters are checked against its code when it is written. */
export function finding<C extends MessageCode>(code: C, path: string, params: MessageParams[C]): CodedFinding<C> {
  return { code, path, params };
}

/** Plain issue parameters, for the places that store or send any issue alike. */
export function issueParams<C extends MessageCode>(params: Readonly<MessageParams[C] & TextPosition>): Issue['params'] {
  return params as unknown as Issue['params'];
}
