import { AttainError, isAttainError } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { matchLocale } from '../core/match-locale.js';
import { MESSAGES } from '../render/messages.js';
import { renderError, renderUsageError } from '../render/render-error.js';
import { VERSION } from '../version.js';
import { closestName } from './closest-name.js';
import { catalogCommand, catalogOptions } from './commands/catalog-command.js';
import { evaluateCommand, evaluateOptions } from './commands/evaluate-command.js';
import { forecastCommand, forecastOptions } from './commands/forecast-command.js';
import { impactCommand, impactOptions } from './commands/impact-command.js';
import { importCommand, importOptions } from './commands/import-command.js';
import { loadCommand, loadOptions } from './commands/load-command.js';
import { peopleCommand, peopleOptions } from './commands/people-command.js';
import { planCommand, planOptions } from './commands/plan-command.js';
import { runCommand, runOptions } from './commands/run-command.js';
import { serveCommand, serveOptions } from './commands/serve-command.js';
import { tokenCommand, tokenOptions } from './commands/token-command.js';
import { workerCommand, workerOptions } from './commands/worker-command.js';
import { chooseLocale } from './common-options.js';
import { describeOptions, type OptionSpec, usage } from './parse-args.js';

type Run = (argv: readonly string[], write: (text: string) => void) => Promise<number>;

/** A command: what runs it, how it is called and what it does (for `attain --help`), and its options. */
interface Command {
  readonly run: Run;
  readonly usage: readonly (readonly [call: string, does: string])[];
  readonly options: readonly OptionSpec[];
}

const COMMANDS: Readonly<Record<string, Command>> = {
  evaluate: {
    run: evaluateCommand,
    usage: [
      ['evaluate FILE... [options]', 'every competency, option and level for an organization file (JSON or YAML)'],
      ['evaluate --org ID', 'the same for a stored organization'],
    ],
    options: evaluateOptions,
  },
  plan: {
    run: planCommand,
    usage: [['plan FILE|--org ID --target C/O/L', 'the cheapest way to a level: fewest new people, then fewest exams']],
    options: planOptions,
  },
  forecast: {
    run: forecastCommand,
    usage: [['forecast FILE|--org ID [--from D] [--to D] [--at-risk DAYS]', 'every day a level is gained or lost, and why']],
    options: forecastOptions,
  },
  catalog: {
    run: catalogCommand,
    usage: [
      ['catalog list [--catalog PATH]', 'competencies, options, levels and versions'],
      ['catalog validate FILE', 'check a catalog file and report every problem'],
      ['catalog schema', 'the catalog format as JSON Schema, for editors'],
    ],
    options: catalogOptions,
  },
  import: {
    run: importCommand,
    usage: [['import FILE --org ID [--dry-run]', 'import an organization file, attain CSV or Partner Center export']],
    options: importOptions,
  },
  load: {
    run: loadCommand,
    usage: [['load FILE|DIR...', 'load many organizations (JSON, YAML, NDJSON files, directories) in batches']],
    options: loadOptions,
  },
  serve: {
    run: serveCommand,
    usage: [['serve [--port 8080] [--seed-examples]', 'the HTTP API and dashboard on the store']],
    options: serveOptions,
  },
  token: {
    run: tokenCommand,
    usage: [['token create --role ROLE [--org ID] | token list | token revoke ID', 'API tokens']],
    options: tokenOptions,
  },
  people: {
    run: peopleCommand,
    usage: [['people --claimed-twice', 'individuals two organizations claim: one email, or an MCID a write was refused']],
    options: peopleOptions,
  },
  run: {
    run: runCommand,
    usage: [['run [--as-of D]', 'evaluate every stored organization now (jobs), store standings and transitions']],
    options: runOptions,
  },
  worker: {
    run: workerCommand,
    usage: [['worker [--concurrency N]', "run the program's jobs (any number of these against DATABASE_URL)"]],
    options: workerOptions,
  },
  impact: {
    run: impactCommand,
    usage: [['impact --catalog DRAFT.yaml [--as-of D]', 'who gains and who loses which level under a draft catalog']],
    options: impactOptions,
  },
};

const FOOTER = `The store is PGlite in --data-dir (default ./attain-data), or PostgreSQL when DATABASE_URL is set. While attain serve
holds the embedded store, the store commands (evaluate --org, import, load, run, impact, token, people) go through it.

Exit status: 0 when evaluation ran, 2 for invalid input or usage, 1 for an internal error. load: 0 when every
organization loaded, 2 when some were refused (the others loaded), 1 when a batch failed in the database.
`;

function usageLines(command: Command): string {
  return command.usage
    .map(([call, does]) => {
      const head = `  attain ${call}`;
      return head.length < 40 ? `${head.padEnd(40)}${does}` : `${head}\n${' '.repeat(40)}${does}`;
    })
    .join('\n');
}

/** `attain --help`: every command, how it is called and what it does. */
function overview(): string {
  const commands = Object.values(COMMANDS).map(usageLines).join('\n');
  return `attain ${VERSION} — evaluate, explain, plan and forecast partner competency levels

Usage:
${commands}

attain COMMAND --help lists a command's options.

${FOOTER}`;
}

/** `attain COMMAND --help`: how it is called, and every option. */
function commandHelp(name: string, command: Command): string {
  return `Usage:\n${usageLines(command)}\n\nOptions of ${name}:\n${describeOptions(command.options)}\n`;
}

/**
 * Runs the CLI and returns its exit status. Input problems are rendered for people (file, JSON path, reason) on
 * stderr with status 2; a stack trace is shown only for internal errors and only with ATTAIN_DEBUG set.
 */
export async function main(argv: readonly string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const write = (text: string) => void io.out.write(text);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    write(about ? commandHelp(rest[0] as string, about) : overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    write(`attain ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  const locale = errorLocale(argv);
  const words = MESSAGES[locale].cli;
  if (!command) {
    const near = closestName(name, Object.keys(COMMANDS));
    io.err.write(renderUsageError(usage('cli.command.unknown', { command: name, ...(near && { near }) }), locale));
    io.err.write(`${words.commandsHelp}\n`);
    return 2;
  }
  // Before the command reads its arguments: `-h` is never a file, and help needs no valid arguments.
  if (rest.includes('--help') || rest.includes('-h')) {
    write(commandHelp(name, command));
    return 0;
  }
  try {
    return await command.run(rest, write);
  } catch (error) {
    if (isAttainError(error) && error.code === 'cli.usage') {
      // What was wrong, how the command is called, and where the rest is: not the whole manual.
      const calls = command.usage.map(([call]) => `  attain ${call}`).join('\n');
      io.err.write(`${renderUsageError(error, locale)}${words.usageTitle}\n${calls}\n${words.commandHelp(name)}\n`);
      return 2;
    }
    if (isAttainError(error)) {
      io.err.write(renderError(error, locale, name));
      return 2;
    }
    io.err.write(`attain: ${words.internal((error as Error).message ?? String(error))}\n`);
    if (process.env.ATTAIN_DEBUG) io.err.write(`${(error as Error).stack ?? ''}\n`);
    else io.err.write(`${words.debugHint}\n`);
    return 1;
  }
}

/**
 * What to say when standard output cannot be written (a full disk, a file too large), for bin/attain.js, which
 * sees the stream's error: one coded line in the user's language, where Node would print a stack trace.
 */
export function outputFailure(error: NodeJS.ErrnoException, argv: readonly string[]): string {
  const reason = error.code ?? 'unwritable';
  const failed = new AttainError('cli.output.failed', `cannot write the output (${reason})`, [
    { code: 'cli.output.failed', path: '$', params: { reason } },
  ]);
  return renderUsageError(failed, errorLocale(argv));
}

/** The language asked for, for an error found before or while the options were read. */
function errorLocale(argv: readonly string[]): Locale {
  const at = argv.indexOf('--lang');
  const lang = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return chooseLocale(lang === undefined ? undefined : matchLocale(lang));
}
