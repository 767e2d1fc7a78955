import { AttainError, type Issue } from '../core/attain-error.js';
import type { Day } from '../core/day.js';
import { dayRangeIssue, readDay } from '../core/day-range.js';
import type { Locale } from '../core/localized.js';
import type { MessageCode, ParamsArgument } from '../core/message-params.js';
import { closestName } from './closest-name.js';

/** A command-line option: `--name VALUE`, or a flag without a value. */
export interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  readonly choices?: readonly string[];
  /** The choice a value means when people write it otherwise (`ko` for `ko-KR`); undefined when none. */
  readonly normalize?: (value: string) => string | undefined;
  readonly repeatable?: boolean;
  readonly description: HelpText;
}

/** A help text in every language: one missing does not compile. */
export type HelpText = Readonly<Record<Locale, string>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | readonly string[]>>;
}

/**
 * Parses `--name value`, `--name=value` and flags against a spec. Hand-written because a full CLI framework costs
 * more start-up time than evaluating a small organization.
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const near = closestName(
        name,
        specs.map((s) => s.name),
      );
      throw usage('cli.option.unknown', { option: name, ...(near && { near }) });
    }
    if (!spec.value) {
      options[name] = true;
      continue;
    }
    const given = inline ?? argv[++i];
    if (given === undefined || (inline === undefined && given.startsWith('--')))
      throw usage('cli.option.value', { option: name, value: spec.value });
    const value = spec.normalize?.(given) ?? given;
    if (spec.choices && !spec.choices.includes(value))
      throw usage('cli.option.choice', { option: name, value, choices: spec.choices.join(', ') });
    if (spec.repeatable) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else options[name] = value;
  }
  return { positionals, options };
}

/**
 * A refusal of what was typed, as one coded issue: the CLI says it in the user's language, then the command's usage
 * lines. The error's message is only the code; nothing shows it.
 */
export function usage<C extends MessageCode>(code: C, ...params: ParamsArgument<C>): AttainError {
  return usageOf({ code, path: '$', params: (params[0] ?? {}) as Issue['params'] });
}

/** A usage error of an issue found by a shared check (a date outside the range every input may have). */
export function usageOf(issue: Issue): AttainError {
  return new AttainError('cli.usage', issue.code, [issue]);
}

/** Help text for a command's options. */
export function describeOptions(specs: readonly OptionSpec[], locale: Locale): string {
  return specs.map((s) => `${`  --${s.name}${s.value ? ` ${s.value}` : ''}`.padEnd(34)} ${s.description[locale]}`).join('\n');
}

/**
 * A `YYYY-MM-DD` option as a day, undefined when not given; a usage error when it is not a real date, and
 * `input.date.range` when it is outside the dates every input may have.
 */
export function dateOption(value: unknown, name: string): Day | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' ? readDay(value) : 'invalid';
  if (day === 'invalid') throw usage('cli.option.date', { option: name, value: String(value) });
  if (day === 'out-of-range') throw usageOf(dayRangeIssue(`--${name}`, String(value)));
  return day;
}
