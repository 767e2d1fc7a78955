import { Decimal } from './decimal.js';
import { type CodedIssue, issue, type TextPosition } from './message-params.js';

/**
 * The most digits an amount (or an exchange rate, or a threshold) may have before and after the decimal point,
 * not counting zeros that do not change its value (leading ones before, trailing ones after). 28 before is far
 * beyond any money a partner program counts (what .NET's decimal and accounting exports carry); 20 after leaves an
 * exchange rate of a currency worth a millionth of a dollar fourteen significant digits. PostgreSQL's numeric and
 * attain's Decimal hold such numbers, and any sum or product of them, exactly. Beyond them an amount is refused,
 * never rounded: "1" and 262,144 zeros was once stored as 1, and a scale above 16,383 failed in the database.
 */
export const AMOUNT_LIMITS = { integerDigits: 28, fractionDigits: 20 } as const;

/** Amounts written in at most this many characters are kept with the places written. */
const MAX_WRITTEN = 64;

/** An amount as read: its value, or why it is not one (`invalid`: not a number at all). */
export type AmountReading = Decimal | 'invalid' | 'out-of-range';

/** Plain decimals, as CSV files must write them: no exponent, no sign but a minus. */
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;
/** What organization and catalog files may also write: a plus sign, an exponent, spaces around. */
const WITH_EXPONENT = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const EXPONENT = /[eE]/;

/**
 * Reads an amount within the limits: `plain` as CSV cells (`-1234.56`), `decimal` as organization and catalog files
 * also accept (`1.2e3`, and a JSON number's shortest text). Checks the digits before anything is converted, so
 * that a million digits cost one scan, not a BigInt of a million digits.
 */
export function readAmount(text: string, form: 'plain' | 'decimal'): AmountReading {
  // The common amount, without an exponent and short enough to be within the limits whatever its digits, is read
  // directly: this runs once per revenue record.
  if (text.length <= AMOUNT_LIMITS.fractionDigits + 2) {
    if (form === 'plain') return PLAIN.test(text) ? (Decimal.parse(text) ?? 'invalid') : 'invalid';
    if (!EXPONENT.test(text)) return Decimal.parse(text) ?? 'invalid';
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
  // As written, so that the store keeps the places written ("12.50" stays 12.50), unless the text is long only
  // for zeros that do not change its value: then from its significant digits.
  const significant = digits.slice(first, last + 1);
  const canonical = text.length <= MAX_WRITTEN ? text : `${sign === '-' ? '-' : ''}${significant}e${point - (last + 1)}`;
  return Decimal.parse(canonical) ?? 'invalid';
}

/** The one issue every reader reports for an amount beyond the limits. */
export function amountRangeIssue(path: string, value: string, where: TextPosition = {}): CodedIssue<'input.amount.digits'> {
  const { integerDigits, fractionDigits } = AMOUNT_LIMITS;
  return issue('input.amount.digits', path, { value, integerDigits, fractionDigits, ...where });
}
