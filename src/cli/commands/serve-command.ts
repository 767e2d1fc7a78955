import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alertHttpHosts } from '../../alerts/check-alert-url.js';
import type { Catalog } from '../../catalog/catalog-types.js';
import { shippedCatalogBuild } from '../../catalog/shipped-catalog.js';
import { AttainError } from '../../core/attain-error.js';
import { formatDay } from '../../core/day.js';
import { MESSAGES } from '../../render/messages.js';
import type { ComputePool } from '../../server/compute/compute-pool.js';
import type { SqlStore } from '../../store/sql-store.js';
import type { Store } from '../../store/store.js';
import { catalogOption, chooseLocale, langOption } from '../common-options.js';
import { catalogSource, loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { announceServer, loopbackUrl } from '../running-server.js';
import { dataDirOf, dataDirOption, openStoreOption } from '../store-option.js';

export const serveOptions: readonly OptionSpec[] = [
  {
    name: 'port',
    value: 'PORT',
    description: {
      en: 'port to listen on (default 8080; 0 picks a free one)',
      'zh-TW': '要接聽的連接埠（預設 8080；0 表示自動選擇可用的連接埠）',
      'ko-KR': '수신할 포트(기본값 8080, 0이면 빈 포트를 고릅니다)',
    },
  },
  {
    name: 'host',
    value: 'HOST',
    description: {
      en: 'address to listen on (default 127.0.0.1)',
      'zh-TW': '要接聽的位址（預設 127.0.0.1）',
      'ko-KR': '수신할 주소(기본값 127.0.0.1)',
    },
  },
  dataDirOption,
  {
    name: 'seed-examples',
    description: {
      en: 'load the example organizations into an empty store',
      'zh-TW': '將範例組織載入空的儲存區',
      'ko-KR': '빈 저장소에 예제 조직을 불러옵니다',
    },
  },
  {
    name: 'new-admin-token',
    description: {
      en: 'print a new admin token, revoking the one an earlier start printed (one is printed anyway when the store has none)',
      'zh-TW': '印出新的 admin 權杖，並撤銷先前啟動時印出的權杖（儲存區中沒有權杖時一律會印出一個）',
      'ko-KR': '새 admin 토큰을 출력하고 이전 시작 때 출력한 토큰은 폐기합니다(저장소에 토큰이 없으면 어차피 하나를 출력합니다)',
    },
  },
  {
    name: 'no-jobs',
    description: {
      en: 'run no jobs in this process (when `attain worker`s do them against DATABASE_URL)',
      'zh-TW': '此處理程序不執行工作（由連線 DATABASE_URL 的 `attain worker` 執行時）',
      'ko-KR': '이 프로세스에서는 작업을 실행하지 않습니다(`attain worker`가 DATABASE_URL에서 실행할 때)',
    },
  },
  catalogOption,
  langOption,
];

const ROOT = new URL('../../../', import.meta.url);
const EXAMPLES = ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml'];
const SYSTEM = { kind: 'system', id: 'attain serve' } as const;
const START_LABEL = 'printed by attain serve';
const LOCAL_LABEL = 'attain serve: command lines on this machine';
/**
 * Organizations a job of the server's reads, evaluates and writes at once: at 25, reading them held PGlite's session,
 * and so the event loop, for some 40 ms (event-loop delay p99 70 ms during a run); at 10, about 16 ms (p99 35 ms).
 */
const SERVER_JOB_CHUNK = 10;

/** `attain serve`: the HTTP API and the dashboard on one store, until interrupted. */
export async function serveCommand(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { options } = parseArgs(argv, serveOptions);
  const port = options.port === undefined ? 8080 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usage('cli.option.number', { option: 'port', value: String(options.port), min: 0, max: 65535, unit: 'port' });
  const host = typeof options.host === 'string' ? options.host : '127.0.0.1';
  const source = catalogSource(options.catalog);
  const catalog = await loadCatalog(options.catalog);
  // The dashboard compiles the catalog it is served, a file's as much as a shipped one's: without it, it cannot start.
  const catalogDocument =
    'shipped' in source
      ? JSON.parse(readFileSync(shippedCatalogBuild(source.shipped), 'utf8'))
      : await (await import('../../catalog/load-catalog.js')).loadCatalogDocument(source.file);
  const { store, where } = await openStoreOption(options);
  if (options['seed-examples'] === true) await seedExamples(store, catalog);
  const secret = await adminTokenToPrint(store, options['new-admin-token'] === true);

  const [{ serve }, { createApp }, { pino }] = await Promise.all([
    import('@hono/node-server'),
    import('../../server/create-app.js'),
    import('pino'),
  ]);
  const logger = pino({ level: process.env.ATTAIN_LOG_LEVEL ?? 'info' }, pino.destination(2));
  // A background task's failure that nothing awaited (graphile-worker's, when the store refuses a write mid-job) is
  // logged; the API keeps answering and the jobs start again (start-jobs.ts), where the process used to end.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'background failure');
  });
  const { ComputePool } = await import('../../server/compute/compute-pool.js');
  // The worker threads load the catalog themselves: the file again, or the shipped one by id.
  const compute = new ComputePool({ catalog: source });
  // Behind a reverse proxy, its addresses (comma-separated): their X-Forwarded-For then names the client.
  const trustedProxies = (process.env.ATTAIN_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const app = createApp({
    store,
    catalog,
    catalogDocument,
    compute,
    logger,
    trustedProxies,
    alertHttpHosts: alertHttpHosts(process.env.ATTAIN_ALERT_HTTP_HOSTS),
    webRoot: fileURLToPath(new URL('dist/web/', ROOT)),
  });
  // The program's jobs run here too, unless workers elsewhere do them; evaluation happens on the worker threads.
  const jobs = options['no-jobs'] === true ? undefined : await startServerJobs(store, catalog, compute, logger);
  let withdraw: (() => Promise<void>) | undefined;
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}/`;
    const words = MESSAGES[chooseLocale(options.lang)].cli;
    write(`${words.serving(url, `${url}api/docs`, where)}\n`);
    write(`${secret ? words.adminToken(secret) : words.signIn}\n`);
    if (!process.env.DATABASE_URL) {
      const dataDir = dataDirOf(options);
      withdraw = async () => undefined;
      announceLocally(store, dataDir, loopbackUrl(host, info.port)).then(
        (undo) => {
          withdraw = undo;
        },
        (error: Error) => logger.error({ err: error.message }, 'command lines cannot reach this server'),
      );
    }
  });
  const failure = await new Promise<AttainError | undefined>((resolve) => {
    const stop = () => {
      server.close(() => resolve(undefined));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    server.once('error', (error: NodeJS.ErrnoException) => resolve(listenError(error, host, port)));
  });
  await withdraw?.();
  await jobs?.stop();
  await app.close();
  await compute.close();
  await store.close();
  if (failure) throw failure;
  return 0;
}

/** Why the server could not listen, for a person: the port is taken, or not this user's to take. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): AttainError {
  const reason = error.code === 'EADDRINUSE' ? 'in-use' : error.code === 'EACCES' ? 'denied' : 'failed';
  const message = {
    'in-use': `${host}:${port} is already in use (another attain serve?); choose another with --port`,
    denied: `${host}:${port} may not be used by this user; choose a port above 1023 with --port`,
    failed: `cannot listen on ${host}:${port}: ${error.message}`,
  }[reason];
  return new AttainError(`serve.port.${reason}`, message, [
    { code: `serve.port.${reason}`, path: '--port', params: { host, port, detail: error.code ?? error.message } },
  ]);
}

async function startServerJobs(
  store: SqlStore,
  catalog: Catalog,
  compute: ComputePool,
  logger: { error(object: object, message?: string): void },
) {
  const [{ startJobs }, { threadEvaluator }, { catalogFingerprint }] = await Promise.all([
    import('../../jobs/start-jobs.js'),
    import('../../jobs/thread-evaluator.js'),
    import('../../program/catalog-fingerprint.js'),
  ]);
  return startJobs(
    store,
    {
      rules: { catalog, fingerprint: catalogFingerprint(catalog) },
      evaluator: threadEvaluator(compute),
      // Short transactions: on the embedded store each one holds this process's event loop, and requests wait.
      chunk: SERVER_JOB_CHUNK,
    },
    { log: (level, message) => logger.error({ level }, message) },
  );
}

/**
 * Lets `attain load`, `run`, `token` and the other store commands work while this server holds the embedded store
 * (PGlite is one process's): they find the server in the data directory and go through its API with an admin token
 * that lives as long as the server. Returns what undoes it at shutdown: the token revoked, the file removed.
 */
async function announceLocally(store: Store, dataDir: string, url: string): Promise<() => Promise<void>> {
  for (const t of await store.listTokens()) {
    if (t.label === LOCAL_LABEL && t.revokedAt === null) await store.revokeToken(t.id, SYSTEM);
  }
  const { secret, token } = await store.createToken({ role: 'admin', org: null, label: LOCAL_LABEL }, SYSTEM);
  const remove = announceServer(dataDir, { pid: process.pid, url, secret });
  return async () => {
    remove();
    await store.revokeToken(token.id, SYSTEM);
  };
}

/**
 * Loads the examples into an empty store and queues the program's run as of the last day their data covers: they
 * are 2017-2018 data, and as of today every level would read "not attained" without saying why.
 */
async function seedExamples(store: Store, catalog: Catalog): Promise<void> {
  if ((await store.listOrganizations()).length > 0) return;
  const [{ readOrganizationFile }, { catalogFingerprint }] = await Promise.all([
    import('../../importers/read-organization-file.js'),
    import('../../program/catalog-fingerprint.js'),
  ]);
  let last = Number.NEGATIVE_INFINITY;
  for (const example of EXAMPLES) {
    const organization = await readOrganizationFile(fileURLToPath(new URL(example, ROOT)), catalog);
    for (const r of organization.revenue) last = Math.max(last, r.date);
    for (const p of organization.people) for (const e of p.exams) last = Math.max(last, e.passed);
    await store.replaceOrganization(organization, SYSTEM, 'org.seed');
  }
  if (Number.isFinite(last)) {
    await store.program.startRun({ kind: 'run', asOf: formatDay(last), catalog: catalogFingerprint(catalog) });
  }
}

/**
 * A new admin token to print: when the store has none (nobody could sign in), or when asked. The secret is stored
 * hashed, so a token printed on an earlier start cannot be shown again; asking for a new one revokes the ones earlier
 * starts printed, so that a secret left in some terminal's scrollback or a log stops working. Otherwise nothing is
 * printed, and nothing revoked: a restart keeps everyone signed in.
 */
async function adminTokenToPrint(store: Store, asked: boolean): Promise<string | null> {
  const tokens = await store.listTokens();
  // The command lines' token is not one a person could sign in with: its secret is only in the data directory.
  const liveAdmin = tokens.some((t) => t.role === 'admin' && t.revokedAt === null && t.label !== LOCAL_LABEL);
  if (liveAdmin && !asked) return null;
  for (const t of tokens) if (t.label === START_LABEL && t.revokedAt === null) await store.revokeToken(t.id, SYSTEM);
  return (await store.createToken({ role: 'admin', org: null, label: START_LABEL }, SYSTEM)).secret;
}
