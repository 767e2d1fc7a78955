import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';
import { AMOUNT_LIMITS, readAmount } from './read-amount.js';

/** The reference: the exact value by BigInt arithmetic, its digits before and after the point counted on it. */
function reference(sign: string, whole: string, fraction: string, exponent: number) {
  let mantissa = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (mantissa === 0n) return { inRange: true, value: '0' };
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale--;
  }
  const digits = mantissa.toString();
  const integerDigits = scale <= 0 ? digits.length - scale : Math.max(0, digits.length - scale);
  const fractionDigits = Math.max(scale, 0);
  const padded = digits.padStart(scale + 1, '0');
  const text = scale <= 0 ? `${digits}${'0'.repeat(-scale)}` : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  const inRange = integerDigits <= AMOUNT_LIMITS.integerDigits && fractionDigits <= AMOUNT_LIMITS.fractionDigits;
  return { inRange, value: `${sign === '-' ? '-' : ''}${text}` };
}

describe('readAmount', () => {
  it('accepts exactly the amounts within the limits, with their exact value, whatever zeros pad them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^\d{1,40}$/),
        fc.option(fc.stringMatching(/^\d{1,40}$/), { nil: undefined }),
        fc.option(fc.integer({ min: -45, max: 45 }), { nil: undefined }),
        (sign, whole, fraction, exponent) => {
          const text = `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`;
          const expected = reference(sign, whole, fraction ?? '', exponent ?? 0);
          const read = readAmount(text, 'decimal');
          if (!expected.inRange) expect(read, text).toBe('out-of-range');
          else expect(read instanceof Decimal && read.toString(), text).toBe(expected.value === '-0' ? '0' : expected.value);
          const plain = readAmount(text, 'plain');
          if (sign === '+' || exponent !== undefined) expect(plain, text).toBe('invalid');
          else
            expect(plain instanceof Decimal ? plain.toString() : plain, text).toEqual(
              read instanceof Decimal ? read.toString() : read,
            );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the places written, so that the store keeps 12.50 as 12.50', () => {
    expect((readAmount('12.50', 'plain') as Decimal).scale).toBe(2);
    expect((readAmount('12.50', 'decimal') as Decimal).scale).toBe(2);
  });

  it('reads a million digits in one scan, without converting them', () => {
    const start = performance.now();
    expect(readAmount('9'.repeat(1_000_000), 'decimal')).toBe('out-of-range');
    expect(readAmount(`0.${'0'.repeat(1_000_000)}`, 'plain')).toEqual(Decimal.ZERO);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
