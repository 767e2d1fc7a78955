import { AttainError } from '../core/attain-error.js';
import type { Day } from '../core/day.js';
import { dayRangeIssue, FIRST_DAY_TEXT, LAST_DAY_TEXT, readDay } from '../core/day-range.js';
import { closestName } from './closest-name.js';

/** A command-line option: `--name VALUE`, or a flag without a value. */
export interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  readonly choices?: readonly string[];
  /** The choice a value means when people write it otherwise (`ko` for `ko-KR`); undefined when none. */
  readonly normalize?: (value: string) => string | undefined;
  readonly repeatable?: boolean;
  readonly description: string;
}

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
      throw usage(`unknown option --${name}${near ? `; did you mean --${near}?` : ''}`);
    }
    if (!spec.value) {
      options[name] = true;
      continue;
    }
    const given = inline ?? argv[++i];
    if (given === undefined || (inline === undefined && given.startsWith('--')))
      throw usage(`--${name} needs a value (${spec.value})`);
    const value = spec.normalize?.(given) ?? given;
    if (spec.choices && !spec.choices.includes(value))
      throw usage(`--${name} must be one of ${spec.choices.join(', ')}, not "${value}"`);
    if (spec.repeatable) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else options[name] = value;
  }
  return { positionals, options };
}

export function usage(message: string): AttainError {
  return new AttainError('cli.usage', message);
}

/** Help text for a command's options. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  return specs.map((s) => `${`  --${s.name}${s.value ? ` ${s.value}` : ''}`.padEnd(34)} ${s.description}`).join('\n');
}

/**
 * A `YYYY-MM-DD` option as a day, undefined when not given; a usage error when it is not a real date, and
 * `input.date.range` when it is outside the dates every input may have.
 */
export function dateOption(value: unknown, name: string): Day | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' ? readDay(value) : 'invalid';
  if (day === 'invalid') throw usage(`--${name} must be a date YYYY-MM-DD, not "${String(value)}"`);
  if (day === 'out-of-range') {
    throw new AttainError('cli.option', `--${name} must be a date from ${FIRST_DAY_TEXT} to ${LAST_DAY_TEXT}`, [
      dayRangeIssue(`--${name}`, String(value)),
    ]);
  }
  return day;
}
