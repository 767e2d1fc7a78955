import { AttainError, isAttainError } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { matchLocale } from '../core/match-locale.js';
import { MESSAGES } from '../render/messages.js';
import { renderError, renderUsageError } from '../render/render-error.js';
import { VERSION } from '../version.js';
import { closestName } from './closest-name.js';
import { alertsCommand, alertsOptions } from './commands/alerts-command.js';
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
import { describeOptions, type HelpText, type OptionSpec, usage } from './parse-args.js';

type Run = (argv: readonly string[], write: (text: string) => void) => Promise<number>;

/** A command: what runs it, how it is called and what it does (for `attain --help`), and its options. */
interface Command {
  readonly run: Run;
  readonly usage: readonly (readonly [call: string, does: HelpText])[];
  readonly options: readonly OptionSpec[];
}

const COMMANDS: Readonly<Record<string, Command>> = {
  evaluate: {
    run: evaluateCommand,
    usage: [
      [
        'evaluate FILE... [options]',
        {
          en: 'every competency, option and level for an organization file (JSON or YAML)',
          'zh-TW': '評估組織檔（JSON 或 YAML）的每項專長認證、選項與級別',
          'ko-KR': '조직 파일(JSON 또는 YAML)의 모든 역량, 옵션, 등급',
        },
      ],
      [
        'evaluate --org ID',
        {
          en: 'the same for a stored organization',
          'zh-TW': '對儲存區中的組織做同樣的評估',
          'ko-KR': '저장된 조직에 대해 같은 평가',
        },
      ],
    ],
    options: evaluateOptions,
  },
  plan: {
    run: planCommand,
    usage: [
      [
        'plan FILE|--org ID --target C/O/L',
        {
          en: 'the cheapest way to a level: fewest new people, then fewest exams',
          'zh-TW': '達成某級別最省的方式：新進人員最少，其次測驗最少',
          'ko-KR': '등급에 이르는 가장 적은 비용의 방법: 신규 인원이 가장 적고, 그다음 시험이 가장 적은 계획',
        },
      ],
    ],
    options: planOptions,
  },
  forecast: {
    run: forecastCommand,
    usage: [
      [
        'forecast FILE|--org ID [--from D] [--to D] [--at-risk DAYS]',
        {
          en: 'every day a level is gained or lost, and why',
          'zh-TW': '每個取得或失去級別的日期，以及原因',
          'ko-KR': '등급을 얻거나 잃는 모든 날짜와 그 이유',
        },
      ],
    ],
    options: forecastOptions,
  },
  catalog: {
    run: catalogCommand,
    usage: [
      [
        'catalog list [--catalog PATH|ID]',
        {
          en: 'competencies, options, levels and versions',
          'zh-TW': '專長認證、選項、級別與版本',
          'ko-KR': '역량, 옵션, 등급, 버전',
        },
      ],
      [
        'catalog validate FILE',
        {
          en: 'check a catalog file and report every problem',
          'zh-TW': '檢查目錄檔並回報每個問題',
          'ko-KR': '카탈로그 파일을 검사하고 모든 문제를 보고합니다',
        },
      ],
      [
        'catalog schema',
        {
          en: 'the catalog format as JSON Schema, for editors',
          'zh-TW': '以 JSON Schema 表示的目錄格式，供編輯器使用',
          'ko-KR': '편집기용 JSON Schema로 나타낸 카탈로그 형식',
        },
      ],
    ],
    options: catalogOptions,
  },
  import: {
    run: importCommand,
    usage: [
      [
        'import FILE --org ID [--dry-run]',
        {
          en: 'import an organization file, attain CSV or Partner Center export',
          'zh-TW': '匯入組織檔、attain CSV 或 Partner Center 匯出檔',
          'ko-KR': '조직 파일, attain CSV 또는 Partner Center 내보내기 파일을 가져옵니다',
        },
      ],
    ],
    options: importOptions,
  },
  load: {
    run: loadCommand,
    usage: [
      [
        'load FILE|DIR...',
        {
          en: 'load many organizations (JSON, YAML, NDJSON files, directories) in batches',
          'zh-TW': '分批載入大量組織（JSON、YAML、NDJSON 檔案或目錄）',
          'ko-KR': '많은 조직(JSON, YAML, NDJSON 파일, 디렉터리)을 일괄로 불러옵니다',
        },
      ],
    ],
    options: loadOptions,
  },
  serve: {
    run: serveCommand,
    usage: [
      [
        'serve [--port 8080] [--seed-examples]',
        {
          en: 'the HTTP API and dashboard on the store',
          'zh-TW': '在儲存區上提供 HTTP API 與儀表板',
          'ko-KR': '저장소 위의 HTTP API와 대시보드',
        },
      ],
    ],
    options: serveOptions,
  },
  token: {
    run: tokenCommand,
    usage: [
      [
        'token create --role ROLE [--org ID] | token list | token revoke ID',
        { en: 'API tokens', 'zh-TW': 'API 存取權杖', 'ko-KR': 'API 액세스 토큰' },
      ],
    ],
    options: tokenOptions,
  },
  alerts: {
    run: alertsCommand,
    usage: [
      [
        'alerts list [--org ID]',
        {
          en: 'webhook subscriptions to lapses and at-risk levels',
          'zh-TW': '對級別失效與面臨風險的 webhook 訂閱',
          'ko-KR': '등급 상실과 상실 위험에 대한 웹후크 구독',
        },
      ],
      [
        'alerts add --url URL (--org ID | --all)',
        {
          en: 'subscribe a webhook; prints its signing secret once',
          'zh-TW': '訂閱 webhook；簽章密鑰只印出一次',
          'ko-KR': '웹후크를 구독합니다. 서명 비밀 값은 한 번만 출력됩니다',
        },
      ],
      [
        'alerts enable|disable|rotate|remove ID',
        {
          en: 'change a subscription, or give it a new secret',
          'zh-TW': '變更訂閱，或為它換發新的密鑰',
          'ko-KR': '구독을 바꾸거나 새 비밀 값을 발급합니다',
        },
      ],
      [
        'alerts log [--org ID] [--format json]',
        {
          en: 'what was sent, newest first, with every attempt',
          'zh-TW': '已傳送的內容，最新的在前，附上每次嘗試',
          'ko-KR': '보낸 내용, 최신순, 시도마다 기록',
        },
      ],
    ],
    options: alertsOptions,
  },
  people: {
    run: peopleCommand,
    usage: [
      [
        'people --claimed-twice',
        {
          en: 'individuals two organizations claim: one email, or an MCID a write was refused',
          'zh-TW': '被兩個組織認列的個人：同一個電子郵件，或寫入被拒絕的 MCID',
          'ko-KR': '두 조직이 함께 주장하는 개인: 같은 이메일, 또는 쓰기가 거부된 MCID',
        },
      ],
    ],
    options: peopleOptions,
  },
  run: {
    run: runCommand,
    usage: [
      [
        'run [--as-of D]',
        {
          en: 'evaluate every stored organization now (jobs), store standings and transitions',
          'zh-TW': '立即評估儲存區中的每個組織（工作），並儲存現況與變化',
          'ko-KR': '저장된 모든 조직을 지금 평가하고(작업) 현황과 변화를 저장합니다',
        },
      ],
    ],
    options: runOptions,
  },
  worker: {
    run: workerCommand,
    usage: [
      [
        'worker [--concurrency N]',
        {
          en: "run the program's jobs (any number of these against DATABASE_URL)",
          'zh-TW': '執行方案的工作（可對 DATABASE_URL 執行任意數量）',
          'ko-KR': '프로그램의 작업을 실행합니다(DATABASE_URL에 대해 몇 개든 실행 가능)',
        },
      ],
    ],
    options: workerOptions,
  },
  impact: {
    run: impactCommand,
    usage: [
      [
        'impact --catalog DRAFT.yaml [--as-of D]',
        {
          en: 'who gains and who loses which level under a draft catalog',
          'zh-TW': '在草稿目錄下，誰會取得或失去哪個級別',
          'ko-KR': '초안 카탈로그에서 누가 어떤 등급을 얻고 잃는지',
        },
      ],
    ],
    options: impactOptions,
  },
};

/** The help's own words, in every language. */
const HELP: Readonly<
  Record<Locale, { title: string; usage: string; commandHelp: string; options: (command: string) => string; footer: string }>
> = {
  en: {
    title: 'evaluate, explain, plan and forecast partner competency levels',
    usage: 'Usage:',
    commandHelp: "attain COMMAND --help lists a command's options.",
    options: (command) => `Options of ${command}:`,
    footer: `The store is PGlite in --data-dir (default ./attain-data), or PostgreSQL when DATABASE_URL is set. While attain serve
holds the embedded store, the store commands (evaluate --org, import, load, run, impact, token, alerts, people) go
through it.

Exit status: 0 when evaluation ran, 2 for invalid input or usage, 1 for an internal error. load: 0 when every
organization loaded, 2 when some were refused (the others loaded), 1 when a batch failed in the database.
`,
  },
  'zh-TW': {
    title: '評估、說明、規劃並預測合作夥伴的專長認證級別',
    usage: '用法：',
    commandHelp: 'attain 命令 --help 會列出該命令的選項。',
    options: (command) => `${command} 的選項：`,
    footer: `儲存區是 --data-dir 中的 PGlite（預設 ./attain-data），設定 DATABASE_URL 時則是 PostgreSQL。attain serve
持有內嵌儲存區時，使用儲存區的命令（evaluate --org、import、load、run、impact、token、alerts、people）會經由它執行。

結束代碼：評估完成為 0，輸入或用法無效為 2，內部錯誤為 1。load：所有組織都已載入為 0，
部分組織被拒絕（其餘已載入）為 2，某批次在資料庫中失敗為 1。
`,
  },
  'ko-KR': {
    title: '파트너 역량 등급을 평가하고 설명하고 계획하고 예측합니다',
    usage: '사용법:',
    commandHelp: 'attain 명령 --help는 그 명령의 옵션을 보여 줍니다.',
    options: (command) => `${command}의 옵션:`,
    footer: `저장소는 --data-dir의 PGlite(기본값 ./attain-data)이고, DATABASE_URL을 설정하면 PostgreSQL입니다. attain serve가
내장 저장소를 열고 있으면 저장소 명령(evaluate --org, import, load, run, impact, token, alerts, people)은 그 서버를 거칩니다.

종료 상태: 평가가 실행되면 0, 입력이나 사용법이 잘못되면 2, 내부 오류는 1. load: 모든 조직을 불러오면 0,
일부가 거부되면(나머지는 불러옴) 2, 데이터베이스에서 일괄 처리가 실패하면 1.
`,
  },
};

function usageLines(command: Command, locale: Locale): string {
  return command.usage
    .map(([call, does]) => {
      const head = `  attain ${call}`;
      return head.length < 40 ? `${head.padEnd(40)}${does[locale]}` : `${head}\n${' '.repeat(40)}${does[locale]}`;
    })
    .join('\n');
}

/** `attain --help`: every command, how it is called and what it does. */
function overview(locale: Locale): string {
  const words = HELP[locale];
  const commands = Object.values(COMMANDS)
    .map((command) => usageLines(command, locale))
    .join('\n');
  return `attain ${VERSION} — ${words.title}

${words.usage}
${commands}

${words.commandHelp}

${words.footer}`;
}

/** `attain COMMAND --help`: how it is called, and every option. */
function commandHelp(name: string, command: Command, locale: Locale): string {
  const words = HELP[locale];
  return `${words.usage}\n${usageLines(command, locale)}\n\n${words.options(name)}\n${describeOptions(command.options, locale)}\n`;
}

/**
 * Runs the CLI and returns its exit status. Input problems are rendered for people (file, JSON path, reason) on
 * stderr with status 2; a stack trace is shown only for internal errors and only with ATTAIN_DEBUG set.
 */
export async function main(argv: readonly string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const write = (text: string) => void io.out.write(text);
  const [name, ...rest] = argv;
  const locale = errorLocale(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
    write(about ? commandHelp(rest[0] as string, about, locale) : overview(locale));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    write(`attain ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  const words = MESSAGES[locale].cli;
  if (!command) {
    const near = closestName(name, Object.keys(COMMANDS));
    io.err.write(renderUsageError(usage('cli.command.unknown', { command: name, ...(near && { near }) }), locale));
    io.err.write(`${words.commandsHelp}\n`);
    return 2;
  }
  // Before the command reads its arguments: `-h` is never a file, and help needs no valid arguments.
  if (rest.includes('--help') || rest.includes('-h')) {
    write(commandHelp(name, command, locale));
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
