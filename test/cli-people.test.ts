import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-cli-people-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }), 60_000);

describe('attain people --claimed-twice', () => {
  it('lists individuals two organizations claim, one line per claim, or as JSON', async () => {
    const data = path.join(dir, 'data');
    const organization = (id: string, people: unknown[]) => {
      const file = path.join(dir, `${id}.json`);
      writeFileSync(file, JSON.stringify({ id, market: 'developed', people, customers: [], revenue: [] }));
      return file;
    };
    const one = organization('one', [{ id: 'p1', mcid: 'MC-5', email: 'Kim@Example.com', exams: [] }]);
    const two = organization('two', [{ id: 'q9', email: 'kim@example.com', exams: [] }]);
    const three = organization('three', [{ id: 'r2', mcid: 'MC-5', exams: [] }]);
    for (const file of [one, two])
      expect((await runCli(['import', file, '--org', path.basename(file, '.json'), '--data-dir', data])).status).toBe(0);
    const refused = await runCli(['import', three, '--org', 'three', '--data-dir', data]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('MC-5');

    const text = await runCli(['people', '--claimed-twice', '--data-dir', data]);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n').map((line) => line.split('\t').slice(0, 4).join(' '))).toEqual([
      'mcid MC-5 listed one p1',
      'mcid MC-5 refused three r2',
      'email kim@example.com listed one p1',
      'email kim@example.com listed two q9',
      '',
    ]);
    expect(text.stdout).toContain('(1×) not stored');
    const json = JSON.parse(
      (await runCli(['people', '--claimed-twice', '--limit', '1', '--format', 'json', '--data-dir', data])).stdout,
    );
    expect(json).toMatchObject({ total: 2, offset: 0, limit: 1, rows: [{ kind: 'mcid', identity: 'MC-5' }] });
    const bad = await runCli(['people', '--claimed-twice', '--limit', 'x', '--data-dir', data]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--limit must be a whole number');
    expect((await runCli(['people', '--data-dir', data])).stderr).toContain('people needs more');
    // Each command opens the embedded store, and the first creates it: seconds each on a busy machine.
  }, 180_000);
});
