/**
 * The real `attain serve` on a disk that fills up and on a data directory that turns read-only (issue 14): readiness
 * says so with a code, signed-in reads keep working (never 401 or 500), writes are refused with a 5xx and a code,
 * and the server recovers by itself when space or write access returns. A full disk is a small tmpfs, which needs
 * root; a read-only directory is made with chmod, which binds root only through a process of another user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeOrganization } from './e2e/attain-server.js';
import { type ServeProcess, startServe } from './serve-process.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const MB = 1024 * 1024;
/** The store's reserve, as the server is told it: writes are refused below it. */
const RESERVE_MB = 32;

/** Whether this machine lets the test mount a tmpfs (root, and a kernel that allows it here). */
function canMountTmpfs(): boolean {
  if (!isRoot) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'attain-tmpfs-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const tmpfs = canMountTmpfs();
if (!tmpfs) console.warn('full-disk tests skipped: mounting a tmpfs needs root');

const available = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Writes zeros to `file` until only `leave` bytes are free on its filesystem (0: until the disk is full). */
function fill(file: string, leave: number): void {
  const fd = openSync(file, 'a');
  const block = Buffer.alloc(MB);
  try {
    for (;;) {
      const free = available(path.dirname(file));
      if (free <= leave) return;
      writeSync(fd, block, 0, Math.min(block.length, free - leave));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

const small = (id: string) => ({ id, name: id, market: 'developed', people: [], customers: [], revenue: [] });
const EVALUATION = '/api/orgs/contoso/evaluation?asOf=2018-03-31';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!tmpfs)('a full disk under attain serve', () => {
  const mount = mkdtempSync(path.join(os.tmpdir(), 'attain-full-'));
  const dataDir = path.join(mount, 'data');
  const filler = path.join(mount, 'filler');
  let server: ServeProcess | undefined;
  let token = '';

  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mount]);
    server = await startServe(dataDir, { args: ['--seed-examples'], env: { ATTAIN_STORE_RESERVE_MB: String(RESERVE_MB) } });
    token = server.adminToken as string;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    spawnSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  it('refuses a write that would leave less than the reserve, and rolls it back whole', async () => {
    const s = server as ServeProcess;
    expect((await s.call(null, 'GET', '/api/ready')).status).toBe(200);
    // A few megabytes above the reserve, and an organization whose write takes more than that: 100,000 revenue
    // records are some 3 MB in their chunks and as much again in the write-ahead log.
    fill(filler, (RESERVE_MB + 4) * MB);
    const big = await s.call(token, 'PUT', '/api/orgs/big', largeOrganization('big', 100_000));
    expect(big.status).toBe(507);
    expect(big.body?.error?.code).toBe('store.disk-full');
    expect((await s.call(token, 'GET', '/api/orgs/big')).status).toBe(404);
  }, 60_000);

  it('on a full disk: readiness says so, reads keep working (never 401), writes get 507 store.disk-full', async () => {
    const s = server as ServeProcess;
    fill(filler, 0);
    const ready = await s.call(null, 'GET', '/api/ready');
    expect(ready.status).toBe(507);
    expect(ready.body?.error?.code).toBe('store.disk-full');
    expect((await s.call(null, 'GET', '/api/health')).status).toBe(200);
    const put = await s.call(token, 'PUT', '/api/orgs/tiny', small('tiny'));
    expect([put.status, put.body?.error?.code]).toEqual([507, 'store.disk-full']);
    // Past the token cache's two seconds, authentication reads the store again.
    await sleep(2200);
    for (const route of ['/api/me', '/api/orgs', EVALUATION]) {
      expect([route, (await s.call(token, 'GET', route)).status]).toEqual([route, 200]);
    }
    expect((await s.call('att_wrong', 'GET', '/api/me')).status).toBe(401);
  }, 60_000);

  it('recovers by itself when space returns: ready again, and writes land', async () => {
    const s = server as ServeProcess;
    rmSync(filler);
    expect((await s.call(null, 'GET', '/api/ready')).status).toBe(200);
    expect((await s.call(token, 'PUT', '/api/orgs/tiny', small('tiny'))).status).toBe(200);
    expect((await s.call(token, 'GET', '/api/orgs/tiny')).status).toBe(200);
  }, 60_000);

  it('a start on a full disk stops with store.disk-full, not an internal error, and starts once space returns', async () => {
    await server?.stop();
    fill(filler, 0);
    const failed = await startServe(dataDir, { env: { ATTAIN_STORE_RESERVE_MB: String(RESERVE_MB) } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('store.disk-full');
    expect(failed?.stderr).not.toContain('internal error');
    rmSync(filler);
    server = await startServe(dataDir, { env: { ATTAIN_STORE_RESERVE_MB: String(RESERVE_MB) } });
    expect((await server.call(token, 'GET', '/api/orgs/tiny')).status).toBe(200);
  }, 120_000);
});

describe('a read-only data directory under attain serve', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'attain-ro-'));
  const dataDir = path.join(parent, 'data');
  // chmod does not bind root: the server then runs as nobody.
  const user = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  let server: ServeProcess | undefined;
  let token = '';
  const writable = (yes: boolean) => execFileSync('chmod', ['-R', yes ? 'u+w' : 'a-w', dataDir]);

  beforeAll(async () => {
    mkdirSync(dataDir);
    if (isRoot) chownSync(parent, NOBODY, NOBODY);
    if (isRoot) chownSync(dataDir, NOBODY, NOBODY);
    server = await startServe(dataDir, { args: ['--seed-examples'], ...user });
    token = server.adminToken as string;
  }, 120_000);

  afterAll(async () => {
    writable(true);
    await server?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('readiness says store.read-only; evaluation and other reads still answer; writes get 503 store.read-only', async () => {
    const s = server as ServeProcess;
    expect((await s.call(null, 'GET', '/api/ready')).status).toBe(200);
    writable(false);
    const ready = await s.call(null, 'GET', '/api/ready').catch((error: Error) => {
      throw new Error(`${error.message}; the server said:\n${s.output().slice(-6000)}`);
    });
    expect([ready.status, ready.body?.error?.code]).toEqual([503, 'store.read-only']);
    expect((await s.call(null, 'GET', '/api/health')).status).toBe(200);
    expect((await s.call(token, 'GET', EVALUATION)).status).toBe(200);
    const put = await s.call(token, 'PUT', '/api/orgs/tiny', small('tiny'));
    expect([put.status, put.body?.error?.code]).toEqual([503, 'store.read-only']);
    await sleep(2200);
    expect((await s.call(token, 'GET', '/api/me')).status).toBe(200);
    expect((await s.call(token, 'GET', EVALUATION.replace('03-31', '03-30'))).status).toBe(200);
  }, 60_000);

  it('recovers by itself when the directory is writable again', async () => {
    const s = server as ServeProcess;
    writable(true);
    await sleep(1100);
    expect((await s.call(null, 'GET', '/api/ready')).status).toBe(200);
    expect((await s.call(token, 'PUT', '/api/orgs/tiny', small('tiny'))).status).toBe(200);
  }, 60_000);

  it('a start on a read-only directory stops with store.read-only, not an internal error', async () => {
    await server?.stop();
    writable(false);
    const failed = await startServe(dataDir, user).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    writable(true);
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('store.read-only');
    expect(failed?.stderr).not.toContain('internal error');
  }, 120_000);
});
