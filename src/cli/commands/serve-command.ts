import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../catalog/catalog-types.js';
import { shippedCatalogBuild } from '../../catalog/shipped-catalog.js';
import { formatDay } from '../../core/day.js';
import type { ComputePool } from '../../server/compute/compute-pool.js';
import type { SqlStore } from '../../store/sql-store.js';
import type { Store } from '../../store/store.js';
import { catalogOption } from '../common-options.js';
import { loadCatalog } from '../load-catalog-option.js';
import { type OptionSpec, parseArgs, usage } from '../parse-args.js';
import { dataDirOption, openStoreOption } from '../store-option.js';

export const serveOptions: readonly OptionSpec[] = [
  { name: 'port', value: 'PORT', description: 'port to listen on (default 8080; 0 picks a free one)' },
  { name: 'host', value: 'HOST', description: 'address to listen on (default 127.0.0.1)' },
  dataDirOption,
  { name: 'seed-examples', description: 'load the example organizations into an empty store, and print a fresh admin token' },
  { name: 'no-jobs', description: 'run no jobs in this process (when `attain worker`s do them against DATABASE_URL)' },
  catalogOption,
];

const ROOT = new URL('../../../', import.meta.url);
const EXAMPLES = ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml'];
const SYSTEM = { kind: 'system', id: 'attain serve' } as const;
const START_LABEL = 'printed by attain serve';
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
    throw usage(`--port must be a port number, not "${String(options.port)}"`);
  const host = typeof options.host === 'string' ? options.host : '127.0.0.1';
  const catalog = await loadCatalog(options.catalog);
  const catalogDocument =
    typeof options.catalog === 'string' ? undefined : JSON.parse(readFileSync(shippedCatalogBuild(catalog.id), 'utf8'));
  const { store, where } = await openStoreOption(options);
  if (options['seed-examples'] === true) await seedExamples(store, catalog);
  const secret = await adminTokenToPrint(store, options['seed-examples'] === true);

  const [{ serve }, { createApp }, { pino }] = await Promise.all([
    import('@hono/node-server'),
    import('../../server/create-app.js'),
    import('pino'),
  ]);
  const logger = pino({ level: process.env.ATTAIN_LOG_LEVEL ?? 'info' }, pino.destination(2));
  const { ComputePool } = await import('../../server/compute/compute-pool.js');
  // The worker threads load the catalog themselves: the file again, or the shipped one by id.
  const compute = new ComputePool({
    catalog: typeof options.catalog === 'string' ? { file: path.resolve(options.catalog) } : { shipped: catalog.id },
  });
  const app = createApp({ store, catalog, catalogDocument, compute, logger, webRoot: fileURLToPath(new URL('dist/web/', ROOT)) });
  // The program's jobs run here too, unless workers elsewhere do them; evaluation happens on the worker threads.
  const jobs = options['no-jobs'] === true ? undefined : await startServerJobs(store, catalog, compute, logger);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}/`;
    write(`attain is serving ${url}\n  API reference: ${url}api/docs\n  store: ${where}\n`);
    if (secret) write(`  admin token (shown once): ${secret}\n`);
    else write('  sign in with a token from `attain token create --role admin` (run it while the server is stopped)\n');
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await jobs?.stop();
  await app.close();
  await compute.close();
  await store.close();
  return 0;
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
    const organization = await readOrganizationFile(fileURLToPath(new URL(example, ROOT)), catalog.currency);
    for (const r of organization.revenue) last = Math.max(last, r.date);
    for (const p of organization.people) for (const e of p.exams) last = Math.max(last, e.passed);
    await store.replaceOrganization(organization, SYSTEM, 'org.seed');
  }
  if (Number.isFinite(last)) {
    await store.program.startRun({ kind: 'run', asOf: formatDay(last), catalog: catalogFingerprint(catalog) });
  }
}

/**
 * A new admin token to print, when the store has none (nobody could sign in) or when asked to seed: the secret is
 * stored hashed, so a token printed on an earlier start cannot be shown again; the previous printed one is revoked.
 */
async function adminTokenToPrint(store: Store, always: boolean): Promise<string | null> {
  const tokens = await store.listTokens();
  const liveAdmin = tokens.some((t) => t.role === 'admin' && t.revokedAt === null);
  if (liveAdmin && !always) return null;
  for (const t of tokens) if (t.label === START_LABEL && t.revokedAt === null) await store.revokeToken(t.id, SYSTEM);
  return (await store.createToken({ role: 'admin', org: null, label: START_LABEL }, SYSTEM)).secret;
}
