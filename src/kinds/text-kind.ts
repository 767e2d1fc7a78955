import type { Requirement, RequirementKindName } from '../catalog/catalog-types.js';
import type { Finding, RequirementResult, RequirementStatus } from '../engine/evaluation-types.js';
import type { Formatter } from '../render/formatter.js';
import type { Messages } from '../render/messages.js';

/** What writing a requirement into the text report may use; passed in so that no kind imports render-text, which imports the kinds. */
export interface TextTools {
  readonly f: Formatter;
  readonly m: Messages;
  readonly mark: Readonly<Record<RequirementStatus, string>>;
  /** Any coded finding in words. */
  finding(code: string, params: Readonly<Record<string, unknown>>): string;
  /** Writes a nested requirement of any kind at an indent. */
  requirement(requirement: Requirement, result: RequirementResult, indent: number, out: string[]): void;
}

/** How a kind reads in the text report: its lines under a level, and its gaps with names from the definition. */
export interface TextKind<K extends RequirementKindName> {
  /** Writes the requirement's lines; `head` is its mark and name, `pad` its indent. */
  lines(
    requirement: Extract<Requirement, { kind: K }>,
    result: Extract<RequirementResult, { kind: K }>,
    at: { readonly head: string; readonly pad: string; readonly indent: number },
    out: string[],
    tools: TextTools,
  ): void;
  /** A gap of this requirement in words; `params` already carry the requirement's name. */
  gap(gap: Finding, requirement: Extract<Requirement, { kind: K }>, params: Record<string, unknown>, tools: TextTools): string;
}
