const MINUS = 45;
const DOT = 46;
const ZERO = 48;
/** Digits a double holds exactly (2^53 > 10^15). */
const EXACT_DIGITS = 15;
/** 10^0 … 10^31: aligning scales (amounts in cents against converted amounts) raised 10n to a power on every sum. */
const POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 32 }, (_, i) => 10n ** BigInt(i));

/**
 * Exact decimal numbers: an integer mantissa and a count of decimal places. Money is summed and converted here,
 * never in floating point, so that "at least US$100,000" means exactly that.
 */
export class Decimal {
  static readonly ZERO = new Decimal(0n, 0);

  private constructor(
    readonly mantissa: bigint,
    readonly scale: number,
  ) {}

  /** Parses a plain or exponent decimal ("1200", "-0.5", "1.2e3"); returns undefined when it is not a finite number. */
  static parse(text: string): Decimal | undefined {
    // The common case, a plain decimal like "1234.56", skips the exponent handling and trailing-zero normalization:
    // parsing runs once per revenue record, and every operation accepts any scale.
    const plain = Decimal.parsePlain(text);
    if (plain) return plain;
    const match = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!match) return undefined;
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
    const exp = Number(exponent);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return undefined;
    let mantissa = BigInt(whole + fraction);
    let scale = fraction.length - exp;
    if (scale < 0) {
      mantissa *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(sign === '-' ? -mantissa : mantissa, scale).normalize();
  }

  /** Converts a JSON number through its shortest decimal representation, which is what the author wrote. */
  static fromNumber(value: number): Decimal | undefined {
    return Number.isFinite(value) ? Decimal.parse(String(value)) : undefined;
  }

  static fromInteger(value: number | bigint): Decimal {
    return new Decimal(BigInt(value), 0);
  }

  add(other: Decimal): Decimal {
    if (this.scale === other.scale) return new Decimal(this.mantissa + other.mantissa, this.scale);
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.aligned(scale) + other.aligned(scale), scale);
  }

  sub(other: Decimal): Decimal {
    return this.add(other.negate());
  }

  mul(other: Decimal): Decimal {
    return new Decimal(this.mantissa * other.mantissa, this.scale + other.scale).normalize();
  }

  negate(): Decimal {
    return new Decimal(-this.mantissa, this.scale);
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.aligned(scale);
    const b = other.aligned(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  gte(other: Decimal): boolean {
    return this.cmp(other) >= 0;
  }

  isZero(): boolean {
    return this.mantissa === 0n;
  }

  isNegative(): boolean {
    return this.mantissa < 0n;
  }

  max(other: Decimal): Decimal {
    return this.cmp(other) >= 0 ? this : other;
  }

  /** The exact value as a plain decimal string without trailing zeros ("1200.5"). */
  toString(): string {
    const n = this.normalize();
    const negative = n.mantissa < 0n;
    const digits = (negative ? -n.mantissa : n.mantissa).toString();
    if (n.scale === 0) return (negative ? '-' : '') + digits;
    const padded = digits.padStart(n.scale + 1, '0');
    const cut = padded.length - n.scale;
    return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Rounded (half away from zero) to a number of places, as a string for display. */
  toFixed(places: number): string {
    if (this.scale <= places) return this.padTo(places);
    const divisor = 10n ** BigInt(this.scale - places);
    const abs = this.mantissa < 0n ? -this.mantissa : this.mantissa;
    let q = abs / divisor;
    if ((abs % divisor) * 2n >= divisor) q += 1n;
    return new Decimal(this.mantissa < 0n ? -q : q, places).padTo(places);
  }

  /** An approximate number, only for display scaling (bar widths), never for sums or comparisons. */
  toNumber(): number {
    return Number(this.toString());
  }

  private padTo(places: number): string {
    const s = new Decimal(this.aligned(places), places);
    const negative = s.mantissa < 0n;
    const digits = (negative ? -s.mantissa : s.mantissa).toString().padStart(places + 1, '0');
    const cut = digits.length - places;
    const body = places === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
    return (negative ? '-' : '') + body;
  }

  private aligned(scale: number): bigint {
    if (scale === this.scale) return this.mantissa;
    return this.mantissa * (POWERS_OF_TEN[scale - this.scale] ?? 10n ** BigInt(scale - this.scale));
  }

  /**
   * A plain decimal ("-1234.56": digits, at most one point with digits on both sides) as mantissa and scale, read
   * character by character: it runs once per imported amount, where a regular expression's match and substrings
   * were a tenth of an import's time. Up to 15 digits accumulate exactly in a double; longer ones go through BigInt.
   */
  private static parsePlain(text: string): Decimal | undefined {
    const negative = text.charCodeAt(0) === MINUS;
    const first = negative ? 1 : 0;
    let dot = -1;
    let digits = 0;
    let value = 0;
    for (let k = first; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === DOT) {
        if (dot >= 0 || k === first) return undefined;
        dot = k;
        continue;
      }
      const d = c - ZERO;
      if (d < 0 || d > 9) return undefined;
      value = value * 10 + d;
      digits++;
    }
    if (digits === 0 || dot === text.length - 1) return undefined;
    const magnitude =
      digits <= EXACT_DIGITS ? BigInt(value) : BigInt(dot < 0 ? text.slice(first) : text.slice(first, dot) + text.slice(dot + 1));
    return new Decimal(negative ? -magnitude : magnitude, dot < 0 ? 0 : text.length - dot - 1);
  }

  private normalize(): Decimal {
    let { mantissa, scale } = this;
    if (mantissa === 0n) return scale === 0 ? this : new Decimal(0n, 0);
    while (scale > 0 && mantissa % 10n === 0n) {
      mantissa /= 10n;
      scale -= 1;
    }
    return scale === this.scale ? this : new Decimal(mantissa, scale);
  }
}
