import { parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import type { BulkColumn } from './bulk-insert.js';

type ScalarType = BulkColumn['type'];
type ScalarValue = NonNullable<BulkColumn['values'][number]>;

/**
 * A column whose every value is a one-dimensional array of scalars (`text[]`, `numeric[]`, …): a row that carries
 * many records at once, as the revenue chunks and a person's exam passes do. Null elements are written as nulls
 * (a DPOR period's open end); the columns that must not hold any say so in their check constraints.
 */
export interface ArrayColumn {
  readonly name: string;
  readonly type: `${ScalarType}[]`;
  /** A null row value is a null array (a chunk whose records all lack an optional field). */
  readonly values: readonly (readonly (ScalarValue | null)[] | null)[];
}

/** What COPY can write: scalar columns, and arrays of them. */
export type CopyColumn = BulkColumn | ArrayColumn;

/**
 * Rows for `copy <table> (<columns>) from stdin with (format binary)`, in PostgreSQL's binary COPY format. A query
 * whose only parameter is a `CopyRows` is a COPY: each backend's connection sends the rows in its own way (the pg
 * client streams them through COPY FROM STDIN, PGlite reads them as the `/dev/blob` file), so that Kysely's
 * transaction stays in charge.
 *
 * Binary rather than text: the server then reads dates and numerics from their internal form instead of parsing
 * digits, which on PostgreSQL made a 100,000-row revenue load about a quarter faster than CSV.
 */
export class CopyRows {
  /** What a binary COPY payload starts with: the signature, no flags, no header extension. */
  static readonly HEADER: Uint8Array = new Uint8Array([
    0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
  ]);
  /** What it ends with: a row of -1 fields. */
  static readonly TRAILER: Uint8Array = new Uint8Array([0xff, 0xff]);

  private constructor(
    private readonly parts: readonly CopyPart[],
    /** How many rows. */
    readonly rows: number,
    /** The rows already encoded, whole rows per chunk (see `encoded`); none when they are encoded as they are sent. */
    private readonly encodedChunks?: readonly Uint8Array[],
  ) {}

  /** Rows given column by column; each row is led by `orgId`, the column every child table starts with. */
  static of(orgId: string, columns: readonly CopyColumn[]): CopyRows {
    return CopyRows.ofMany([{ orgId, columns }]);
  }

  /**
   * The rows of many organizations in one payload, each part's rows led by its `orgId`: a bulk load sends one COPY
   * per table for a whole batch instead of one per organization. Every part lists the same columns.
   */
  static ofMany(parts: readonly CopyPart[]): CopyRows {
    let rows = 0;
    const width = parts[0]?.columns.length;
    for (const part of parts) {
      // Rows are encoded by the first part's column types: a part of another shape is a slip in the code.
      if (part.columns.length !== width) throw new Error(`COPY: ${part.orgId} has ${part.columns.length} columns, not ${width}`);
      rows += part.columns[0]?.values.length ?? 0;
    }
    return new CopyRows(parts, rows);
  }

  /**
   * Rows encoded earlier by `chunks` (on another thread, say, which hands over the bytes without copying them),
   * sent as they are: each chunk holds whole rows.
   */
  static encoded(rows: number, chunks: readonly Uint8Array[]): CopyRows {
    return new CopyRows([], rows, chunks);
  }

  /**
   * The rows, encoded a chunk at a time as it is asked for (without HEADER and TRAILER), each chunk about
   * `bytesPerChunk` long or one row if that is longer: a backend that streams sends one chunk while the next is
   * encoded, and one that cannot wraps each chunk into a payload of its own. Sized in bytes, not rows, because a row
   * of arrays can carry thousands of records. Rows made `encoded` come in the chunks they were encoded in.
   */
  *chunks(bytesPerChunk: number): Generator<Uint8Array> {
    if (this.encodedChunks) {
      yield* this.encodedChunks;
      return;
    }
    const width = this.parts[0]?.columns.length ?? 0;
    const encoder = new RowEncoder(bytesPerChunk, this.rows * 16 * (width + 1));
    for (const part of this.parts) {
      const rows = part.columns[0]?.values.length ?? 0;
      for (let row = 0; row < rows; row++) if (encoder.addRow(part, row)) yield* encoder.takeFull();
    }
    yield* encoder.finish();
  }
}

/**
 * Encodes rows in PostgreSQL's binary COPY format, part after part, into chunks of about `bytesPerChunk` (whole
 * rows each, or one row if that is longer). Every part lists the same columns as the first.
 */
export class RowEncoder {
  private readonly writer: BinaryWriter;
  private readonly full: Uint8Array[] = [];
  private encoders: readonly FieldEncoder[] | undefined;
  private org: { readonly id: string; readonly field: Uint8Array } | undefined;
  /** Rows encoded so far. */
  rows = 0;

  /** @param expectedBytes about how many bytes the rows will take, if known: the first buffer's size */
  constructor(
    private readonly bytesPerChunk: number,
    expectedBytes = 64 * 1024,
  ) {
    this.writer = new BinaryWriter(Math.min(bytesPerChunk, expectedBytes));
  }

  /** Encodes every row of a part; chunks that fill up wait for `takeFull` or `finish`. */
  add(part: CopyPart): void {
    const rows = part.columns[0]?.values.length ?? 0;
    for (let row = 0; row < rows; row++) this.addRow(part, row);
  }

  /** Encodes one row of a part; true when a chunk filled up. */
  addRow(part: CopyPart, row: number): boolean {
    const { writer } = this;
    const columns = part.columns;
    const width = columns.length;
    this.encoders ??= columns.map((column) => ENCODERS[column.type]);
    const encoders = this.encoders;
    // Rows are encoded by the first part's column types: a part of another shape is a slip in the code.
    if (width !== encoders.length) throw new Error(`COPY: ${part.orgId} has ${width} columns, not ${encoders.length}`);
    if (this.org?.id !== part.orgId) this.org = { id: part.orgId, field: writer.textField(part.orgId) };
    writer.int16(width + 1);
    writer.bytes(this.org.field);
    for (let c = 0; c < width; c++) {
      const column = columns[c] as CopyColumn;
      const value = column.values[row];
      if (value === null || value === undefined) writer.int32(-1);
      else (encoders[c] as FieldEncoder)(writer, value, column.name);
    }
    this.rows++;
    if (writer.size < this.bytesPerChunk) return false;
    this.full.push(writer.take());
    return true;
  }

  /** The chunks that filled up, handed over. */
  takeFull(): Uint8Array[] {
    return this.full.splice(0);
  }

  /** Every chunk not yet taken, the last (partly filled) one included. */
  finish(): Uint8Array[] {
    if (this.writer.size > 0) this.full.push(this.writer.take());
    return this.takeFull();
  }
}

/** One organization's rows of a COPY, given column by column. */
export interface CopyPart {
  readonly orgId: string;
  readonly columns: readonly CopyColumn[];
}

/** Tells a COPY from an ordinary statement: its parameters are exactly one `CopyRows`. */
export function copyRowsOf(parameters: readonly unknown[]): CopyRows | undefined {
  const [first] = parameters;
  return parameters.length === 1 && first instanceof CopyRows ? first : undefined;
}

/** PostgreSQL counts dates from 2000-01-01; attain's days count from 1970-01-01. */
const POSTGRES_EPOCH_DAY = 10_957;
const MINUS = 45;
const ZERO = 48;
const POWERS: readonly number[] = [1, 10, 100, 1000];
const NUMERIC_NEGATIVE = 0x4000;

type FieldEncoder = (writer: BinaryWriter, value: ScalarValue | readonly (ScalarValue | null)[], column: string) => void;
type ScalarEncoder = (writer: BinaryWriter, value: ScalarValue, column: string) => void;

const SCALAR_ENCODERS: Record<ScalarType, ScalarEncoder> = {
  text: (writer, value) => writer.text(typeof value === 'string' ? value : String(value)),
  integer: (writer, value, column) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw unencodable(column, value, 'a 32-bit integer');
    writer.int32(4);
    writer.int32(n);
  },
  boolean: (writer, value) => {
    writer.int32(1);
    writer.byte(value === true || value === 'true' || value === 't' ? 1 : 0);
  },
  date: (writer, value, column) => {
    const day = typeof value === 'number' ? value : parseDay(String(value));
    if (day === undefined) throw unencodable(column, value, 'a YYYY-MM-DD date');
    writer.int32(4);
    writer.int32(day - POSTGRES_EPOCH_DAY);
  },
  numeric: (writer, value, column) => {
    if (value instanceof Decimal) {
      if (!writeDecimal(writer, value)) throw unencodable(column, value.toString().slice(0, 40), NUMERIC_RANGE);
    } else if (!writeNumeric(writer, String(value))) throw unencodable(column, String(value).slice(0, 40), 'a plain decimal');
  },
};

/** The element types' oids, which a binary array names and the server checks against the column's. */
const ELEMENT_OIDS: Record<ScalarType, number> = { text: 25, integer: 23, boolean: 16, date: 1082, numeric: 1700 };

/**
 * A one-dimensional array from 1: dimensions, a flag saying whether any element is null, element oid, then each
 * element as a field of its own (length and bytes, which is what the scalar encoders write; -1 for a null).
 */
function arrayEncoder(type: ScalarType): FieldEncoder {
  const element = SCALAR_ENCODERS[type];
  const oid = ELEMENT_OIDS[type];
  return (writer, value, column) => {
    const items = value as readonly (ScalarValue | null)[];
    const start = writer.openLength();
    writer.int32(1);
    writer.int32(items.includes(null) ? 1 : 0);
    writer.int32(oid);
    writer.int32(items.length);
    writer.int32(1);
    for (const item of items) {
      if (item === null) writer.int32(-1);
      else element(writer, item, column);
    }
    writer.closeLength(start);
  };
}

const ENCODERS: Record<CopyColumn['type'], FieldEncoder> = {
  ...(SCALAR_ENCODERS as Record<ScalarType, FieldEncoder>),
  'text[]': arrayEncoder('text'),
  'integer[]': arrayEncoder('integer'),
  'boolean[]': arrayEncoder('boolean'),
  'date[]': arrayEncoder('date'),
  'numeric[]': arrayEncoder('numeric'),
};

/**
 * PostgreSQL's binary numeric from a plain decimal's text ("-1234.50"), read character by character since it runs
 * once per amount; false for anything else.
 */
function writeNumeric(writer: BinaryWriter, text: string): boolean {
  const negative = text.charCodeAt(0) === MINUS;
  const first = negative ? 1 : 0;
  const dot = text.indexOf('.', first);
  if (dot === first || dot === text.length - 1 || text.length === first) return false;
  for (let k = first; k < text.length; k++) {
    const d = text.charCodeAt(k) - ZERO;
    if (k !== dot && (d < 0 || d > 9)) return false;
  }
  const scale = dot < 0 ? 0 : text.length - dot - 1;
  return scale <= MAX_NUMERIC_SCALE && writeDigits(writer, negative, text, first, dot, scale);
}

/** The same from a Decimal: its mantissa and its scale, with no text in between; false when it is out of range. */
function writeDecimal(writer: BinaryWriter, value: Decimal): boolean {
  const { mantissa, scale } = value;
  if (scale > MAX_NUMERIC_SCALE) return false;
  if (scale >= 0 && mantissa > -SMALL_MANTISSA && mantissa < SMALL_MANTISSA) {
    writeSmallDecimal(writer, Number(mantissa), scale);
    return true;
  }
  const negative = mantissa < 0n;
  return writeDigits(writer, negative, (negative ? -mantissa : mantissa).toString(), 0, -1, scale);
}

/**
 * The binary numeric's limits: the display scale in 14 bits, the first digit's weight in 16 (a number below
 * 10^131072). Readers refuse amounts long before these; past them the fields would wrap, and "1" and 262,144 zeros
 * was stored as 1.
 */
const MAX_NUMERIC_SCALE = 0x3fff;
const MAX_NUMERIC_WEIGHT = 0x7fff;
const NUMERIC_RANGE = 'a decimal within PostgreSQL numeric (scale ≤ 16383, under 10^131072)';

/**
 * Mantissas below this stay exact as doubles even after three more places are appended to align the scale on a
 * base-10000 digit: 2^53 / 1000. Money almost always fits, and skips BigInt's text.
 */
const SMALL_MANTISSA = 9_007_199_254_740n;

/** `writeDigits` for a mantissa held exactly by a double: base-10000 digits by division, least significant first. */
function writeSmallDecimal(writer: BinaryWriter, mantissa: number, scale: number): void {
  const negative = mantissa < 0;
  // Places appended so that the lowest digit ends on a base-10000 boundary.
  const pad = (4 - (scale % 4)) % 4;
  let rest = (negative ? -mantissa : mantissa) * (POWERS[pad] as number);
  // The weight of the lowest digit, then of each one above it; trailing zero digits are not written.
  let weight = -(scale + pad) / 4;
  while (rest > 0 && rest % 10_000 === 0) {
    rest /= 10_000;
    weight++;
  }
  const digits = writer.digits;
  digits.length = 0;
  while (rest > 0) {
    const digit = rest % 10_000;
    digits.push(digit);
    rest = (rest - digit) / 10_000;
  }
  const count = digits.length;
  writer.int32(8 + 2 * count);
  writer.int16(count);
  writer.int16(count === 0 ? 0 : weight + count - 1);
  writer.int16(negative && count > 0 ? NUMERIC_NEGATIVE : 0);
  writer.int16(scale);
  for (let k = count - 1; k >= 0; k--) writer.int16(digits[k] as number);
}

/**
 * Writes the decimal digits `text[from…]` (skipping the point at `dot`, if any), whose last `scale` are places, as
 * PostgreSQL's binary numeric: base-10000 digits aligned on the point, with the weight of the first, a sign, and
 * the display scale (the places written, which the server keeps: 12.50 stays 12.50).
 */
function writeDigits(writer: BinaryWriter, negative: boolean, text: string, from: number, dot: number, scale: number): boolean {
  const count = text.length - from - (dot < 0 ? 0 : 1);
  // A digit's power of ten is its exponent; its base-10000 digit is floor(exponent / 4).
  const top = Math.floor((count - scale - 1) / 4);
  if (top > MAX_NUMERIC_WEIGHT) return false;
  const bottom = Math.floor(-scale / 4);
  const digits = writer.digits;
  digits.length = top - bottom + 1;
  digits.fill(0);
  let exponent = count - scale - 1;
  for (let k = from; k < text.length; k++) {
    if (k === dot) continue;
    const group = Math.floor(exponent / 4);
    digits[top - group] =
      (digits[top - group] as number) + (text.charCodeAt(k) - ZERO) * (POWERS[exponent - 4 * group] as number);
    exponent--;
  }
  let firstDigit = 0;
  while (firstDigit < digits.length && digits[firstDigit] === 0) firstDigit++;
  let last = digits.length;
  while (last > firstDigit && digits[last - 1] === 0) last--;
  const significant = last - firstDigit;
  writer.int32(8 + 2 * significant);
  writer.int16(significant);
  writer.int16(significant === 0 ? 0 : top - firstDigit);
  writer.int16(negative && significant > 0 ? NUMERIC_NEGATIVE : 0);
  writer.int16(scale);
  for (let k = firstDigit; k < last; k++) writer.int16(digits[k] as number);
  return true;
}

function unencodable(column: string, value: unknown, expected: string): Error {
  // Columns come from parsed, validated records: a value that is not what its column holds is a bug, not input.
  return new Error(`COPY: column ${column} needs ${expected}, not ${JSON.stringify(value)}`);
}

/** A growing big-endian byte buffer. */
class BinaryWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private length = 0;
  private readonly encoder = new TextEncoder();
  /** Scratch space for one numeric's base-10000 digits. */
  readonly digits: number[] = [];

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(1024, capacity));
    this.view = new DataView(this.buffer.buffer);
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  int16(value: number): void {
    this.reserve(2);
    this.view.setInt16(this.length, value);
    this.length += 2;
  }

  int32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
  }

  bytes(data: Uint8Array): void {
    const n = data.length;
    this.reserve(n);
    const buffer = this.buffer;
    const at = this.length;
    if (n > 64) buffer.set(data, at);
    // A short field is copied by hand: `set` costs more to call than the copy itself.
    else for (let k = 0; k < n; k++) buffer[at + k] = data[k] as number;
    this.length = at + n;
  }

  /** How many bytes are written and not yet taken. */
  get size(): number {
    return this.length;
  }

  /** Leaves room for a field's length, to be filled by `closeLength` once the field is written. */
  openLength(): number {
    this.int32(0);
    return this.length;
  }

  closeLength(start: number): void {
    this.view.setInt32(start - 4, this.length - start);
  }

  /**
   * Writes a text field as COPY does, its length then its UTF-8. ASCII is copied a character at a time, the rest
   * encoded in place: faster than looking each value up among those already encoded, as this once did, since a
   * fresh string's hash costs a pass over it too.
   */
  text(text: string): void {
    const n = text.length;
    this.reserve(4 + 3 * n);
    const buffer = this.buffer;
    const at = this.length + 4;
    let ascii = 0;
    while (ascii < n) {
      const code = text.charCodeAt(ascii);
      if (code >= 0x80) break;
      buffer[at + ascii] = code;
      ascii++;
    }
    const written = ascii === n ? n : ascii + this.encoder.encodeInto(text.slice(ascii), buffer.subarray(at + ascii)).written;
    this.view.setInt32(this.length, written);
    this.length = at + written;
  }

  /** A text field as `text` writes it, as bytes of its own: for a value written on many rows. */
  textField(text: string): Uint8Array {
    const utf8 = this.encoder.encode(text);
    const field = new Uint8Array(4 + utf8.length);
    new DataView(field.buffer).setInt32(0, utf8.length);
    field.set(utf8, 4);
    return field;
  }

  /** The bytes written since the last take, as a copy; the buffer is reused for the next chunk. */
  take(): Uint8Array {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    return bytes;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + bytes) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}
