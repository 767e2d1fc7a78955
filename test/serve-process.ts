import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A JSON answer of the API: an error, or whatever the route returns. */
export type ApiBody = { readonly error?: { readonly code: string; readonly message: string } } & Record<string, unknown>;

/** A running `attain serve` started by a test, as users start it. */
export interface ServeProcess {
  readonly url: string;
  /** The admin token the banner printed, if it printed one. */
  readonly adminToken: string | undefined;
  /** Everything printed so far (stdout, then stderr). */
  readonly output: () => string;
  /** Whether the process is still running. */
  running(): boolean;
  /** Calls the API; returns the status and the parsed JSON body (null when empty). */
  call(token: string | null, method: string, route: string, body?: unknown): Promise<{ status: number; body: ApiBody | null }>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Run as this user (root only): a data directory made read-only then binds a process that is not root. */
  readonly uid?: number;
  readonly gid?: number;
}

/** Starts `attain serve --port 0 --data-dir DIR` and waits for its banner (or its exit, which rejects). */
export function startServe(dataDir: string, options: ServeOptions = {}): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['bin/attain.js', 'serve', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    {
      cwd: ROOT,
      env: { ...process.env, ATTAIN_LOG_LEVEL: 'warn', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined && { uid: options.uid }),
      ...(options.gid !== undefined && { gid: options.gid }),
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`attain serve printed no banner within 90 s:\n${out}\n${err}`)), 90_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`attain serve exited with ${code}:\n${out}\n${err}`), { code, stdout: out, stderr: err }));
    };
    child.once('exit', onExit);
    child.stdout?.on('data', () => {
      const url = /serving (http:\/\/\S+)/.exec(out)?.[1];
      const banner = /admin token \(shown once\): (\S+)|sign in with|--new-admin-token/.exec(out);
      if (!url || !banner) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(serveProcess(child, url.replace(/\/$/, ''), banner[1], () => `${out}${err}`));
    });
  });
}

function serveProcess(child: ChildProcess, url: string, adminToken: string | undefined, output: () => string): ServeProcess {
  return {
    url,
    adminToken,
    output,
    running: () => child.exitCode === null && child.signalCode === null,
    async call(token, method, route, body) {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: { ...(token && { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as ApiBody) : null };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
