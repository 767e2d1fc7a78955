import { AttainError, type Issue, type IssueGroup } from '../core/attain-error.js';
import { shownParams } from '../core/shown-value.js';

/** At most this many problems are listed; a file with more is almost always the wrong file, and the rest say the same. */
export const MAX_REPORTED_ISSUES = 1000;

/** A group lists the lines of its first rows only: "rows 12, 48, … and 519 more". */
export const GROUP_LINES = 10;

/**
 * At most this many causes are counted, like the problems listed: 100,000 rows each naming another unknown customer
 * would otherwise answer with 100,000 groups. The problems of later causes are still counted in the total.
 */
export const MAX_GROUPS = 1000;

/** The issue a refusal ends with when leaving out its bad rows would let the others be imported. */
export const SKIPPABLE = 'import.rows.skippable';

export type IssueParams = Readonly<Record<string, string | number>>;

/** The row a problem is in: `key` tells it from every other row (a CSV record's offset, a JSON record's index). */
export interface RowRef {
  readonly key: number;
  readonly line?: number;
}

interface Group {
  readonly code: string;
  readonly path: string;
  readonly params: IssueParams;
  count: number;
  readonly lines: number[];
}

/**
 * Collects every problem of an import file, then refuses the file whole: nothing of a file with one bad row is
 * imported, so a partner never has to work out which half of a file landed. It also remembers which rows the
 * problems are in, so that an import asked to leave out the bad rows (`skipInvalid`) can read the file again without
 * them; a problem of the file as a whole (its header, its size) leaves nothing to leave out.
 */
export class ImportIssues {
  private readonly list: Issue[] = [];
  private total = 0;
  private readonly byCause = new Map<string, Group>();
  private readonly rowKeys = new Set<number>();
  /** Problems not in a row, or counted without saying where (JSON past the first 1000). */
  private outsideRows = 0;

  constructor(private readonly file: string | undefined) {}

  /** Whether another issue would still be listed: callers skip the work of locating issues that would not be. */
  get listing(): boolean {
    return this.list.length < MAX_REPORTED_ISSUES;
  }

  /** How many more issues would be listed. */
  get room(): number {
    return MAX_REPORTED_ISSUES - this.list.length;
  }

  get count(): number {
    return this.total;
  }

  /** The keys of the rows with a problem. */
  get badRows(): ReadonlySet<number> {
    return this.rowKeys;
  }

  /** Whether every problem is in a row that can be left out, so that the other rows could be imported. */
  get onlyRows(): boolean {
    return this.total > 0 && this.outsideRows === 0;
  }

  add(code: string, path: string, params: IssueParams = {}, row?: RowRef): void {
    this.total++;
    if (row) this.rowKeys.add(row.key);
    else this.outsideRows++;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ code, path, params: shownParams(params) });
    this.group(code, path, params, row?.line ?? (typeof params.line === 'number' ? params.line : undefined));
  }

  /** Adds issues found by another validator (the organization file's), keeping their codes. */
  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) this.add(issue.code, issue.path, issue.params);
  }

  /** Counts problems another validator found but did not list (it lists its first 1000, then how many there were). */
  addUnlisted(count: number): void {
    this.total += count;
    this.outsideRows += count;
  }

  throwIfAny(): void {
    if (this.total > 0) throw this.error();
  }

  /** Refuses the file with the problems found so far, when nothing more can be checked. */
  stop(): never {
    throw this.error();
  }

  /** Throws at once: for a problem after which nothing else in the file can be checked. */
  fail(code: string, path: string, params: IssueParams = {}): never {
    this.add(code, path, params);
    throw this.error();
  }

  /** The problems by cause, the most frequent first: the same code in the same column with the same value. */
  groups(): IssueGroup[] {
    return [...this.byCause.values()]
      .map((g, i) => ({ g, i }))
      .sort((a, b) => b.g.count - a.g.count || a.i - b.i)
      .map(({ g }) => ({ code: g.code, path: g.path, params: g.params, count: g.count, lines: [...g.lines] }));
  }

  /** The listed problems in file order, whatever check found them; issues without a line (the file as a whole) first. */
  listed(): Issue[] {
    return this.list
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => lineOf(a.issue) - lineOf(b.issue) || columnOf(a.issue) - columnOf(b.issue) || a.i - b.i)
      .map((x) => x.issue);
  }

  private group(code: string, path: string, params: IssueParams, line: number | undefined): void {
    const value = params.value;
    const key = `${code}\u0000${path}\u0000${value === undefined ? '' : String(value)}`;
    let group = this.byCause.get(key);
    if (!group) {
      if (this.byCause.size >= MAX_GROUPS) return;
      // A cause's message is its first occurrence's, without the place: the place is each row's.
      const { line: _, column: __, ...cause } = params;
      group = { code, path, params: shownParams(cause), count: 0, lines: [] };
      this.byCause.set(key, group);
    }
    group.count++;
    if (line !== undefined && group.lines.length < GROUP_LINES) group.lines.push(line);
  }

  private error(): AttainError {
    const listed = this.listed();
    const truncated =
      this.total > this.list.length
        ? [{ code: 'import.issues.truncated', path: '$', params: { shown: this.list.length, total: this.total } }]
        : [];
    // Said with the refusal, so that a partner knows the choice exists before making it.
    const skippable = this.onlyRows ? [{ code: SKIPPABLE, path: '$', params: { rows: this.badRows.size } }] : [];
    const where = this.file ? `${this.file}: ` : '';
    const rows = this.onlyRows ? ` (${this.badRows.size} row${this.badRows.size === 1 ? '' : 's'})` : '';
    return new AttainError(
      'import.invalid',
      `${where}${this.total} problem${this.total === 1 ? '' : 's'} found${rows}; nothing was imported`,
      [...listed, ...truncated, ...skippable],
      this.file,
      this.groups(),
    );
  }
}

function lineOf(issue: Issue): number {
  return typeof issue.params.line === 'number' ? issue.params.line : 0;
}

function columnOf(issue: Issue): number {
  return typeof issue.params.column === 'number' ? issue.params.column : 0;
}
