import type { Issue } from './attain-error.js';
import { Decimal } from './decimal.js';

/**
 * The most digits an amount (or an exchange rate, or a threshold) may have before and after the decimal point,
 * not counting zeros that do not change its value (leading ones before, trailing ones after). Far beyond any money
 * a partner program counts, and what accounting exports carry (SQL Server's decimal(38,10), .NET's 28 digits), while
 * PostgreSQL's numeric and attain's Decimal hold such numbers, and any sum of a million of them, exactly. Beyond them
 * an amount is refused, never rounded: "1" and 262,144 zeros was once stored as 1.
 */
export const AMOUNT_LIMITS = { integerDigits: 28, fractionDigits: 10 } as const;

/** An amount as read: its value, or why it is not one (`invalid`: not a number at all). */
export type AmountReading = Decimal | 'invalid' | 'out-of-range';

/** Plain decimals, as CSV files must write them: no exponent, no sign but a minus. */
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
/** What organization and catalog files may also write: a plus sign, an exponent, spaces around. */
const WITH_EXPONENT = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Reads an amount within the limits: `plain` as CSV cells (`-1234.56`), `decimal` as organization and catalog files
 * also accept (`1.2e3`, and a JSON number's shortest text). Checks the digits before anything is converted, so
 * that a million digits cost one scan, not a BigInt of a million digits.
 */
export function readAmount(text: string, form: 'plain' | 'decimal'): AmountReading {
  // The common amount, short enough to be within the limits whatever its digits, is read directly.
  if (form === 'plain' && text.length <= AMOUNT_LIMITS.fractionDigits + 2) {
    return PLAIN.test(text) ? (Decimal.parse(text) ?? 'invalid') : 'invalid';
  }
  const match = (form === 'plain' ? PLAIN : WITH_EXPONENT).exec(form === 'plain' ? text : text.trim());
  if (!match) return 'invalid';
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 48) first++;
  if (first === digits.length) return Decimal.ZERO;
  let last = digits.length - 1;
  while (digits.charCodeAt(last) === 48) last--;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent)) return 'out-of-range';
  // Where the decimal point falls among the digits, once the exponent has moved it.
  const point = whole.length + exponent;
  const integerDigits = point - first;
  const fractionDigits = last + 1 - point;
  if (integerDigits > AMOUNT_LIMITS.integerDigits || fractionDigits > AMOUNT_LIMITS.fractionDigits) return 'out-of-range';
  const significant = digits.slice(first, last + 1);
  return Decimal.parse(`${sign === '-' ? '-' : ''}${significant}e${point - (last + 1)}`) ?? 'invalid';
}

/** The one issue every reader reports for an amount beyond the limits. */
export function amountRangeIssue(path: string, value: string, where: Readonly<Record<string, number>> = {}): Issue {
  return {
    code: 'input.amount.digits',
    path,
    params: { value, integerDigits: AMOUNT_LIMITS.integerDigits, fractionDigits: AMOUNT_LIMITS.fractionDigits, ...where },
  };
}
