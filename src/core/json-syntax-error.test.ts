import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax-error.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON text with one character inserted, removed or replaced: the mistakes people make by hand. */
const edited = fc
  .tuple(
    fc.json({ maxDepth: 4 }),
    fc.nat(),
    fc.constantFrom('insert', 'remove', 'replace'),
    fc.constantFrom(...'{}[]:,"\\ \n\t0123456789.eE+-tfnulx\u0000\u001f'.split('')),
  )
  .map(([text, at, edit, c]) => {
    const k = text.length === 0 ? 0 : at % text.length;
    if (edit === 'insert') return text.slice(0, k) + c + text.slice(k);
    if (edit === 'remove') return text.slice(0, k) + text.slice(k + 1);
    return text.slice(0, k) + c + text.slice(k + 1);
  });

/** Short strings from JSON's own alphabet: most are not JSON, some are, and every state is reached. */
const tokens = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ':',
      ',',
      '"',
      '"a"',
      '\\',
      '\\u00e9',
      '\\x',
      ' ',
      '\n',
      '0',
      '01',
      '-',
      '1.',
      '.5',
      '1e',
      '1e+2',
      'true',
      'tru',
      'null',
      'nul',
      'false',
      '\t',
      '\u0001',
      'é',
    ),
    {
      maxLength: 16,
    },
  )
  .map((parts) => parts.join(''));

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on what is JSON (edited JSON and token soup)', () => {
    fc.assert(
      fc.property(fc.oneof(edited, tokens, fc.json()), (text) => {
        const error = findJsonSyntaxError(text);
        expect(error === undefined).toBe(parses(text));
        if (error) expect(error.offset).toBeGreaterThanOrEqual(0);
        if (error) expect(error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 20_000 },
    );
  });

  it('points at the character that breaks the text, or at its end', () => {
    expect(findJsonSyntaxError('{\n  "people": [1,] }')).toEqual({ offset: 17, found: ']' });
    expect(findJsonSyntaxError('{"a": [1, 2')).toEqual({ offset: 11, found: '' });
    expect(findJsonSyntaxError('{"a": tru }')).toEqual({ offset: 9, found: ' ' });
    expect(findJsonSyntaxError('{"a": 1} x')).toEqual({ offset: 9, found: 'x' });
    expect(findJsonSyntaxError('{"a": "\u0001"}')).toEqual({ offset: 7, found: '\u0001' });
    expect(findJsonSyntaxError('["😀" 1]')).toEqual({ offset: 6, found: '1' });
    expect(findJsonSyntaxError('[😀]')).toEqual({ offset: 1, found: '😀' });
  });

  it('reads nesting deeper than the call stack would allow without overflowing', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(findJsonSyntaxError(deep)).toEqual({ offset: deep.length, found: '' });
  });
});
