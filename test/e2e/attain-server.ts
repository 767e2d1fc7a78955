import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Whether the built CLI has `attain serve` yet; the end-to-end tests skip (saying why) until it does. */
export function hasServeCommand(): boolean {
  const main = join(ROOT, 'dist/cli/main.js');
  return existsSync(main) && /\bserve\b/.test(readFileSync(main, 'utf8')) && existsSync(join(ROOT, 'dist/web/index.html'));
}

export interface RunningServer {
  readonly url: string;
  readonly adminToken: string;
  /** Calls the API with a token; returns the status and the JSON body (or null). */
  api(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** A partner token scoped to one organization. */
  partnerToken(org: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the real `attain serve --port 0 --data-dir <fresh dir>` and reads its URL and admin token from stdout;
 * `args` are more options of `serve` (`--catalog PATH`).
 */
export async function startServer(args: readonly string[] = []): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attain-e2e-data-'));
  const child = spawn(process.execPath, ['bin/attain.js', 'serve', '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ATTAIN_LOG_LEVEL: 'warn' },
  });
  const { url, token } = await readBanner(child);
  const api: RunningServer['api'] = async (secret, method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    url,
    adminToken: token,
    api,
    partnerToken: async (org) => {
      const created = await api(token, 'POST', '/api/tokens', { role: 'partner', org, label: 'e2e' });
      if (created.status >= 300) throw new Error(`cannot create a partner token: ${JSON.stringify(created.body)}`);
      return String((created.body as { secret: string }).secret);
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server prints its URL and, on a fresh data directory, an admin token. */
function readBanner(child: ChildProcess): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`attain serve printed no URL and token within 60 s:\n${out}\n${err}`)),
      60_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`attain serve exited with ${code}:\n${out}\n${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /https?:\/\/[^\s"']+/.exec(out)?.[0]?.replace(/\/$/, '');
      // "  admin token (shown once): att_…"
      const token = /admin token[^:\n]*:\s*(\S+)/i.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ url, token });
      }
    });
  });
}

/** The example organizations as JSON documents, to PUT into a fresh server. */
export function exampleOrganizations(): { id: string; document: unknown }[] {
  return ['examples/contoso-dynamics.json', 'examples/fabrikam-ops.yaml'].map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return { id: (document as { id: string }).id, document };
  });
}

/** An organization of `size` people, each with exams of the Customer Engagement option, and a year of revenue. */
export function largeOrganization(id: string, size: number): unknown {
  const exams = ['MB2-715', 'MB2-716', 'MB2-717', 'MB2-718', 'MB2-877', 'MB2-714', 'MB2-710'];
  const people = Array.from({ length: size }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Person ${i + 1}`,
    exams: exams
      .filter((_, j) => (i + j) % 3 !== 0)
      .map((exam, j) => ({
        exam,
        passed: `2017-${String((j % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      })),
  }));
  const customers = Array.from({ length: 50 }, (_, i) => ({
    id: `c${i + 1}`,
    name: `Customer ${i + 1}`,
    dpor: [{ from: '2016-01-01' }],
  }));
  const revenue = customers.map((c, i) => ({
    customer: c.id,
    product: 'd365-customer-engagement-plan',
    date: `2017-${String((i % 12) + 1).padStart(2, '0')}-15`,
    amount: '12000',
    currency: 'USD',
    netNew: true,
  }));
  return { id, name: 'Large Partner Ltd', market: 'developed', country: 'KR', people, customers, revenue };
}
