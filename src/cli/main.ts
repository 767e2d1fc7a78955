import { isAttainError } from '../core/attain-error.js';
import { renderError } from '../render/render-error.js';
import { catalogCommand } from './commands/catalog-command.js';
import { evaluateCommand, evaluateOptions } from './commands/evaluate-command.js';
import { forecastCommand, forecastOptions } from './commands/forecast-command.js';
import { impactCommand, impactOptions } from './commands/impact-command.js';
import { importCommand, importOptions } from './commands/import-command.js';
import { loadCommand, loadOptions } from './commands/load-command.js';
import { planCommand, planOptions } from './commands/plan-command.js';
import { runCommand, runOptions } from './commands/run-command.js';
import { serveCommand, serveOptions } from './commands/serve-command.js';
import { tokenCommand, tokenOptions } from './commands/token-command.js';
import { workerCommand, workerOptions } from './commands/worker-command.js';
import { chooseLocale } from './common-options.js';
import { describeOptions } from './parse-args.js';

type Command = (argv: readonly string[], write: (text: string) => void) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  evaluate: evaluateCommand,
  plan: planCommand,
  forecast: forecastCommand,
  catalog: catalogCommand,
  import: importCommand,
  load: loadCommand,
  serve: serveCommand,
  token: tokenCommand,
  run: runCommand,
  worker: workerCommand,
  impact: impactCommand,
};

const HELP = `attain — evaluate, explain, plan and forecast partner competency levels

Usage:
  attain evaluate FILE... [options]     every competency, option and level for an organization file (JSON or YAML)
  attain evaluate --org ID              the same for a stored organization (plan and forecast take --org ID too)
  attain plan FILE --target C/O/L     the cheapest way to a level: fewest new people, then fewest exams
  attain forecast FILE [--from D] [--to D] [--at-risk DAYS]
                                        every day a level is gained or lost, and why
  attain catalog list [--catalog PATH]  competencies, options, levels and versions
  attain catalog validate FILE          check a catalog file and report every problem
  attain catalog schema                 the catalog format as JSON Schema, for editors
  attain import FILE --org ID [--dry-run]
                                        import an organization file, attain CSV or Partner Center export
  attain load FILE|DIR... [--data-dir DIR]
                                        load many organizations (JSON, YAML, NDJSON files, directories) in batches
  attain serve [--port 8080] [--seed-examples]
                                        the HTTP API and dashboard on the store
  attain token create --role ROLE [--org ID] | token list | token revoke ID
  attain run [--as-of D]                evaluate every stored organization now (jobs), store standings and transitions
  attain worker [--concurrency N]       run the program's jobs (any number of these against DATABASE_URL)
  attain impact --catalog DRAFT.yaml [--as-of D]
                                        who gains and who loses which level under a draft catalog

Options of evaluate:
${describeOptions(evaluateOptions)}

Options of plan:
${describeOptions(planOptions)}

Options of forecast:
${describeOptions(forecastOptions)}

Options of import:
${describeOptions(importOptions)}

Options of load:
${describeOptions(loadOptions)}

Options of serve:
${describeOptions(serveOptions)}

Options of token:
${describeOptions(tokenOptions)}

Options of run:
${describeOptions(runOptions)}

Options of worker:
${describeOptions(workerOptions)}

Options of impact:
${describeOptions(impactOptions)}

The store is PGlite in --data-dir (default ./attain-data), or PostgreSQL when DATABASE_URL is set. While attain serve
holds the embedded store, the store commands (evaluate --org, import, load, run, impact, token) go through it.

Exit status: 0 when evaluation ran, 2 for invalid input or usage, 1 for an internal error. load: 0 when every
organization loaded, 2 when some were refused (the others loaded), 1 when a batch failed in the database.
`;

/**
 * Runs the CLI and returns its exit status. Input problems are rendered for people (file, JSON path, reason) on
 * stderr with status 2; a stack trace is shown only for internal errors and only with ATTAIN_DEBUG set.
 */
export async function main(argv: readonly string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const write = (text: string) => void io.out.write(text);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    write('attain 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err.write(`attain: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest, write);
  } catch (error) {
    if (isAttainError(error)) {
      const langAt = rest.indexOf('--lang');
      const lang = langAt >= 0 ? rest[langAt + 1] : rest.find((a) => a.startsWith('--lang='))?.slice(7);
      const locale = chooseLocale(lang === 'zh-TW' || lang === 'ko-KR' || lang === 'en' ? lang : undefined);
      io.err.write(renderError(error, locale));
      if (error.code === 'cli.usage') io.err.write(`\n${HELP}`);
      return 2;
    }
    io.err.write(`attain: internal error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.ATTAIN_DEBUG) io.err.write(`${(error as Error).stack ?? ''}\n`);
    else io.err.write('Set ATTAIN_DEBUG=1 to see where it happened, and please report it.\n');
    return 1;
  }
}
