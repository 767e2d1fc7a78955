import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceMismatches, loadConformanceCases } from './conformance-cases.js';
import { runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'attain-cli-'));

describe('conformance cases through the compiled CLI', () => {
  for (const testCase of loadConformanceCases()) {
    it(`${testCase.file}`, async () => {
      const file = join(work, testCase.file.replace(/\.yaml$/, '.json'));
      writeFileSync(file, JSON.stringify(testCase.organization));
      const policy = testCase.policy?.revenueAssociation;
      const args = [
        'evaluate',
        file,
        '--as-of',
        testCase.asOf,
        '--format',
        'json',
        ...(policy ? ['--revenue-association', policy] : []),
        ...(testCase.catalog ? ['--catalog', testCase.catalog] : []),
      ];
      const { status, stdout, stderr } = await runCli(args);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(conformanceMismatches(testCase, JSON.parse(stdout))).toEqual([]);
    });
  }
});
