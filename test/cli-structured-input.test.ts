import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Runs bin/attain.js, which runs the build: `npm test` builds first.
const work = mkdtempSync(join(tmpdir(), 'attain-cli-structured-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const file = join(work, name);
  writeFileSync(file, content);
  return file;
};

const BAD_JSON = '{\n  "id": "x",\n  "market": "developed",\n  "people": [1,] }\n';
const TAB_YAML = 'id: x\nmarket: developed\npeople:\n  - id: a\n\tname: b\n  - id: c\n';

/** Each command that reads structured input, on a file. */
const COMMANDS: Readonly<Record<string, (file: string) => string[]>> = {
  evaluate: (file) => ['evaluate', file],
  'catalog validate': (file) => ['catalog', 'validate', file],
  import: (file) => ['import', file, '--org', 'x', '--dry-run', '--data-dir', join(work, 'data')],
  load: (file) => ['load', file, '--data-dir', join(work, 'data')],
};

describe('every command reads JSON and YAML with one reader: file, line, column and the text there', () => {
  const json = write('bad.json', BAD_JSON);
  const yaml = write('tab.yaml', TAB_YAML);

  it.each(Object.keys(COMMANDS))(
    '%s names the file, line and column of a JSON syntax error, and shows the line',
    async (name) => {
      const result = await runCli((COMMANDS[name] as (file: string) => string[])(json));
      expect(result.status).toBe(2);
      // load reports each refused file among the loaded ones, on stdout.
      expect(result.stderr + result.stdout).toContain(
        `${json}: $ (4:16): not valid JSON: unexpected "]" (at \`"people": [1,] }\`) [input.malformed-json]`,
      );
      expect(result.stderr).not.toContain('internal error');
    },
    60_000,
  );

  it.each(Object.keys(COMMANDS))(
    '%s reports one YAML error, at the tab that causes it',
    async (name) => {
      const result = await runCli((COMMANDS[name] as (file: string) => string[])(yaml));
      expect(result.status).toBe(2);
      const problems = (result.stderr + result.stdout).split('\n').filter((line) => line.includes('[input.malformed-yaml]'));
      expect(problems).toEqual([
        `  ${yaml}: $ (5:1): not valid YAML: Tabs are not allowed as indentation (at \`\\tname: b\`) [input.malformed-yaml]`,
      ]);
    },
    60_000,
  );

  it('says it in Traditional Chinese and Korean', async () => {
    const zh = await runCli(['evaluate', json, '--lang', 'zh-TW']);
    expect(zh.stderr).toContain('$ (4:16): 不是有效的 JSON：此處不應出現 "]"（位於："people": [1,] }）');
    const ko = await runCli(['catalog', 'validate', yaml], { LANG: 'ko_KR.UTF-8' });
    expect(ko.stderr).toContain(
      '$ (5:1): 올바른 YAML이 아닙니다: 탭 문자로 들여쓸 수 없습니다. 공백을 사용하세요 (해당 부분: \\tname: b)',
    );
  });

  it('says where a text ends too early, and an NDJSON line at its own line', async () => {
    const end = write('end.json', '{"id": "x", "people": [\n\n');
    expect((await runCli(['evaluate', end])).stderr).toContain(
      `${end}: $ (1:24): not valid JSON: the text ends before the JSON does (at \`{"id": "x", "people": [\`)`,
    );
    const lines = write('two.ndjson', '{"id":"a","market":"developed"}\n{"id": "b", ]\n');
    const load = await runCli(['load', lines, '--data-dir', join(work, 'data')]);
    expect(load.stderr + load.stdout).toContain(`${lines}: $ (2:13): not valid JSON: unexpected "]"`);
  }, 60_000);
});
