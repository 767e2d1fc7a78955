import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/core/localized.js';
import { Formatter } from '../src/render/formatter.js';
import { isMessageCode, MESSAGES } from '../src/render/messages.js';
import { renderFinding } from '../src/render/render-text.js';

/**
 * Every `import.*` code the importers can emit, and every `input.*` code any reader can (the limits every input
 * shares), found in their source so that a new one cannot be forgotten.
 */
function importCodes(): string[] {
  const codes = new Set<string>();
  for (const dir of ['src/importers', 'src/core', 'src/engine', 'src/catalog', 'src/service']) {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    for (const file of files) {
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(
        /'((?:import|input|forecast\.range)\.[a-z0-9.-]+[a-z0-9])'/g,
      )) {
        codes.add(match[1] as string);
      }
    }
  }
  codes.add('org.issues.truncated');
  codes.add('catalog.issues.truncated');
  codes.delete('import.invalid'); // the errors' codes, not an issue's
  codes.delete('input.malformed');
  return [...codes].sort();
}

describe('import messages', () => {
  const codes = importCodes();

  it('finds the importers’ codes', () => {
    expect(codes).toContain('import.amount.invalid');
    expect(codes).toContain('import.skip.consumption-only');
    expect(codes).toContain('import.notice.same-name');
    expect(codes).toContain('import.exam.unknown');
    expect(codes).toContain('import.rows.skippable');
    for (const code of [
      'input.date.range',
      'input.amount.digits',
      'input.nul',
      'input.utf8',
      'input.yaml.aliases',
      'input.rows',
    ]) {
      expect(codes).toContain(code);
    }
    expect(codes.length).toBeGreaterThan(30);
  });

  it.each(LOCALES)('has a message for every code in %s, using its parameters', (locale) => {
    const f = new Formatter(locale, undefined);
    const params = {
      value: 'V',
      field: 'F',
      expected: 'E',
      actual: 7,
      currency: 'JPY',
      base: 'USD',
      id: 'ID',
      other: 'O',
      otherLine: 7,
      from: '2018-01-02',
      to: '2018-01-01',
      org: 'ORG',
      kind: 'K',
      format: 'csv',
      header: 'H',
      kinds: 'KINDS',
      shown: 1000,
      total: 1500,
      title: 'T',
      type: 'Course',
      exam: 'MB2-717',
      status: 'Inactive',
      person: 'P',
      attribution: 'CSP T1',
      product: 'PR',
      what: 'person',
      name: 'N',
      existing: 'X',
      limit: 1000,
      offset: 12,
      line: 3,
      column: 4,
      first: '1900-01-01',
      last: '9999-12-31',
      integerDigits: 28,
      fractionDigits: 10,
      aliases: 1000,
      characters: 1_000_000,
      days: 4000,
      max: 3653,
      detail: 'D',
      reason: 'R',
      attempts: 3,
      known: 'exams, customers',
      rows: 12,
    };
    const missing = codes.filter((code) => !isMessageCode(code));
    expect(missing).toEqual([]);
    for (const code of codes) {
      const text = renderFinding(code, params, f, MESSAGES[locale]);
      expect(text, code).not.toContain(code);
      expect(text, code).not.toMatch(/undefined|\[object|NaN/);
      expect(text.length, code).toBeGreaterThan(5);
    }
  });
});
