import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttainError } from './attain-error.js';
import { decodeUtf8 } from './decode-utf8.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

describe('decodeUtf8', () => {
  it('refuses exactly what a strict decoder refuses, at the first byte that begins no well-formed sequence', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'grapheme' }).map((s) => [...Buffer.from(s)]),
            fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
          ),
        ),
        (parts) => {
          const bytes = Uint8Array.from(parts.flat());
          let expected: string | undefined;
          try {
            expected = fatal.decode(bytes);
          } catch {
            expected = undefined;
          }
          if (expected !== undefined) {
            expect(decodeUtf8(bytes)).toBe(expected);
            return;
          }
          let error: unknown;
          try {
            decodeUtf8(bytes);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(AttainError);
          const params = (error as AttainError).issues[0]?.params ?? {};
          const [offset, line, column] = [Number(params.offset), Number(params.line), Number(params.column)];
          // Everything before the offset is UTF-8; the sequence starting there is not, however it continues.
          const before = fatal.decode(bytes.subarray(0, offset));
          expect(() => fatal.decode(bytes.subarray(offset, offset + 4))).toThrow();
          expect(line).toBe(before.split('\n').length);
          expect(column).toBe((before.split('\n').pop() ?? '').length + 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a byte order mark, which the importers strip themselves', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
  });
});
