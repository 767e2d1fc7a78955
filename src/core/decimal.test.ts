import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';

/** A decimal string with up to 6 places, and its value as an integer count of millionths: the reference. */
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, places]) => {
    const scaled = units * 10n ** BigInt(6 - places);
    const abs = units < 0n ? -units : units;
    const digits = abs.toString().padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return { text: (units < 0n ? '-' : '') + text, micros: scaled };
  });

const micros = (d: Decimal) => {
  const [whole = '0', fraction = ''] = d.toString().replace('-', '').split('.');
  const value = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
  return d.isNegative() ? -value : value;
};

describe('Decimal', () => {
  it('reads a plain decimal exactly as its grammar says, with the digits and places written', () => {
    const grammar = /^(-?)(\d+)(?:\.(\d+))?$/;
    fc.assert(
      fc.property(
        // Well-formed ones of every length (both sides of 15 digits), and near misses.
        fc.oneof(fc.stringMatching(/^-?\d{1,22}(\.\d{1,8})?$/), fc.stringMatching(/^-?[0-9.]{0,26}$/)),
        (text) => {
          const match = grammar.exec(text);
          const parsed = Decimal.parse(text);
          if (!match) {
            expect(parsed).toBeUndefined();
            return;
          }
          const [, sign, whole = '', fraction = ''] = match;
          const magnitude = BigInt(whole + fraction);
          expect(parsed?.mantissa).toBe(sign === '-' ? -magnitude : magnitude);
          expect(parsed?.scale).toBe(fraction.length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('adds and compares exactly', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const x = Decimal.parse(a.text) as Decimal;
        const y = Decimal.parse(b.text) as Decimal;
        expect(micros(x.add(y))).toBe(a.micros + b.micros);
        expect(micros(x.sub(y))).toBe(a.micros - b.micros);
        expect(x.cmp(y)).toBe(a.micros < b.micros ? -1 : a.micros > b.micros ? 1 : 0);
      }),
    );
  });

  it('multiplies exactly', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 10_000 }), (a, rate) => {
        const product = (Decimal.parse(a.text) as Decimal).mul(Decimal.parse(`${rate / 1000}`) as Decimal);
        expect(product.toString()).toBe(
          (Decimal.parse(a.text) as Decimal)
            .mul(Decimal.fromInteger(rate))
            .mul(Decimal.parse('0.001') as Decimal)
            .toString(),
        );
      }),
    );
  });

  it('keeps what floating point loses', () => {
    const sum = ['0.1', '0.2'].map((s) => Decimal.parse(s) as Decimal).reduce((a, b) => a.add(b));
    expect(sum.toString()).toBe('0.3');
    expect((Decimal.parse('30303.03') as Decimal).mul(Decimal.parse('3.3') as Decimal).toString()).toBe('99999.999');
    expect(Decimal.fromNumber(1e21)?.toString()).toBe('1000000000000000000000');
    expect(Decimal.parse('1.2e-3')?.toString()).toBe('0.0012');
  });

  it('refuses what is not a number', () => {
    for (const text of ['', '1,000', '12abc', 'NaN', '1.', '.5', '--1']) expect(Decimal.parse(text)).toBeUndefined();
    expect(Decimal.fromNumber(Number.NaN)).toBeUndefined();
  });

  it('rounds half away from zero for display only', () => {
    expect((Decimal.parse('2.345') as Decimal).toFixed(2)).toBe('2.35');
    expect((Decimal.parse('-2.345') as Decimal).toFixed(2)).toBe('-2.35');
    expect((Decimal.parse('7') as Decimal).toFixed(2)).toBe('7.00');
  });
});
