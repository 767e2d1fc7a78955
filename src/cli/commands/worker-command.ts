import { AttainError } from '../../core/attain-error.js';
import { catalogFingerprint } from '../../program/catalog-fingerprint.js';
import { MESSAGES } from '../../render/messages.js';
import { catalogOption, chooseLocale, langOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { onOneCore, rerunOnOneCore } from '../one-core.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOrServer } from '../store-option.js';

export const workerOptions: readonly OptionSpec[] = [
  {
    name: 'concurrency',
    value: 'N',
    description: {
      en: 'jobs at once in this process (default 2)',
      'zh-TW': '此處理程序同時執行的工作數（預設 2）',
      'ko-KR': '이 프로세스가 동시에 실행할 작업 수(기본값 2)',
    },
  },
  {
    name: 'no-nightly',
    description: {
      en: 'do not schedule the nightly run from this worker',
      'zh-TW': '不要由此工作程序排定每晚的執行',
      'ko-KR': '이 워커에서는 야간 실행을 예약하지 않습니다',
    },
  },
  {
    name: 'all-cores',
    description: {
      en: 'let V8 collect garbage and compile on other cores: for a worker alone on a machine with cores to spare',
      'zh-TW': '讓 V8 在其他核心上進行記憶體回收與編譯：適用於在有空閒核心的機器上單獨執行的工作程序',
      'ko-KR': 'V8이 다른 코어에서 가비지 수집과 컴파일을 하게 합니다. 코어가 남는 머신에서 혼자 도는 워커용입니다',
    },
  },
  {
    name: 'nightly',
    value: 'MIN HOUR',
    description: {
      en: 'the nightly run\'s time, UTC, as crontab "minute hour" (default "0 2")',
      'zh-TW': '每晚執行的時間（UTC），以 crontab 的「分 時」表示（預設 "0 2"）',
      'ko-KR': '야간 실행 시각(UTC), crontab의 "분 시" 형식(기본값 "0 2")',
    },
  },
  dataDirOption,
  catalogOption,
  langOption,
];

/**
 * `attain worker`: runs the program's jobs until interrupted. Against PostgreSQL (DATABASE_URL) start as many as
 * you like, on as many machines: they share one queue and each job is done once.
 */
export async function workerCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { options } = parseArgs(argv, workerOptions);
  const concurrency = options.concurrency === undefined ? 2 : Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw usage('cli.option.number', { option: 'concurrency', value: String(options.concurrency), min: 1, max: 64 });
  }
  const nightly = options['no-nightly'] === true ? false : typeof options.nightly === 'string' ? options.nightly : '0 2';
  if (nightly !== false && !/^\d{1,2} \d{1,2}$/.test(nightly)) throw usage('cli.option.nightly', { value: nightly });
  // One worker process, one core: start as many as there are cores (see one-core.ts). A worker that has the machine
  // to itself gains from V8's helper threads, when told so.
  if (options['all-cores'] !== true && !onOneCore()) return rerunOnOneCore(['worker', ...argv]);
  // The channel to the process that started this one only tells when it is gone; it must not keep this one alive.
  process.channel?.unref();
  const catalog = await loadCatalog(options.catalog);
  const target = await openStoreOrServer(options);
  if (target.kind === 'server') {
    throw new AttainError('cli.server.jobs', `${target.where} runs this store's jobs itself; a worker is for PostgreSQL`, [
      { code: 'cli.server.jobs', path: '$', params: {} },
    ]);
  }
  const { store, where } = target;
  const { startJobs } = await import('../../jobs/start-jobs.js');
  const runner = await startJobs(
    store,
    { rules: { catalog, fingerprint: catalogFingerprint(catalog) } },
    { concurrency, nightly, log: (level, message) => process.stderr.write(`attain worker ${level}: ${message}\n`) },
  );
  write(`${MESSAGES[chooseLocale(options.lang)].cli.workerRunning(where, concurrency, nightly || null)}\n`);
  await new Promise<void>((resolve) => {
    // Every signal is caught (a terminal's Ctrl-C reaches both this process and the one that started it, which passes
    // it on), and the end of the IPC channel means the starting process is gone.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    process.once('disconnect', () => resolve());
  });
  await runner.stop();
  await store.close();
  return 0;
}
