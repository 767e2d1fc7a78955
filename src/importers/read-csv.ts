import { positionAmong, type TextPosition } from './text-position.js';

/**
 * A CSV reader (RFC 4180: comma separated, `"` quoted, `""` an escaped quote, fields may span lines) that can place
 * every field at the physical line and column where it starts, also after quoted fields with line breaks in them.
 *
 * Why not csv-parse: on a 100,000-row revenue export it alone took 0.5–1.3 s here (the whole budget of an import),
 * it reports only the line where a record ends, and it guesses the record delimiter from the first line, which misreads
 * files that mix CRLF and LF. This reader is one pass over character codes and is strict: a stray quote is a
 * problem, not a guess, because an import is all or nothing. It keeps only where each record starts; a field's
 * position is found again by reading its record once more, which happens only for the few fields with a problem.
 *
 * Records are read as they are iterated, not all at once: an importer turns each row into its record and drops the
 * fields, so a file's hundreds of thousands of field strings never live at the same time. Holding them all took
 * half of a large import's parsing time in garbage collection alone.
 */
export interface CsvRecord {
  readonly fields: readonly string[];
  /** The offset in the text where the record starts. */
  readonly start: number;
  /** Structural problems (quotes); a record that has any is read as far as it could be, and cannot be trusted. */
  readonly problems?: readonly CsvProblem[];
}

export interface CsvProblem {
  readonly code: 'import.csv.unterminated-quote' | 'import.csv.stray-quote';
  readonly offset: number;
}

export interface CsvTable {
  /** The first non-blank record, or undefined when there is none. */
  readonly header: CsvRecord | undefined;
  /** Every non-blank record, the header first, each read when the iteration reaches it. */
  records(): Generator<CsvRecord>;
  /** The offset where a field of a record starts (its opening quote, when quoted); the record's end past its last field. */
  fieldOffset(record: CsvRecord, column: number): number;
  /** The 1-based line and column (in UTF-16 code units, as editors and the YAML reader count) of an offset. */
  position(offset: number): TextPosition;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Reads CSV text (without a byte order mark). Blank lines are skipped: spreadsheets and exports end files with them. */
export function readCsv(text: string): CsvTable {
  let lineStarts: number[] | undefined;
  const records = () => readRecords(text);
  return {
    header: records().next().value ?? undefined,
    records,
    fieldOffset(record, column) {
      const again = new Tokenizer(text);
      again.i = record.start;
      const offsets: number[] = [];
      again.record([], offsets, undefined);
      return offsets[column] ?? again.i;
    },
    position(offset) {
      lineStarts ??= findLineStarts(text);
      return positionAmong(lineStarts, offset);
    },
  };
}

function* readRecords(text: string): Generator<CsvRecord> {
  const tokenizer = new Tokenizer(text);
  while (tokenizer.i < text.length) {
    const start = tokenizer.i;
    // The common line, without quotes or a lone CR, is split by the engine itself, several times faster.
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf;
    let line = text.slice(start, end);
    if (line.charCodeAt(line.length - 1) === CR) line = line.slice(0, -1);
    if (!line.includes('"') && !line.includes('\r')) {
      tokenizer.i = lf < 0 ? end : lf + 1;
      if (line !== '') yield { fields: line.split(','), start };
      continue;
    }
    const fields: string[] = [];
    const problems: CsvProblem[] = [];
    tokenizer.record(fields, undefined, problems);
    const blank = fields.length === 1 && fields[0] === '' && !tokenizer.quoted;
    if (blank) continue;
    yield problems.length > 0 ? { fields, start, problems } : { fields, start };
  }
}

/** Reads one record at a time from `i`, leaving `i` at the start of the next. */
class Tokenizer {
  i = 0;
  /** Whether the last record read had a quoted field (a quoted empty line is not a blank line). */
  quoted = false;

  constructor(private readonly text: string) {}

  record(fields: string[], offsets: number[] | undefined, problems: CsvProblem[] | undefined): void {
    const text = this.text;
    const n = text.length;
    let i = this.i;
    this.quoted = false;
    for (;;) {
      const start = i;
      let value: string;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        this.quoted = true;
        value = '';
        let chunk = i + 1;
        for (;;) {
          const close = text.indexOf('"', chunk);
          if (close < 0) {
            problems?.push({ code: 'import.csv.unterminated-quote', offset: start });
            value += text.slice(chunk);
            i = n;
            break;
          }
          value += text.slice(chunk, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            chunk = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        // After the closing quote only a separator may follow; anything else is kept but reported.
        if (i < n && !isSeparator(text.charCodeAt(i))) {
          problems?.push({ code: 'import.csv.stray-quote', offset: i });
          const tail = i;
          while (i < n && !isSeparator(text.charCodeAt(i))) i++;
          value += text.slice(tail, i);
        }
      } else {
        let stray = -1;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE && stray < 0) stray = i;
          i++;
        }
        if (stray >= 0) {
          problems?.push({ code: 'import.csv.stray-quote', offset: stray });
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      offsets?.push(start);
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (i < n && text.charCodeAt(i) === CR) i++;
    if (i < n && text.charCodeAt(i) === LF) i++;
    this.i = i;
  }
}

function isSeparator(c: number): boolean {
  return c === COMMA || c === LF || c === CR;
}

/**
 * Offsets where physical lines start; CRLF, LF and a lone CR each end a line, as in the reader above. Searches with
 * indexOf rather than looking at every character: a skipped row needs its line, and an export may skip half its rows.
 */
function findLineStarts(text: string): number[] {
  const starts = [0];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      const next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
      starts.push(next);
      if (next === cr + 2) lf = text.indexOf('\n', next);
      cr = text.indexOf('\r', next);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}
