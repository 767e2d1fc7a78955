import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Runs bin/attain.js, which runs the build: `npm test` builds first.
const work = mkdtempSync(join(tmpdir(), 'attain-cli-messages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The shipped catalog with its first threshold made negative. */
function catalogWithNegativeThreshold(): string {
  const text = readFileSync('catalogs/mpn-2017.yaml', 'utf8').replace('developed: 100000', 'developed: -5');
  const file = join(work, 'negative.yaml');
  writeFileSync(file, text);
  return file;
}

describe('attain catalog validate says every problem in words', () => {
  it.each([
    ['en', 'the threshold "-5" is not an amount of zero or more'],
    ['zh-TW', '門檻「-5」不是零或以上的金額'],
    ['ko', '기준 금액 "-5"는 0 이상의 금액이 아닙니다'],
  ])('in %s, not as code {json}', async (lang, words) => {
    const result = await runCli(['catalog', 'validate', catalogWithNegativeThreshold(), '--lang', lang]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain('[catalog.threshold.invalid]');
    expect(result.stderr).not.toContain('{"value"');
  });
});
