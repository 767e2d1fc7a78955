/**
 * `attain serve` prints an admin token only when it creates one (issue 14): on the first start, when the store has no
 * admin, or when asked with --new-admin-token; `npm start` (serve --seed-examples) on an existing store prints none
 * and revokes none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe } from './serve-process.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-admin-token-'));
const dataDir = path.join(dir, 'data');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the admin token attain serve prints', () => {
  let first = '';

  it('is printed on the first start, when the store has no admin', async () => {
    const server = await startServe(dataDir, { args: ['--seed-examples'] });
    try {
      expect(server.adminToken).toMatch(/^att_/);
      first = server.adminToken as string;
      expect((await server.call(first, 'GET', '/api/me')).body).toMatchObject({ role: 'admin' });
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('is not printed again on the next start, and the first one still works', async () => {
    const server = await startServe(dataDir, { args: ['--seed-examples'] });
    try {
      expect(server.adminToken).toBeUndefined();
      expect(server.output()).not.toContain('att_');
      expect(server.output()).toContain('--new-admin-token');
      expect((await server.call(first, 'GET', '/api/me')).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('is printed when asked with --new-admin-token, which revokes the one printed before', async () => {
    const server = await startServe(dataDir, { args: ['--new-admin-token'] });
    try {
      expect(server.adminToken).toMatch(/^att_/);
      expect(server.adminToken).not.toBe(first);
      expect((await server.call(server.adminToken as string, 'GET', '/api/me')).status).toBe(200);
      expect((await server.call(first, 'GET', '/api/me')).status).toBe(401);
      const audit = await server.call(server.adminToken as string, 'GET', '/api/audit?limit=20');
      const entries = (audit.body?.entries ?? []) as { action: string }[];
      const actions = entries.map((e) => e.action);
      expect(actions).toContain('token.revoke');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
