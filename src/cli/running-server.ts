import { chmodSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How a command line finds the `attain serve` that holds an embedded store: its address and a token for it. */
export interface RunningServer {
  readonly pid: number;
  /** Where this machine reaches it: a loopback address even when the server listens on every interface. */
  readonly url: string;
  /** An admin token that lives as long as the server; the file is readable by its owner only. */
  readonly secret: string;
}

const FILE = 'server.json';

/**
 * Tells command lines on this machine that `attain serve` holds the store in `dataDir` and how to reach it. The
 * secret is as sensitive as the directory itself (whoever reads the directory reads every organization), so the file
 * gets the same protection: owner-only, written whole before it appears. Returns the function that removes it.
 */
export function announceServer(dataDir: string, server: RunningServer): () => void {
  const file = path.join(dataDir, FILE);
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(server)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return () => {
    if (readServerFile(dataDir)?.pid === server.pid) removeIfPresent(file);
  };
}

/** The server announced in `dataDir`, if that process still runs and holds the store's lock (`holder`). */
export function runningServer(dataDir: string, holder: number | undefined): RunningServer | undefined {
  const server = readServerFile(dataDir);
  return server !== undefined && server.pid === holder ? server : undefined;
}

function readServerFile(dataDir: string): RunningServer | undefined {
  try {
    const value = JSON.parse(readFileSync(path.join(dataDir, FILE), 'utf8')) as Partial<RunningServer>;
    const { pid, url, secret } = value;
    return typeof pid === 'number' && typeof url === 'string' && typeof secret === 'string' ? { pid, url, secret } : undefined;
  } catch {
    return undefined;
  }
}

/** The loopback URL of a server listening on `host` and `port`. */
export function loopbackUrl(host: string, port: number): string {
  const local = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}/`;
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
