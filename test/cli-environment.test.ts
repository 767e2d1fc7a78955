import { execFile, spawn } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Failures of the machine rather than of the input, met for real: files and directories the user may not read, a
 * directory given as a file, a store directory that cannot be made or written, standard output on a full disk. Each
 * is a coded line in the user's language with status 2, never a Node stack trace. Permissions bind only a user who is
 * not root, so those run the CLI as nobody (the tests run as root, as the store's fault tests do).
 */
const bin = fileURLToPath(new URL('../bin/attain.js', import.meta.url));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const work = mkdtempSync(join(tmpdir(), 'attain-cli-environment-'));
chmodSync(work, 0o777);
afterAll(() => {
  chmodSync(join(work, 'locked-dir'), 0o755);
  rmSync(work, { recursive: true, force: true });
});
const org = join(work, 'org.json');
copyFileSync('examples/contoso-dynamics.json', org);
chmodSync(org, 0o644);
const locked = join(work, 'locked.json');
copyFileSync(org, locked);
chmodSync(locked, 0o000);
const lockedDir = join(work, 'locked-dir');
mkdirSync(lockedDir);
copyFileSync(org, join(lockedDir, 'org.json'));
chmodSync(lockedDir, 0o000);
const readOnly = join(work, 'read-only');
mkdirSync(readOnly, { mode: 0o555 });
chmodSync(readOnly, 0o555);
const aFile = join(work, 'a-file');
writeFileSync(aFile, 'not a directory');

type Result = { status: number; stdout: string; stderr: string };

function run(args: readonly string[], options: { nobody?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: process.cwd(),
        env: { ...process.env, LANG: 'C', ...options.env },
        ...(options.nobody && { uid: NOBODY, gid: NOBODY }),
      },
      (error, stdout, stderr) => resolve({ status: error && typeof error.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

function expectCoded(result: Result, code: string, words: string) {
  expect(result.stderr).toContain(`[${code}]`);
  expect(result.stderr).toContain(words);
  expect(result.status).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
}

describe.skipIf(!isRoot)('the CLI as a user without permission (nobody)', () => {
  const data = join(work, 'data');
  it.each([
    ['evaluate', [locked]],
    ['catalog validate', ['catalog', 'validate', locked]],
    ['evaluate --catalog', ['evaluate', org, '--catalog', locked]],
    ['import', ['import', locked, '--org', 'x', '--data-dir', data]],
    ['impact --catalog', ['impact', '--catalog', locked, '--data-dir', data]],
  ])(
    '%s of a file it may not read: input.unreadable, permission denied',
    async (name, args) => {
      const result = await run(name === 'evaluate' ? ['evaluate', ...args] : args, { nobody: true });
      expectCoded(result, 'input.unreadable', `${locked}: $: cannot read the file: permission denied (EACCES)`);
    },
    60_000,
  );

  it('load of a directory it may not list: that directory refused, in Korean too', async () => {
    const result = await run(['load', lockedDir, '--data-dir', join(work, 'load-data')], {
      nobody: true,
      env: { LANG: 'ko_KR.UTF-8' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain(
      `${lockedDir}: $: 파일을 읽을 수 없습니다: 읽기 권한이 없습니다(EACCES) [input.unreadable]`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a store directory it may not make: store.read-only, said in the language asked for', async () => {
    const result = await run(['evaluate', '--org', 'x', '--data-dir', join(readOnly, 'store'), '--lang', 'zh-TW'], {
      nobody: true,
    });
    expectCoded(result, 'store.read-only', `attain: 無法寫入儲存區的檔案（${join(readOnly, 'store')}）`);
  }, 60_000);
});

describe('the CLI on the machine’s other refusals', () => {
  it.each([
    ['evaluate', ['evaluate', work]],
    ['catalog validate', ['catalog', 'validate', work]],
    ['import', ['import', work, '--org', 'x', '--data-dir', join(work, 'data')]],
  ])(
    '%s of a directory given as a file: input.unreadable, a directory',
    async (_, args) => {
      const result = await run(args);
      expectCoded(result, 'input.unreadable', `${work}: $: cannot read the file: it is a directory, not a file (EISDIR)`);
      // An import's file is said not imported, whatever stopped it.
      if (args[0] === 'import') expect(result.stderr).toContain('nothing was imported');
    },
    60_000,
  );

  it('a --data-dir that is a file, or under one: a coded line, not EEXIST from mkdir', async () => {
    expectCoded(
      await run(['evaluate', '--org', 'x', '--data-dir', aFile]),
      'cli.data-dir.not-directory',
      `${aFile}: a file is in the way`,
    );
    const under = join(aFile, 'store');
    expectCoded(await run(['token', 'list', '--data-dir', under]), 'cli.data-dir.not-directory', under);
  }, 60_000);

  it.each([
    ['en', 'attain: cannot write the output: the disk is full (ENOSPC) [cli.output.failed]'],
    ['ko', 'attain: 출력을 쓸 수 없습니다: 디스크가 가득 찼습니다(ENOSPC) [cli.output.failed]'],
    ['zh-TW', 'attain: 無法寫入輸出：磁碟已滿（ENOSPC） [cli.output.failed]'],
  ])('output to a full disk (/dev/full) in %s: one coded line on stderr, status 2', async (lang, line) => {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [bin, 'evaluate', org, '--as-of', '2018-03-31', '--lang', lang], {
      stdio: ['ignore', full, 'pipe'],
      env: { ...process.env, LANG: 'C' },
    });
    closeSync(full);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe(`${line}\n`);
    expect(status).toBe(2);
  });
});
