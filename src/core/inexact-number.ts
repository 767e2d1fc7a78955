/** Digits a double holds exactly: any decimal number of at most 15 significant digits reads back as written. */
const EXACT_DIGITS = 15;
/** Decimal exponents a double holds without overflow to infinity or underflow to zero, with a margin. */
const EXACT_EXPONENT = 300;
/** A quick look for anything that could be a long number: most files have none, and then nothing is scanned. */
const MAYBE_LONG = /\d[\d.]{15}|[eE][+-]?\d{3}/;
const NUMBER = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Whether a number literal reads into a JavaScript number without changing its value: JSON and YAML parsers read
 * 12345678901234567890 as 12345678901234567000 and 0.1000000000000000055 as 0.1, and the amount stored would then be
 * another number than the one sent. Such a number must be written as a string ("12345678901234567890").
 */
export function isExactNumber(literal: string): boolean {
  const match = NUMBER.exec(literal);
  if (!match) return true; // not a decimal literal (hex, octal, .inf in YAML): not an amount either
  const [, whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 48) first++;
  if (first === digits.length) return true;
  let last = digits.length - 1;
  while (digits.charCodeAt(last) === 48) last--;
  const magnitude = whole.length + Number(exponentText) - first - 1;
  return last - first + 1 <= EXACT_DIGITS && Math.abs(magnitude) <= EXACT_EXPONENT;
}

/** The first number in JSON text that `isExactNumber` refuses, as written and where it starts; undefined if none. */
export function findInexactNumber(text: string): { readonly literal: string; readonly offset: number } | undefined {
  if (!MAYBE_LONG.test(text)) return undefined;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Past the string, whose digits are text.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const start = i;
      i++;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      const literal = text.slice(start, i);
      if (!isExactNumber(literal)) return { literal, offset: start };
    } else i++;
  }
  return undefined;
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}
