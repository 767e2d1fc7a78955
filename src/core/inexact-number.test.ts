import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';
import { findInexactNumber, isExactNumber } from './inexact-number.js';

describe('numbers a double holds exactly', () => {
  it('a literal called exact reads back through a JavaScript number as the same value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,25}(\.\d{1,25})?([eE][+-]?\d{1,3})?$/), (literal) => {
        if (!isExactNumber(literal)) return;
        const through = Decimal.fromNumber(Number(literal));
        const written = Decimal.parse(literal);
        if (written === undefined) return; // an exponent beyond what Decimal reads
        expect(through?.cmp(written), literal).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the first long number outside strings, and only there', () => {
    expect(findInexactNumber('{"id":"12345678901234567890","n":[1,2.5]}')).toBeUndefined();
    expect(findInexactNumber('{"a":"\\\\","b":12345678901234567}')).toEqual({ literal: '12345678901234567', offset: 14 });
    expect(findInexactNumber('[1e400]')).toEqual({ literal: '1e400', offset: 1 });
    expect(findInexactNumber('[100000000000000000000, 0.000000000000000001]')).toBeUndefined();
  });
});
