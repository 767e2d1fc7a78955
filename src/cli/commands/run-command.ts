import { dayOf, formatDay } from '../../core/day.js';
import { catalogFingerprint } from '../../program/catalog-fingerprint.js';
import type { ProgramRun } from '../../store/program-store.js';
import { catalogOption, formatOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { dateOption, type OptionSpec, parseArgs } from '../parse-args.js';
import { progressLine } from '../progress-line.js';
import { dataDirOption, openStoreOption } from '../store-option.js';

export const runOptions: readonly OptionSpec[] = [
  {
    name: 'as-of',
    value: 'DATE',
    description: 'evaluate as of YYYY-MM-DD (default: today); jobs for single organizations follow it',
  },
  formatOption,
  dataDirOption,
  catalogOption,
];

/**
 * `attain run`: evaluates every stored organization now and stores its standing, transitions and lifecycle. The
 * run is jobs on the queue; this process works on them until the run is done (other workers, if any, share them).
 */
export async function runCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { options } = parseArgs(argv, runOptions);
  const asOf = formatDay(dateOption(options['as-of'], 'as-of') ?? dayOf(new Date()));
  const catalog = await loadCatalog(options.catalog);
  const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
  const { store, where } = await openStoreOption(options);
  try {
    const started = performance.now();
    const { runToCompletion } = await import('../../jobs/run-to-completion.js');
    const queued = await store.program.startRun({ kind: 'run', asOf, catalog: rules.fingerprint });
    const progress = progressLine('evaluated', 'organizations');
    const run = await runToCompletion(store, rules, queued.id, (r: ProgramRun) => progress(r.done, r.total));
    progress.end();
    const counts = await store.program.counts();
    const seconds = (performance.now() - started) / 1000;
    if (options.format === 'json') {
      write(`${JSON.stringify({ run, seconds: Number(seconds.toFixed(2)), levels: counts }, null, 2)}\n`);
      return 0;
    }
    write(`Run ${run.id} as of ${run.asOf} on ${where}: ${run.done} organizations in ${seconds.toFixed(1)} s`);
    write(run.failed > 0 ? `, ${run.failed} failed (see attain run's JSON or the operator page)\n` : '\n');
    for (const l of counts) {
      write(
        `  ${`${l.competency}/${l.option}/${l.level}`.padEnd(58)} ${String(l.attained).padStart(7)} attained` +
          `${l.atRisk > 0 ? `, ${l.atRisk} at risk within 90 days` : ''}\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}
