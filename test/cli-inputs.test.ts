import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import { PROGRAM_2017_RULES } from '../src/engine/organization-rules.js';
import { readOrganizationInputs } from '../src/importers/read-organization-inputs.js';
import { runCli } from './run-cli.js';

// Runs bin/attain.js, which runs the build: `npm test` builds first.
const work = mkdtempSync(join(tmpdir(), 'attain-cli-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const write = (name: string, content: string | Uint8Array) => {
  const file = join(work, name);
  writeFileSync(file, content);
  return file;
};

function expectRefusal(result: { status: number; stdout: string; stderr: string }, code: string) {
  expect(result.stderr).toContain(`[${code}]`);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('internal error');
}

const ORG = '{"id":"x","market":"developed","name":"Caf\u00e9"}';
/** The organization with its é written in Latin-1: one byte 0xE9 where UTF-8 has two. */
const latin1 = () => Buffer.from(ORG.replace('\u00e9', '\u0000'), 'utf8').map((b) => (b === 0 ? 0xe9 : b));

describe('the CLI refuses input it cannot read exactly, with status 2 and where', () => {
  it('a YAML file with too many aliases', async () => {
    const aliases = Array.from({ length: 1200 }, () => '*a').join(', ');
    const file = write('aliases.yaml', `id: x\nmarket: developed\nx: &a [1]\nl: [${aliases}]\n`);
    const result = await runCli(['evaluate', file]);
    expectRefusal(result, 'input.yaml.aliases');
  });

  it('an organization file that is not UTF-8, at the byte where it stops being UTF-8', async () => {
    const result = await runCli(['evaluate', write('latin1.json', latin1())]);
    expectRefusal(result, 'input.utf8');
    expect(result.stderr).toContain(`$ (1:${ORG.indexOf('\u00e9') + 1})`);
    expect(result.stderr).toContain(`byte ${ORG.indexOf('\u00e9')} `);
  });

  it('a catalog, an import file and a draft catalog that are not UTF-8', async () => {
    expectRefusal(
      await runCli(['catalog', 'validate', write('catalog.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff]))]),
      'input.utf8',
    );
    const csv = write(
      'customers.csv',
      Buffer.concat([Buffer.from('customer_id,name\nc1,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    expectRefusal(await runCli(['import', csv, '--org', 'x', '--data-dir', join(work, 'data')]), 'input.utf8');
  });

  it('a date outside 1900-01-01 … 9999-12-31, and a forecast that would end after it', async () => {
    const org = write('org.json', ORG);
    const asOf = await runCli(['evaluate', org, '--as-of', '0000-01-01']);
    expectRefusal(asOf, 'input.date.range');
    const from = await runCli(['forecast', org, '--from', '9999-12-31']);
    expectRefusal(from, 'forecast.range.reversed');
    expect(from.stderr).not.toContain('+010001');
    expectRefusal(await runCli(['forecast', org, '--from', '2018-01-01', '--at-risk', '100000000']), 'forecast.range.too-long');
    expectRefusal(await runCli(['forecast', org, '--from', '2018-01-01', '--to', '2038-01-01']), 'forecast.range.too-long');
  });
});

describe('NDJSON inputs', () => {
  it('refuse a line that is not UTF-8 at its line and byte, and read the others', async () => {
    const file = write(
      'orgs.ndjson',
      Buffer.concat([Buffer.from('{"id":"a","market":"developed"}\n'), latin1(), Buffer.from('\n')]),
    );
    const inputs = [];
    for await (const input of readOrganizationInputs([file], PROGRAM_2017_RULES)) inputs.push(input);
    expect(inputs).toHaveLength(2);
    expect('organization' in (inputs[0] as object)).toBe(true);
    const second = inputs[1] as { error: AttainError; place: { line: number } };
    expect(second.error).toBeInstanceOf(AttainError);
    expect(second.place.line).toBe(2);
    expect(second.error.issues[0]).toMatchObject({
      code: 'input.utf8',
      params: { offset: 32 + ORG.indexOf('\u00e9'), line: 2, column: ORG.indexOf('\u00e9') + 1 },
    });
  });
});
