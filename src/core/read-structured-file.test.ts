import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { Formatter } from '../render/formatter.js';
import { MESSAGES } from '../render/messages.js';
import { renderFinding } from '../render/render-text.js';
import { AttainError, type Issue } from './attain-error.js';
import { LOCALES } from './localized.js';
import { excerptAt, parseJson, parseYaml, readStructuredFile } from './read-structured-file.js';

const issuesOf = (read: object): Issue[] => ('issues' in read ? (read.issues as Issue[]) : []);

describe('the one reader of structured input', () => {
  it('gives a JSON syntax error its line, column, what is there and the line around it', () => {
    expect(issuesOf(parseJson('{\n  "id": "x",\n  "people": [1,] }\n'))).toEqual([
      {
        code: 'input.malformed-json',
        path: '$',
        params: expect.objectContaining({ line: 3, column: 16, found: ']', excerpt: '"people": [1,] }' }),
      },
    ]);
  });

  it('puts a text that ends too early where its last word ends, and counts an NDJSON line from its own', () => {
    expect(issuesOf(parseJson('{"a": [1,\n\n'))[0]?.params).toMatchObject({ line: 1, column: 10, found: '' });
    expect(issuesOf(parseJson('{"a": x}', 41))[0]?.params).toMatchObject({ line: 41, column: 7, found: 'x' });
  });

  it('reports only the first YAML syntax error: a tab, not the lines the parser then misreads', () => {
    const read = parseYaml(yaml, 'id: x\npeople:\n  - id: a\n\tname: b\n  - id: c\n');
    expect(issuesOf(read)).toEqual([
      {
        code: 'input.malformed-yaml',
        path: '$',
        params: expect.objectContaining({ reason: 'TAB_AS_INDENT', line: 4, column: 1, excerpt: '\\tname: b' }),
      },
    ]);
  });

  it('cuts a long line around the mistake and escapes control characters', () => {
    const line = `${'a'.repeat(100)}X${'b'.repeat(100)}`;
    expect(excerptAt(line, 100)).toEqual({ excerpt: `…${'a'.repeat(30)}X${'b'.repeat(29)}…` });
    expect(excerptAt('{"a": "\u0001"}', 7)).toEqual({ excerpt: '{"a": "\\u0001"}' });
    expect(excerptAt('\n\n', 1)).toEqual({});
  });

  it('refuses a file with the same issues, naming the file', async () => {
    const error = await readStructuredFile('org.json', '[1,]').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttainError);
    expect(error).toMatchObject({ code: 'input.malformed', file: 'org.json' });
    expect((error as AttainError).issues[0]?.params).toMatchObject({ line: 1, column: 4, found: ']' });
  });
});

describe('YAML nested deeper than the parser can go', () => {
  it('is one issue with a reason every language has words for', () => {
    const read = parseYaml(yaml, `id: x\nl: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const [issue] = issuesOf(read);
    expect(issue?.code).toBe('input.malformed-yaml');
    expect(['RESOURCE_EXHAUSTION', 'NESTED_TOO_DEEPLY']).toContain(issue?.params.reason);
    for (const locale of LOCALES) {
      const text = renderFinding('input.malformed-yaml', issue?.params ?? {}, new Formatter(locale, undefined), MESSAGES[locale]);
      if (locale !== 'en') expect(text).not.toContain('Maximum call stack');
    }
  });
});
