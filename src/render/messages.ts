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
  'people.shortfall': { name: string; roleDetails: readonly RoleDetail[] };
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
}

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
  readonly alternative: (path: string) => string;
  readonly infeasible: string;
  readonly thisLevel: string;
  readonly stepsTitle: string;
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
