import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/core/localized.js';
import { Formatter } from '../src/render/formatter.js';
import { MESSAGES, messageCodeOf } from '../src/render/messages.js';
import { renderFinding } from '../src/render/render-text.js';

/**
 * Strings in the source shaped like codes (`catalog.threshold.invalid`) that are not an issue's or a finding's
 * code: an error's own code (said by its issues, or by its message), an audit action, a job, a file name.
 * Anything else shaped like a code must have words: a new code cannot be forgotten.
 */
const NOT_ISSUE_CODES = new Set([
  // Errors' own codes: their issues carry the codes that are said.
  'catalog.invalid',
  'org.invalid',
  'import.invalid',
  'input.malformed',
  'forecast.range',
  'cli.usage',
  'evaluation.failed',
  // Audit actions and jobs, not messages.
  'org.load',
  'org.replace',
  'org.delete',
  'org.seed',
  'program.award',
  'program.override',
  'program.override.clear',
  'token.create',
  'token.revoke',
  'alert.subscribe',
  'alert.update',
  'alert.rotate',
  'alert.remove',
  'store.ready',
  'store.lock',
  // The outlook's next actions, said by outlook-messages.ts (one typed entry per action and language).
  'action.measure',
  'action.people',
  'action.person-exams',
  'action.revenue',
  // File names and SQL column references.
  'server.json',
  'index.html',
  'o.id',
  'o.market',
  'e.catalog',
  'd.id',
  's.id',
]);

function codesInSource(): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('render')) continue;
    for (const match of readFileSync(join('src', file), 'utf8').matchAll(/'([a-z]+(?:\.[a-z][a-z0-9-]*)+)'/g)) {
      codes.add(match[1] as string);
    }
  }
  return [...codes].filter((code) => !NOT_ISSUE_CODES.has(code)).sort();
}

describe('message codes', () => {
  const codes = codesInSource();

  it('finds the codes of every layer', () => {
    for (const code of [
      'revenue.shortfall',
      'catalog.threshold.invalid',
      'import.skip.consumption-only',
      'store.locked',
      'plan.closed',
    ])
      expect(codes).toContain(code);
  });

  it('has words for every code the source can emit', () => {
    expect(codes.filter((code) => messageCodeOf(code) === undefined)).toEqual([]);
  });

  it.each(LOCALES)('says a catalog validation code in words in %s, not as code {json}', (locale) => {
    const text = renderFinding('catalog.threshold.invalid', { value: '-5' }, new Formatter(locale, undefined), MESSAGES[locale]);
    expect(text).toContain('-5');
    expect(text).not.toContain('catalog.threshold.invalid');
    expect(text).not.toContain('{');
  });

  it.each(LOCALES)('says a schema problem of any zod code in %s, in its own words when the issue has them', (locale) => {
    const say = (params: Record<string, string>) =>
      renderFinding('catalog.schema.invalid_type', params, new Formatter(locale, undefined), MESSAGES[locale]);
    const own = { en: 'D-en', 'zh-TW': 'D-zh', 'ko-KR': 'D-ko' }[locale];
    expect(say({ detail: 'D-en', detailZhTW: 'D-zh', detailKoKR: 'D-ko' })).toContain(own);
    // An issue from a version that gave zod's English words only.
    const text = say({ detail: 'D' });
    expect(text).toContain('D');
    expect(text).not.toContain('catalog.schema');
    expect(text).not.toContain('undefined');
  });

  it.each(LOCALES)('says an unknown code (a newer version’s) as a sentence with its facts in %s', (locale) => {
    const f = new Formatter(locale, undefined);
    const text = renderFinding('catalog.threshold.too-round', { value: '-5', line: 3, where: ['a', 'b'] }, f, MESSAGES[locale]);
    expect(text).toContain('catalog.threshold.too-round');
    expect(text).toContain('value: -5');
    expect(text).toContain('where: a, b');
    expect(text).not.toContain('{"');
    expect(text).toMatch(/[.。]$/);
  });

  it.each(LOCALES)('says a known code whose parameters are of another shape as a sentence in %s', (locale) => {
    const text = renderFinding(
      'revenue.shortfall',
      { name: 'N', products: 'not a list' },
      new Formatter(locale, undefined),
      MESSAGES[locale],
    );
    expect(text).toContain('revenue.shortfall');
    expect(text).not.toContain('{"');
  });
});
