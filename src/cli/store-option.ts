import { AttainError, isAttainError } from '../core/attain-error.js';
import { DEFAULT_DATA_DIR } from '../store/default-data-dir.js';
import type { SqlStore } from '../store/sql-store.js';
import { type OptionSpec, usage } from './parse-args.js';
import { runningServer } from './running-server.js';
import { ServerClient } from './server-client.js';

export const dataDirOption: OptionSpec = {
  name: 'data-dir',
  value: 'DIR',
  description: {
    en: 'the embedded store (default ./attain-data); DATABASE_URL selects PostgreSQL instead',
    'zh-TW': '內嵌儲存區（預設 ./attain-data）；設定 DATABASE_URL 則改用 PostgreSQL',
    'ko-KR': '내장 저장소(기본값 ./attain-data). DATABASE_URL을 설정하면 PostgreSQL을 씁니다',
  },
};

/** Where a command's reads and writes go: the store itself, or the `attain serve` that holds it. */
export type StoreTarget =
  | { readonly kind: 'store'; readonly store: SqlStore; readonly where: string }
  | { readonly kind: 'server'; readonly client: ServerClient; readonly where: string };

/** The store the command line names: PostgreSQL when DATABASE_URL is set, else PGlite in --data-dir. */
export async function openStoreOption(options: Readonly<Record<string, unknown>>): Promise<{ store: SqlStore; where: string }> {
  // Loaded here so that evaluate, plan and forecast never pay for the store's modules.
  const { openStore } = await import('../store/open-store.js');
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    // Several stores may share one database, each in a schema of its own (its job queue beside it).
    const schema = process.env.ATTAIN_DATABASE_SCHEMA || undefined;
    return {
      store: await openStore({ databaseUrl, ...(schema && { schema }) }),
      where: `PostgreSQL at ${redact(databaseUrl)}${schema ? `, schema ${schema}` : ''}`,
    };
  }
  const dataDir = dataDirOf(options);
  const reserveBytes = reserveOf(process.env.ATTAIN_STORE_RESERVE_MB);
  try {
    return {
      store: await openStore({ dataDir, ...(reserveBytes !== undefined && { reserveBytes }) }),
      where: `PGlite in ${dataDir}`,
    };
  } catch (error) {
    // A file where the directory should be (or on its way): the store cannot start, and it is not the store's fault.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    throw new AttainError('cli.data-dir.not-directory', `--data-dir ${dataDir} is not a directory (${code})`, [
      { code: 'cli.data-dir.not-directory', path: '--data-dir', params: { dir: dataDir } },
    ]);
  }
}

/** ATTAIN_STORE_RESERVE_MB: the free space, in MiB, below which the embedded store refuses writes (default 64). */
function reserveOf(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const mb = Number(text);
  if (Number.isInteger(mb) && mb >= 0) return mb * 1024 * 1024;
  throw usage('cli.env.number', { name: 'ATTAIN_STORE_RESERVE_MB', value: text });
}

/**
 * The store, or, when `attain serve` holds the embedded store (one process at a time may open it), that server: the
 * command then goes through its API, so that it works while the server runs and the data stays safe. PostgreSQL is
 * shared by any number of processes and is always opened directly.
 */
export async function openStoreOrServer(options: Readonly<Record<string, unknown>>): Promise<StoreTarget> {
  try {
    return { kind: 'store', ...(await openStoreOption(options)) };
  } catch (error) {
    if (process.env.DATABASE_URL || !isAttainError(error) || error.code !== 'store.locked') throw error;
    const holder = error.issues[0]?.params.pid;
    const server = runningServer(dataDirOf(options), typeof holder === 'number' ? holder : undefined);
    if (!server) throw error;
    const client = new ServerClient(server);
    return { kind: 'server', client, where: client.where };
  }
}

/** Options that only make sense on the store itself: the server that holds it runs with its own catalog. */
export function refuseOnServer(options: Readonly<Record<string, unknown>>, names: readonly string[]): void {
  for (const option of names) {
    if (options[option] === undefined) continue;
    throw new AttainError(
      'cli.server.option',
      `--${option} cannot apply while attain serve holds the store: the server's own catalog is used; stop the server to use another`,
      [{ code: 'cli.server.option', path: `--${option}`, params: { option } }],
    );
  }
}

export function dataDirOf(options: Readonly<Record<string, unknown>>): string {
  return typeof options['data-dir'] === 'string' ? options['data-dir'] : DEFAULT_DATA_DIR;
}

/** A database URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
