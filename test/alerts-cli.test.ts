import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { runToCompletion } from '../src/jobs/run-to-completion.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { openStore } from '../src/store/open-store.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-alerts-cli-'));
const data = ['--data-dir', dir];

beforeAll(async () => {
  const store = await openStore({ dataDir: dir });
  await store.replaceOrganization(await readOrganizationFile('examples/contoso-dynamics.json'), { kind: 'cli', id: 'test' });
  const catalog = await loadShippedCatalog();
  const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
  await runToCompletion(
    store,
    rules,
    (await store.program.startRun({ kind: 'run', asOf: '2018-03-31', catalog: rules.fingerprint })).id,
  );
  await store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attain alerts', () => {
  it('subscribes with the secret on stdout once, lists, logs what is due, disables and removes', async () => {
    const refused = await runCli(['alerts', 'add', '--url', 'http://10.1.2.3/hook', '--org', 'contoso', ...data]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('[alert.url.invalid]');
    const allowed = await runCli(['alerts', 'add', '--url', 'http://127.0.0.1:9/hook', '--org', 'contoso', ...data], {
      ATTAIN_ALERT_HTTP_HOSTS: '127.0.0.1',
    });
    expect(allowed.status, allowed.stderr).toBe(0);
    const added = await runCli([
      'alerts',
      'add',
      '--url',
      'https://hooks.example.invalid/a',
      '--org',
      'contoso',
      '--lead-days',
      '45',
      '--lang',
      'ko',
      ...data,
    ]);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^whsec_\S+\n$/);
    expect(added.stderr).toContain('이번 한 번만 표시됩니다');
    const list = await runCli(['alerts', 'list', ...data]);
    expect(list.stdout).not.toContain('whsec_');
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 5)),
    ).toEqual([
      ['1', 'contoso', 'enabled', 'at-risk,lapse', '30d'],
      ['2', 'contoso', 'enabled', 'at-risk,lapse', '45d'],
    ]);
    // Both look far enough ahead for Gold's loss on 2018-04-30; the stored standing queued it on subscribing.
    const log = JSON.parse((await runCli(['alerts', 'log', '--format', 'json', ...data])).stdout) as {
      deliveries: { subscription: string; event: string; date: string; status: string }[];
    };
    expect(log.deliveries.map((d) => [d.subscription, d.event, d.date, d.status])).toEqual([
      ['2', 'at-risk', '2018-04-30', 'pending'],
      ['1', 'at-risk', '2018-04-30', 'pending'],
    ]);
    const disabled = await runCli(['alerts', 'disable', '2', ...data]);
    expect(disabled.stdout).toContain('\tdisabled\t');
    const missing = await runCli(['alerts', 'remove', '9', '--lang', 'zh-TW', ...data]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('沒有警示訂閱「9」');
    const removed = await runCli(['alerts', 'remove', '1', ...data]);
    expect(removed.status).toBe(0);
    expect((await runCli(['alerts', 'list', ...data])).stdout.trim().split('\n')).toHaveLength(1);
    const bad = await runCli(['alerts', 'add', '--url', 'https://x.example', '--org', 'contoso', '--events', 'soon', ...data]);
    expect(bad.stderr).toContain('[cli.option.choice]');
  }, 120_000);
});
