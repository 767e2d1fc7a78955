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

describe('the command line refuses what was typed in the user’s language', () => {
  /** A mistake of each kind, and what it reads as in each language. */
  const MISTAKES: readonly (readonly [args: string[], en: string, zh: string, ko: string])[] = [
    [
      ['evaluate', 'examples/contoso-dynamics.json', '--asof', '2018-03-31'],
      'attain: unknown option --asof; did you mean --as-of? [cli.option.unknown]',
      'attain: 未知的選項 --asof；您是指 --as-of 嗎？ [cli.option.unknown]',
      'attain: 알 수 없는 옵션: --asof. --as-of 옵션을 찾으셨나요? [cli.option.unknown]',
    ],
    [
      ['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-02-30'],
      'attain: --as-of must be a date YYYY-MM-DD, not "2018-02-30" [cli.option.date]',
      'attain: --as-of 必須是 YYYY-MM-DD 格式的日期，而不是「2018-02-30」 [cli.option.date]',
      'attain: --as-of 옵션은 YYYY-MM-DD 형식의 날짜여야 하지만 "2018-02-30"입니다 [cli.option.date]',
    ],
    [
      ['evaluate', 'examples/contoso-dynamics.json', '--as-of', '0999-01-01'],
      'attain: --as-of: "0999-01-01" is outside the dates attain reads',
      'attain: --as-of: 「0999-01-01」超出 attain 可讀取的日期範圍',
      'attain: --as-of: "0999-01-01": 읽을 수 있는 날짜 범위',
    ],
    [
      ['evaluate', 'examples/contoso-dynamics.json', '--format', 'xml'],
      'attain: --format must be one of text, json, not "xml" [cli.option.choice]',
      'attain: --format 必須是 text, json 其中之一，而不是「xml」 [cli.option.choice]',
      'attain: --format 옵션은 text, json 중 하나여야 하지만 "xml"입니다 [cli.option.choice]',
    ],
    [
      ['forecast', 'examples/contoso-dynamics.json', '--at-risk', 'soon'],
      'attain: --at-risk must be a whole number of days of at least 1, not "soon" [cli.option.number]',
      'attain: --at-risk 必須是至少 1 的整數（天數），而不是「soon」 [cli.option.number]',
      'attain: --at-risk 옵션은 1 이상의 정수(일수)여야 하지만 "soon"입니다 [cli.option.number]',
    ],
    [
      ['plan', 'examples/contoso-dynamics.json'],
      'attain: plan needs more: attain plan FILE|--org ID --target COMPETENCY/OPTION/LEVEL [cli.arguments.missing]',
      'attain: plan 缺少必要的參數；用法：attain plan FILE|--org ID --target COMPETENCY/OPTION/LEVEL',
      'attain: plan 명령에 필요한 인수가 없습니다. 사용법: attain plan FILE|--org ID',
    ],
    [
      ['evalute', 'examples/contoso-dynamics.json'],
      'attain: unknown command "evalute"; did you mean "evaluate"? [cli.command.unknown]\nattain --help lists the commands.',
      'attain: 未知的命令「evalute」；您是指「evaluate」嗎？ [cli.command.unknown]\n執行 attain --help 可查看所有命令。',
      'attain: 알 수 없는 명령: "evalute". "evaluate" 명령을 찾으셨나요? [cli.command.unknown]\n명령 목록은 attain --help에서 볼 수 있습니다.',
    ],
  ];

  it.each(MISTAKES)('%j: one line, in en, zh-TW (--lang) and ko-KR ($LANG), exit 2', async (args, en, zh, ko) => {
    const english = await runCli(args);
    const chinese = await runCli([...args, '--lang', 'zh-TW']);
    const korean = await runCli(args, { LANG: 'ko_KR.UTF-8' });
    for (const [result, words] of [
      [english, en],
      [chinese, zh],
      [korean, ko],
    ] as const) {
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(words);
      expect(result.stderr.split('\n').length).toBeLessThan(8);
    }
  });

  it('ends with the command’s usage lines and where its options are, in the same language', async () => {
    const result = await runCli(['plan', 'examples/contoso-dynamics.json', '--lang', 'ko']);
    expect(result.stderr).toBe(
      'attain: plan 명령에 필요한 인수가 없습니다. 사용법: attain plan FILE|--org ID --target COMPETENCY/OPTION/LEVEL [cli.arguments.missing]\n' +
        '사용법:\n  attain plan FILE|--org ID --target C/O/L\n옵션 목록은 attain plan --help에서 볼 수 있습니다.\n',
    );
  });
});

describe('the help in every language', () => {
  const descriptions = (help: string) =>
    [...help.matchAll(/^ {2}(?:--[a-z-]+(?: \S+)?\s+|attain \S.*?\s{2,})(\S.*)$/gm)].map(([, text]) => text);

  it.each([
    ['zh-TW', /[\u4e00-\u9fff]/],
    ['ko-KR', /[\uac00-\ud7af]/],
  ])('says every command and option in %s, chosen by --lang or $LANG', async (lang, script) => {
    const overview = (await runCli(['--help', '--lang', lang])).stdout;
    const english = (await runCli(['--help'])).stdout;
    expect(overview).not.toEqual(english);
    const commands = [...new Set([...english.matchAll(/^ {2}attain ([a-z]+)/gm)].map(([, c]) => c as string))];
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) {
      const help = (await runCli([command, '--help'], { LANG: lang === 'zh-TW' ? 'zh_TW.UTF-8' : 'ko_KR.UTF-8' })).stdout;
      const said = descriptions(help);
      expect(said.length, command).toBeGreaterThan(0);
      for (const text of said) expect(text, `${command}: ${text}`).toMatch(script);
    }
  });
});

describe('what the store commands say, in every language', () => {
  it('token create, list and revoke speak the language asked for', async () => {
    const dataDir = join(work, 'tokens');
    const created = await runCli(['token', 'create', '--role', 'admin', '--data-dir', dataDir, '--lang', 'ko-KR']);
    expect(created.status).toBe(0);
    expect(created.stderr).toMatch(/^토큰 \S+\(admin\)\. 위의 비밀 값은 이번 한 번만 표시됩니다\n$/);
    const listed = await runCli(['token', 'list', '--data-dir', dataDir, '--lang', 'zh-TW']);
    expect(listed.stdout).toContain('\t有效\t');
    const id = listed.stdout.split('\t')[0] as string;
    expect((await runCli(['token', 'revoke', id, '--data-dir', dataDir], { LANG: 'ko_KR.UTF-8' })).stdout).toBe(`${id} 폐기됨\n`);
    expect((await runCli(['token', 'list', '--data-dir', dataDir])).stdout).toContain('\trevoked ');
  }, 60_000);
});
