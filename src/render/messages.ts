import type { CredentialType } from '../catalog/catalog-types.js';
import type { Locale } from '../core/localized.js';
import type { MessageCode, MessageParams } from '../core/message-params.js';
import type { LevelStatus, RequirementStatus } from '../engine/evaluation-types.js';
import type { Formatter } from './formatter.js';
import { en } from './messages-en.js';
import { koKR } from './messages-ko-KR.js';
import { zhTW } from './messages-zh-TW.js';

/** Parameters of a finding or issue as they arrive: from the engine, or from JSON another version wrote. */
export type Params = Readonly<Record<string, unknown>>;

/** A role of a short pool with the words a sentence needs: its name, its seats, and its exams as a formula. */
export interface RoleDetail {
  readonly name: string;
  readonly count: number;
  readonly formula: string;
  /** The one type of credential the formula asks for, when it is not exams (the gap's verb follows it). */
  readonly type?: CredentialType;
}

/**
 * What a renderer adds to a code's parameters before its template sees them: for gaps, names from the level's
 * definition (`renderGap`); for plans, the chosen path's name.
 */
interface RenderContext {
  'revenue.shortfall': { name: string };
  'revenue.no-threshold': { name: string; marketName: string };
  'metric.shortfall': { name: string };
  'metric.no-threshold': { name: string; marketName: string };
  'paths.none-met': { name: string; pathNames: string };
  'points.shortfall': { name: string; metricLines: string };
  'points.metric-zero': { name: string; metricName: string };
  'points.no-threshold': { name: string; metricName: string; marketName: string };
  'points.cheapest': { name: string; moveTexts: string };
  'points.out-of-reach': { name: string };
  'people.shortfall': { name: string; roleDetails: readonly RoleDetail[] };
  'people.of-whom': {
    name: string;
    roleName: string;
    formula: string;
    extra: string;
    formulaType?: CredentialType;
    extraType?: CredentialType;
  };
  'plan.already-met': { pathName?: string };
  'plan.only-feasible': { pathName: string };
  'plan.cheapest': { pathName: string };
}

/** The parameters a code's template reads: the code's own, and for gaps what `renderGap` adds. */
export type TemplateParams<C extends MessageCode> = Readonly<MessageParams[C]> &
  (C extends keyof RenderContext ? Readonly<RenderContext[C]> : unknown);

export type Template<C extends MessageCode> = (p: TemplateParams<C>, f: Formatter) => string;

/**
 * One template per code, each typed by its code's parameters: a missing or mistyped one does not compile.
 * Converting a template written in the former style (`findings` / `issues` of one shared file, reading
 * `s(p.value)`): add the code and its parameters' type to `MessageParams`, move each language's line into `codes` of
 * `messages-<locale>.ts`, and read `p.value` directly (numbers through `f.number` or `f.plural`, a Korean particle
 * after a run-time word through `withParticle`).
 */
export type CodeMessages = { readonly [C in MessageCode]: Template<C> };

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
  /** After a "k of the same N" role's line: how many of its people must also hold the extra exams, and who does. */
  readonly ofWhomLine: (count: number, people: string) => string;
  readonly nobody: string;
  readonly more: (n: number) => string;
  readonly chosenPath: (path: string) => string;
  readonly gapsTitle: string;
  readonly warningsTitle: string;
  readonly summaryTitle: string;
  /** Each reason data is ignored for, by the warning's code (the text report groups ignored data by reason). */
  readonly ignoredReason: Readonly<Record<string, string>>;
  /** After the most frequent values of a reason: how many other values there are. */
  readonly ignoredOthers: (n: number) => string;
  /** After a reason's examples: how many more items it has. */
  readonly ignoredMore: (n: number) => string;
  /** How to see every ignored item. */
  readonly ignoredAll: string;
  readonly allOf: (items: readonly string[]) => string;
  readonly oneOf: (items: readonly string[]) => string;
  /** A credential by its type: an exam by its code alone, "assessment X", "certification X". */
  readonly credential: (type: CredentialType | undefined, code: string) => string;
  /** A "k of the same N" role's exams: its own formula, then the extra exams that `count` of the `of` people also hold. */
  readonly ofWhom: (formula: string, count: number, of: number, extra: string) => string;
  readonly codes: CodeMessages;
  /**
   * A code this version has no words for (a newer server's, say), as a sentence: the code, and its facts as
   * `name: value` pairs already joined.
   */
  readonly unknownCode: (code: string, facts: string) => string;
  readonly issueTitle: (file: string, count: number) => string;
  readonly importTitle: (file: string, count: number) => string;
  /** Imports: how many rows share a cause, and the first of their lines ("524 rows: lines 12, 48, … and 514 more"). */
  readonly importGroupRows: (count: number, lines: readonly number[], f: Formatter) => string;
  readonly importMoreCauses: (n: number) => string;
  /** The words of a forecast report around its causes (which are codes). */
  readonly forecast: ForecastWords;
  /** The words of a plan report around its reasons (which are codes). */
  readonly plan: PlanWords;
  /** The command line's words around a refusal. */
  readonly cli: CliWords;
}

export interface CliWords {
  /** Heads a command's usage lines after a usage error. */
  readonly usageTitle: string;
  /** After a usage error: how to see the command's options. */
  readonly commandHelp: (command: string) => string;
  /** After an unknown command: how to see the commands. */
  readonly commandsHelp: string;
  readonly internal: (message: string) => string;
  /** After an internal error, unless ATTAIN_DEBUG is set. */
  readonly debugHint: string;
  /** A long command's progress: "evaluated 4,000 of 10,000 organizations". */
  readonly progress: (done: 'evaluated' | 'compared', count: string, total: string | null) => string;
  /** The phase a long command is in; `what` is a file, a directory or a store. */
  readonly phases: { readonly [P in CliPhase]: (what: string) => string };
  /** On stderr after `token create` printed the secret. */
  readonly tokenCreated: (id: string, role: string, org: string | null) => string;
  readonly tokenLive: string;
  readonly tokenRevokedOn: (at: string) => string;
  readonly tokenRevoked: (id: string) => string;
  /** `attain serve` has started: where, its API reference, and on which store. */
  readonly serving: (url: string, docs: string, store: string) => string;
  readonly adminToken: (secret: string) => string;
  readonly signIn: string;
  readonly workerRunning: (store: string, concurrency: number, nightly: string | null) => string;
  /** `attain run`'s summary line, then one line per level. */
  readonly runDone: (id: string, asOf: string, store: string, organizations: number, seconds: string) => string;
  readonly runFailed: (failed: number) => string;
  readonly levelCount: (attained: number, atRisk: number) => string;
  /** `attain impact`'s text: a title, the totals, per level, and how many changes are not listed. */
  readonly impactTitle: (draft: string, asOf: string, organizations: number, failed: number) => string;
  readonly impactTotals: (gained: number, lost: number, other: number, organizations: number) => string;
  readonly impactOther: (other: number) => string;
  readonly impactMore: (more: number) => string;
  /** After `attain alerts add` or `rotate` printed a subscription's signing secret. */
  readonly alertSecret: (id: string) => string;
  /** After `attain alerts remove`. */
  readonly alertRemoved: (id: string) => string;
}

/** The phases of a long command (`attain import`), in the order they come. */
export type CliPhase = 'reading' | 'opening' | 'creating' | 'server' | 'planning' | 'writing';

export interface ForecastWords {
  readonly title: (from: string, to: string) => string;
  readonly noChange: string;
  /** A level that the catalog version in effect on the first day does not have. */
  readonly absent: string;
  /** A catalog version adds the level, with its status from that day. */
  readonly starts: (status: string) => string;
  /** A catalog version drops the level. */
  readonly ends: string;
  readonly times: (n: number) => string;
  readonly atRiskTitle: (days: number) => string;
  readonly noRisk: string;
  readonly lostOn: (level: string, date: string) => string;
  readonly toKeep: string;
}

export interface PlanWords {
  readonly title: (target: string, asOf: string) => string;
  readonly cost: (people: number, exams: number) => string;
  /** The cost when some steps are assessments or certifications: credentials, not exams. */
  readonly credentialCost: (people: number, credentials: number) => string;
  readonly alternative: (path: string) => string;
  readonly infeasible: string;
  readonly thisLevel: string;
  readonly stepsTitle: string;
  readonly credentialStepsTitle: string;
  readonly newPerson: (id: string) => string;
  readonly revenueTitle: string;
  readonly revenueMet: string;
  readonly revenueShort: (amount: string) => string;
  readonly noThreshold: string;
  /** Heads the revenue shortfalls, shown before anything else: no exam and no hire makes up for them. */
  readonly blockerTitle: string;
  /** A row standing for several new hires who all sit the same exams. */
  readonly newHires: (count: number) => string;
}

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, 'zh-TW': zhTW, 'ko-KR': koKR };

/** Whether this version has words for a code; codes arrive as plain strings, from JSON or another version. */
export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(en.codes, code);
}

/** The template family a dynamic code belongs to: every `catalog.schema.<zod code>` is said by `catalog.schema`. */
export function messageCodeOf(code: string): MessageCode | undefined {
  if (isMessageCode(code)) return code;
  if (code.startsWith('catalog.schema.')) return 'catalog.schema';
  return undefined;
}
