import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'attain-cli-errors-'));
const write = (name: string, text: string) => {
  const file = join(work, name);
  writeFileSync(file, text);
  return file;
};

function expectCleanFailure(result: { status: number; stdout: string; stderr: string }) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
}

describe('attain evaluate with bad input', () => {
  it('names the file, the JSON path and the line for malformed YAML values', async () => {
    const file = write(
      'bad.yaml',
      'id: x\nmarket: developed\nrevenue:\n  - { customer: c1, product: crm-online, date: "2017-02-30", amount: 1, currency: USD }\n',
    );
    const result = await runCli(['evaluate', file]);
    expectCleanFailure(result);
    expect(result.stderr).toContain(`${file}: $.revenue[0].date (4:`);
    expect(result.stderr).toContain('"2017-02-30" is not a date');
    expect(result.stderr).toContain(`${file}: $.revenue[0].customer`);
  });

  it('reports malformed JSON, a missing file and a currency without a rate', async () => {
    const malformed = await runCli(['evaluate', write('broken.json', '{"id": "x",')]);
    expectCleanFailure(malformed);
    expect(malformed.stderr).toContain('not valid JSON');
    const missing = await runCli(['evaluate', join(work, 'nope.json')]);
    expectCleanFailure(missing);
    expect(missing.stderr).toContain('cannot read the file: there is no such file (ENOENT)');
    const fx = await runCli([
      'evaluate',
      write(
        'fx.json',
        JSON.stringify({
          id: 'x',
          market: 'developed',
          customers: [{ id: 'c', dpor: [] }],
          revenue: [{ customer: 'c', product: 'crm-online', date: '2017-01-01', amount: '5', currency: 'JPY' }],
        }),
      ),
    ]);
    expectCleanFailure(fx);
    expect(fx.stderr).toContain('$.revenue[0].currency: no exchange rate for JPY');
  });

  it('speaks the chosen language in errors too', async () => {
    const result = await runCli(['evaluate', write('lang.json', '{"id":"x","market":"mars"}'), '--lang', 'ko-KR']);
    expectCleanFailure(result);
    expect(result.stderr).toContain('중 하나여야 하지만 "mars"입니다');
  });

  it('refuses bad options with usage help', async () => {
    const result = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-02-30']);
    expectCleanFailure(result);
    expect(result.stderr).toContain('--as-of must be a date');
    expectCleanFailure(await runCli(['evaluate', 'examples/contoso-dynamics.json', '--format', 'xml']));
    expectCleanFailure(await runCli(['frobnicate']));
  });
});

describe('attain evaluate on the examples', () => {
  it('prints a report in each language and exits 0', async () => {
    const en = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-03-31']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Cloud CRM reseller option · Gold: attained');
    const zh = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-03-31', '--lang', 'zh-TW']);
    expect(zh.stdout).toContain('雲端 CRM 經銷商選項 · 金級: 已達成');
    const ko = await runCli(['evaluate', 'examples/fabrikam-ops.yaml', '--as-of', '2018-03-31'], { LANG: 'ko_KR.UTF-8' });
    expect(ko.stdout).toContain('실버: 판정 불가');
  });

  it('says what comes next: a held level that will lapse, its headroom and the next action', async () => {
    const { stdout, status } = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-03-31']);
    expect(status).toBe(0);
    const next = stdout.slice(stdout.indexOf('What comes next (through Sep 30, 2019, assuming no new data)'));
    expect(next).toContain(
      [
        '  Cloud Customer Relationship Management (Cloud CRM) · Cloud CRM reseller option · Gold: attained',
        '    Gold lapses on Apr 30, 2018: revenue of Apr 30, 2017 (Microsoft Dynamics CRM Online) leaves the trailing twelve months',
        '    Headroom: Net new cloud revenue (TTM): $21,729.25 above the threshold · Functional and deployment consultant: none to spare · Customization and configuration consultant: none to spare',
        '    Next action: cover the $62,520.75 shortfall in Net new cloud revenue (TTM) before Apr 30, 2018',
      ].join('\n'),
    );
  });

  it('prints the JSON contract', async () => {
    const { stdout, status } = await runCli([
      'evaluate',
      'examples/contoso-dynamics.json',
      '--as-of',
      '2018-03-31',
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const evaluation = JSON.parse(stdout);
    expect(Object.keys(evaluation)).toEqual(['organization', 'asOf', 'market', 'catalog', 'policy', 'results', 'warnings']);
    expect(evaluation.results).toHaveLength(6);
    expect(Object.keys(evaluation.results[0])).toEqual([
      'competency',
      'option',
      'level',
      'attained',
      'status',
      'catalogVersion',
      'requirements',
      'gaps',
    ]);
    expect(evaluation.warnings.map((w: { code: string }) => w.code)).toEqual(['exam.before-launch', 'exam.unknown']);
  });
});

describe('attain catalog', () => {
  it('lists competencies, options, levels and versions', async () => {
    const { stdout, status } = await runCli(['catalog', 'list']);
    expect(status).toBe(0);
    expect(stdout).toContain('cloud-crm: Cloud Customer Relationship Management (Cloud CRM)');
    expect(stdout).toContain('version 2017-10 (2017-10-13)');
    expect(stdout).toContain('enterprise-operations: Enterprise Operations option — silver (Silver), gold (Gold)');
  });

  it('validates the shipped catalog and prints the JSON Schema', async () => {
    expect((await runCli(['catalog', 'validate', 'catalogs/mpn-2017.yaml'])).stdout).toContain(
      'valid (2 competencies, 22 exams, 8 products)',
    );
    const schema = JSON.parse((await runCli(['catalog', 'schema'])).stdout);
    expect(schema.properties.competencies.type).toBe('array');
  });
});

describe('the command line helps a person who mistypes', () => {
  it('answers --help and -h for each command with its options, exit 0, and never reads them as files', async () => {
    for (const command of [
      'evaluate',
      'plan',
      'forecast',
      'import',
      'load',
      'run',
      'impact',
      'serve',
      'token',
      'worker',
      'alerts',
      'people',
    ]) {
      for (const flag of ['--help', '-h']) {
        const result = await runCli([command, flag]);
        expect([command, flag, result.status]).toEqual([command, flag, 0]);
        expect(result.stdout).toContain(`Options of ${command}:`);
        expect(result.stdout).toContain(`attain ${command}`);
      }
    }
  });

  it('says what was wrong, suggests what was meant, and shows the usage line rather than the whole manual', async () => {
    const option = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--asof', '2018-03-31']);
    expectCleanFailure(option);
    expect(option.stderr).toContain('unknown option --asof; did you mean --as-of?');
    expect(option.stderr.split('\n').length).toBeLessThan(10);
    const command = await runCli(['evalute', 'examples/contoso-dynamics.json']);
    expectCleanFailure(command);
    expect(command.stderr).toContain('unknown command "evalute"; did you mean "evaluate"?');
    expect(command.stderr.split('\n').length).toBeLessThan(5);
  });

  it('takes --lang ko and --lang zh, as people write them', async () => {
    const ko = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-03-31', '--lang', 'ko']);
    expect(ko.status).toBe(0);
    expect(ko.stdout).toContain('요약');
    const zh = await runCli(['evaluate', 'examples/contoso-dynamics.json', '--as-of', '2018-03-31', '--lang', 'ZH']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toContain('摘要');
  });

  it('evaluates the good files when another is bad, and says so in the exit status', async () => {
    const bad = write('bad-market.json', '{"id":"x","market":"mars"}');
    const result = await runCli(['evaluate', 'examples/contoso-dynamics.json', bad, '--as-of', '2018-03-31', '--format', 'json']);
    expect(result.status).toBe(2);
    const [good, refused] = JSON.parse(result.stdout) as [
      { organization: { id: string } },
      { file: string; error: { code: string } },
    ];
    expect(good.organization.id).toBe('contoso');
    expect(refused).toMatchObject({ file: bad, error: { code: 'org.invalid' } });
    expect(result.stderr).toContain('[org.enum]');
  });

  it('prints the version package.json states', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout).toBe(`attain ${version}\n`);
  });

  it('refuses a port in use with a coded error, not a stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const result = await runCli(['serve', '--port', String(port), '--data-dir', join(work, 'busy-data')]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('[serve.port.in-use]');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  }, 60_000);
});

describe('attain evaluate with much ignored data (issue 15)', () => {
  it('groups it by reason in the text, lists all of it with --all-ignored, and keeps every item in the JSON', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      exams: [{ exam: i % 3 === 0 ? 'AZ-900' : 'PL-200', passed: '2017-03-01' }],
    }));
    const file = write('ignored.json', JSON.stringify({ id: 'ignored', market: 'developed', people }));
    const args = ['evaluate', file, '--as-of', '2018-03-31'];
    const text = (await runCli(args)).stdout;
    expect(text).toContain('Ignored data (30):\n  Exams not in the catalog (30): PL-200 (20), AZ-900 (10)\n');
    expect(text).toContain('    … and 27 more\n');
    expect(text.split('\n').filter((l) => l.includes('is not in the catalog; ignored.'))).toHaveLength(3);
    const all = (await runCli([...args, '--all-ignored'])).stdout;
    expect(all.split('\n').filter((l) => l.includes('is not in the catalog; ignored.'))).toHaveLength(30);
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(json.warnings).toHaveLength(30);
  });
});

describe('the README and --help', () => {
  it('the README names every command attain --help lists, and every option each command’s --help lists', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const overview = (await runCli(['--help'])).stdout;
    const commands = [...new Set([...overview.matchAll(/^ {2}attain ([a-z]+)/gm)].map((m) => m[1] as string))];
    expect(commands).toContain('evaluate');
    const missing: string[] = [];
    for (const command of commands) {
      if (!readme.includes(`attain ${command}`)) missing.push(`attain ${command}`);
      const help = (await runCli([command, '--help'])).stdout;
      for (const [, option] of help.matchAll(/^ {2}(--[a-z-]+)/gm))
        if (!readme.includes(option as string)) missing.push(`attain ${command} ${option}`);
    }
    expect(missing).toEqual([]);
  }, 60_000);
});
