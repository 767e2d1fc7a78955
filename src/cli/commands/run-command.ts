import { dayOf, formatDay } from '../../core/day.js';
import { MESSAGES } from '../../render/messages.js';
import type { LevelCounts, ProgramRun } from '../../store/program-store.js';
import { catalogOption, chooseLocale, formatOption, langOption } from '../common-options.js';
import { dateOption, type OptionSpec, parseArgs } from '../parse-args.js';
import { progressLine } from '../progress-line.js';
import { serverRun } from '../server-runs.js';
import { dataDirOption, openStoreOrServer, refuseOnServer, type StoreTarget } from '../store-option.js';
import { runOnStore } from '../store-run.js';

export const runOptions: readonly OptionSpec[] = [
  {
    name: 'as-of',
    value: 'DATE',
    description: {
      en: 'evaluate as of YYYY-MM-DD (default: today); jobs for single organizations follow it',
      'zh-TW': '以 YYYY-MM-DD 為評估日期（預設：今天）；之後單一組織的工作也採用此日期',
      'ko-KR': 'YYYY-MM-DD 기준으로 평가합니다(기본값: 오늘). 이후 개별 조직 작업도 이 기준일을 따릅니다',
    },
  },
  formatOption,
  langOption,
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
  const target = await openStoreOrServer(options);
  const started = performance.now();
  const locale = chooseLocale(options.lang);
  const words = MESSAGES[locale].cli;
  const progress = progressLine('evaluated', locale);
  const { run, counts, where } = await runOn(target, options, asOf, (r) => progress(r.done, r.total));
  progress.end();
  const seconds = (performance.now() - started) / 1000;
  if (options.format === 'json') {
    write(`${JSON.stringify({ run, seconds: Number(seconds.toFixed(2)), levels: counts }, null, 2)}\n`);
    return 0;
  }
  write(words.runDone(run.id, run.asOf, where, run.done, seconds.toFixed(1)));
  write(run.failed > 0 ? `${words.runFailed(run.failed)}\n` : '\n');
  for (const l of counts) {
    write(`  ${`${l.competency}/${l.option}/${l.level}`.padEnd(66)} ${words.levelCount(l.attained, l.atRisk)}\n`);
  }
  return 0;
}

/** The run done on the store by this process, or by the jobs of the server that holds the store. */
async function runOn(
  target: StoreTarget,
  options: Readonly<Record<string, unknown>>,
  asOf: string,
  onProgress: (run: ProgramRun) => void,
): Promise<{ run: ProgramRun; counts: readonly LevelCounts[]; where: string }> {
  if (target.kind === 'server') {
    refuseOnServer(options, ['catalog']);
    const { run, levels } = await serverRun(target.client, asOf, onProgress);
    return { run, counts: levels, where: `${target.where}, with its catalog` };
  }
  const { store } = target;
  try {
    const run = await runOnStore(store, options.catalog, { kind: 'run', asOf }, onProgress);
    return { run, counts: await store.program.counts(), where: target.where };
  } finally {
    await store.close();
  }
}
