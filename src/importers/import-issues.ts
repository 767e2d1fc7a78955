import { AttainError, type Issue } from '../core/attain-error.js';
import { shownParams } from '../core/shown-value.js';

/** At most this many problems are listed; a file with more is almost always the wrong file, and the rest say the same. */
export const MAX_REPORTED_ISSUES = 1000;

export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * Collects every problem of an import file, then refuses the file whole: nothing of a file with one bad row is
 * imported, so a partner never has to work out which half of a file landed.
 */
export class ImportIssues {
  private readonly list: Issue[] = [];
  private total = 0;

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

  add(code: string, path: string, params: IssueParams = {}): void {
    this.total++;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ code, path, params: shownParams(params) });
  }

  /** Adds issues found by another validator (the organization file's), keeping their codes. */
  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) this.add(issue.code, issue.path, issue.params);
  }

  /** Counts problems another validator found but did not list (it lists its first 1000, then how many there were). */
  addUnlisted(count: number): void {
    this.total += count;
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

  private error(): AttainError {
    // In file order, whatever check found them; issues without a line (the file as a whole) first.
    const listed = this.list
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => lineOf(a.issue) - lineOf(b.issue) || columnOf(a.issue) - columnOf(b.issue) || a.i - b.i)
      .map((x) => x.issue);
    const issues =
      this.total > this.list.length
        ? [...listed, { code: 'import.issues.truncated', path: '$', params: { shown: this.list.length, total: this.total } }]
        : listed;
    const where = this.file ? `${this.file}: ` : '';
    return new AttainError(
      'import.invalid',
      `${where}${this.total} problem${this.total === 1 ? '' : 's'} found; nothing was imported`,
      issues,
      this.file,
    );
  }
}

function lineOf(issue: Issue): number {
  return typeof issue.params.line === 'number' ? issue.params.line : 0;
}

function columnOf(issue: Issue): number {
  return typeof issue.params.column === 'number' ? issue.params.column : 0;
}
