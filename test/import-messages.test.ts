import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/core/localized.js';
import { Formatter } from '../src/render/formatter.js';
import { MESSAGES } from '../src/render/messages.js';

/** Every `import.*` code the importers can emit, found in their source so that a new one cannot be forgotten. */
function importCodes(): string[] {
  const files = readdirSync('src/importers', { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const codes = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join('src/importers', file), 'utf8').matchAll(/'(import\.[a-z.-]+[a-z])'/g)) {
      codes.add(match[1] as string);
    }
  }
  codes.delete('import.invalid'); // the error's code, not an issue's
  return [...codes].sort();
}

describe('import messages', () => {
  const codes = importCodes();

  it('finds the importers’ codes', () => {
    expect(codes).toContain('import.amount.invalid');
    expect(codes).toContain('import.skip.not-dpor');
    expect(codes).toContain('import.notice.same-name');
    expect(codes.length).toBeGreaterThan(30);
  });

  it.each(LOCALES)('has a message for every code in %s, using its parameters', (locale) => {
    const f = new Formatter(locale, undefined);
    const params = {
      value: 'V',
      field: 'F',
      expected: 'E',
      actual: 'A',
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
    };
    const missing = codes.filter((code) => !MESSAGES[locale].issues[code]);
    expect(missing).toEqual([]);
    for (const code of codes) {
      const text = MESSAGES[locale].issues[code]?.(params, f) ?? '';
      expect(text, code).not.toMatch(/undefined|\[object/);
      expect(text.length, code).toBeGreaterThan(5);
    }
  });
});
