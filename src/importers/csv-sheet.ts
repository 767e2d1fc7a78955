import { dayRangeIssue } from '../core/day-range.js';
import { amountRangeIssue } from '../core/read-amount.js';
import { MAX_ROWS, rowsIssue } from '../core/row-limit.js';
import type { ImportIssues, IssueParams, RowRef } from './import-issues.js';
import type { CsvProblem, CsvRecord, CsvTable } from './read-csv.js';

/** The columns a CSV kind reads, by their canonical names (what messages show). */
export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /**
   * attain's own formats refuse columns they do not know: a misspelt `ammount` would otherwise be data silently
   * lost. Partner Center exports carry many columns attain does not read, and Microsoft adds more over time.
   */
  readonly otherColumns: 'refuse' | 'ignore';
}

/**
 * The most columns, and characters, a CSV header may have. Partner Center's widest export has 17 columns of short
 * names; a header beyond these is not a header of any kind attain reads, and every unknown column in it would be
 * listed, with its name, in the answer.
 */
export const CSV_LIMITS = { columns: 1000, headerCharacters: 65_536 } as const;

/** Refuses a header beyond the limits, before it is matched against any kind's columns. */
export function checkCsvHeader(table: CsvTable, issues: ImportIssues): void {
  const head = table.header;
  if (!head) return;
  if (head.fields.length > CSV_LIMITS.columns) {
    issues.fail('import.csv.columns', '$', { limit: CSV_LIMITS.columns, actual: head.fields.length, line: 1, column: 1 });
  }
  let characters = head.fields.length - 1;
  for (const field of head.fields) characters += field.length;
  if (characters > CSV_LIMITS.headerCharacters) {
    issues.fail('import.csv.header', '$', { limit: CSV_LIMITS.headerCharacters, actual: characters, line: 1, column: 1 });
  }
}

/** The key a header is matched by: case, spaces, underscores and hyphens do not matter (`PGAMpnID`, `person id`). */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * A CSV file bound to a kind's columns: the data rows to read, where each named column is, and how to report a
 * problem in a cell at its line and column.
 */
export class CsvSheet {
  private read = 0;

  private constructor(
    private readonly table: CsvTable,
    private readonly issues: ImportIssues,
    private readonly header: readonly string[],
    private readonly indexes: ReadonlyMap<string, number>,
  ) {}

  /**
   * Binds the table to the columns and checks the header. Throws when the header cannot be used, since no row can
   * then be read; the file's structural problems are listed with it.
   */
  static bind(table: CsvTable, spec: ColumnSpec, issues: ImportIssues): CsvSheet {
    const head = table.header;
    if (!head) return issues.fail('import.empty', '$');
    if (head.problems) stopWithStructure(table, issues);
    const before = issues.count;
    // Trailing empty header cells are what a spreadsheet writes for formatted but empty columns.
    let width = head.fields.length;
    while (width > 1 && head.fields[width - 1]?.trim() === '') width--;
    const header = head.fields.slice(0, width).map((h) => h.trim());
    const known = new Map([...spec.required, ...spec.optional].map((name) => [columnKey(name), name] as const));
    const indexes = new Map<string, number>();
    const expected = [...spec.required, ...spec.optional].join(', ');
    const headerIssue = (code: string, at: number, params: IssueParams) =>
      issues.add(code, header[at] ?? '$', { ...params, ...table.position(table.fieldOffset(head, at)) });
    for (let at = 0; at < header.length; at++) {
      const name = header[at] as string;
      const canonical = known.get(columnKey(name));
      if (canonical === undefined) {
        if (spec.otherColumns === 'refuse' || name === '') headerIssue('import.column.unknown', at, { value: name, expected });
      } else if (indexes.has(canonical)) headerIssue('import.column.duplicate', at, { value: name });
      else indexes.set(canonical, at);
    }
    for (const name of spec.required) {
      if (!indexes.has(name)) issues.add('import.column.missing', name, { field: name, ...table.position(head.start) });
    }
    // Without the right columns no row can be read; the structural problems are listed with them.
    if (issues.count > before) stopWithStructure(table, issues);
    return new CsvSheet(table, issues, header, indexes);
  }

  /**
   * The data rows whose fields can be read: not broken, not all empty, with the header's number of fields. Each
   * is read as the iteration reaches it, and the others are reported then, so a reader iterates once, to the end.
   */
  *rows(): Generator<CsvRecord> {
    const { table, issues } = this;
    const width = this.header.length;
    let read = 0;
    let seen = 0;
    const records = table.records();
    records.next(); // the header, checked by bind
    for (const record of records) {
      // Counted as they come, so that a file of too many rows is refused after the limit's worth of work at most.
      if (++seen > MAX_ROWS) {
        const issue = rowsIssue('$');
        issues.fail(issue.code, issue.path, issue.params);
      }
      if (record.problems) {
        reportProblems(table, issues, record.problems, record);
        continue;
      }
      const fields = record.fields;
      let filled = false;
      for (const field of fields) {
        if (field.trim() !== '') {
          filled = true;
          break;
        }
      }
      if (!filled) continue; // a row of empty cells, as spreadsheets leave behind: no data to import or lose
      let length = fields.length;
      while (length > width && fields[length - 1]?.trim() === '') length--;
      if (length !== width) {
        // Too many fields: where the first extra one starts; too few: where the row starts.
        const at = length > width ? width : 0;
        issues.add(
          'import.csv.field-count',
          '$',
          { expected: width, actual: fields.length, ...(issues.listing ? table.position(table.fieldOffset(record, at)) : {}) },
          this.rowRef(record),
        );
        continue;
      }
      read++;
      yield record;
    }
    this.read = read;
  }

  /** How many rows the last complete iteration of `rows()` gave. */
  get rowCount(): number {
    return this.read;
  }

  /** Where a column is in each row, or -1 when an optional column is absent. */
  column(name: string): number {
    return this.indexes.get(name) ?? -1;
  }

  /** A cell without surrounding spaces; the empty string for an absent column. */
  cell(row: CsvRecord, column: number): string {
    return column < 0 ? '' : (row.fields[column] ?? '').trim();
  }

  /** The physical line a row starts on. */
  line(row: CsvRecord): number {
    return this.table.position(row.start).line;
  }

  /** Reports a date cell that is not a day (`code`, with the forms expected), or not one within the range. */
  reportDay(
    row: CsvRecord,
    column: number,
    value: string,
    reading: 'invalid' | 'out-of-range',
    code: string,
    expected: string,
  ): void {
    if (reading === 'invalid') this.report(code, row, column, { value, expected });
    else this.report('input.date.range', row, column, dayRangeIssue('', value).params);
  }

  /** Reports an amount cell that is not a plain decimal, or has more digits than any amount may. */
  reportAmount(row: CsvRecord, column: number, value: string, reading: 'invalid' | 'out-of-range'): void {
    if (reading === 'invalid') this.report('import.amount.invalid', row, column, { value });
    else this.report('input.amount.digits', row, column, amountRangeIssue('', value).params);
  }

  /**
   * Reports a problem in one cell, at the line and column where the cell starts. A problem of the file as a whole
   * found on some row (`inRow` false: no exchange rate for the export's currency) is not the row's: leaving the row
   * out would not cure it.
   */
  report(code: string, row: CsvRecord, column: number, params: IssueParams, inRow = true): void {
    const path = this.header[column] ?? '$';
    const where = this.issues.listing ? this.table.position(this.table.fieldOffset(row, Math.max(column, 0))) : {};
    this.issues.add(code, path, { ...params, ...where }, inRow ? this.rowRef(row) : undefined);
  }

  /** The row as a problem names it: its offset tells it apart, its first line is where a person finds it. */
  private rowRef(row: CsvRecord): RowRef {
    return { key: row.start, line: this.table.position(row.start).line };
  }
}

function reportProblems(table: CsvTable, issues: ImportIssues, problems: readonly CsvProblem[], record?: CsvRecord): void {
  const row = record && { key: record.start, line: table.position(record.start).line };
  for (const problem of problems) {
    if (issues.listing) issues.add(problem.code, '$', { ...table.position(problem.offset) }, row);
    else issues.add(problem.code, '$', {}, row);
  }
}

/** The table without some of its data rows (by their offsets): a file read again, its bad rows left out. */
export function withoutRows(table: CsvTable, left: ReadonlySet<number>): CsvTable {
  return {
    ...table,
    *records() {
      let first = true;
      for (const record of table.records()) {
        if (first || !left.has(record.start)) yield record;
        first = false;
      }
    },
  };
}

/** Stops the import over its header, after listing every structural problem in the file. */
function stopWithStructure(table: CsvTable, issues: ImportIssues): never {
  for (const record of table.records()) if (record.problems) reportProblems(table, issues, record.problems);
  return issues.stop();
}
