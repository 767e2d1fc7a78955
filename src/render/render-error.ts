import type { AttainError, Issue, IssueGroup } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { Formatter } from './formatter.js';
import { MESSAGES, type Messages } from './messages.js';
import { renderFinding } from './render-text.js';

/**
 * Renders an input error for a terminal: what file, then each problem with its JSON path, line and reason. `command`
 * is the CLI command that met it: an import's file that cannot even be read was not imported, not "not evaluated".
 */
export function renderError(error: AttainError, locale: Locale, command?: string): string {
  const m = MESSAGES[locale];
  if (error.issues.length === 0) return `attain: ${error.message}\n`;
  if (error.groups) return renderGrouped(error, error.groups, locale);
  if (!error.file) return renderUsageError(error, locale);
  const title = error.code.startsWith('import.') || command === 'import' ? m.importTitle : m.issueTitle;
  const lines = [title(error.file, error.issues.length)];
  return `${[...lines, ...renderIssues(error, locale)].join('\n')}\n`;
}

/**
 * An error of no file (a refusal of what was typed, a store that cannot be written, output that cannot be written):
 * each issue on a line of its own, in the user's language, with the option or path it is about when the sentence
 * does not name it (`--as-of: "0001-01-01" is outside …`). Its English message is not shown: the issues say it.
 */
export function renderUsageError(error: AttainError, locale: Locale): string {
  const m = MESSAGES[locale];
  const f = new Formatter(locale, undefined);
  if (error.issues.length === 0) return `attain: ${error.message}\n`;
  return error.issues
    .map((issue) => {
      const { line, column, ...params } = issue.params;
      const at = line === undefined ? '' : column === undefined ? ` (${line})` : ` (${line}:${column})`;
      const where = issue.path === '$' && at === '' ? '' : `${issue.path}${at}: `;
      return `attain: ${where}${renderFinding(issue.code, params, f, m)} [${issue.code}]\n`;
    })
    .join('');
}

/** Each problem of an error on a line of its own, indented: file, JSON path, line and column, reason, code. */
export function renderIssues(error: AttainError, locale: Locale): string[] {
  const m = MESSAGES[locale];
  const f = new Formatter(locale, undefined);
  return error.issues.map((issue) => renderIssue(issue, error.file, f, m));
}

/** An import's refusal lists at most this many causes; `--format json` has every problem. */
const SHOWN_CAUSES = 50;

/**
 * A refused import, one line per cause with how many rows have it and the first of their lines, the most frequent
 * first: 524 rows of one unknown product are one line, not 524. A cause of one row reads as an issue always has.
 */
function renderGrouped(error: AttainError, groups: readonly IssueGroup[], locale: Locale): string {
  const m = MESSAGES[locale];
  const f = new Formatter(locale, undefined);
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const where = error.file ? `${error.file}: ` : '';
  const out = [error.file ? m.importTitle(error.file, total) : `attain: ${error.message}`];
  for (const group of groups.slice(0, SHOWN_CAUSES)) {
    const issue = group.count === 1 ? error.issues.find((i) => sameCause(i, group)) : undefined;
    if (issue) out.push(renderIssue(issue, error.file, f, m));
    else {
      const message = renderFinding(group.code, group.params, f, m);
      out.push(`  ${where}${group.path}: ${message} [${group.code}]: ${m.importGroupRows(group.count, group.lines, f)}`);
    }
  }
  if (groups.length > SHOWN_CAUSES) out.push(`  ${m.importMoreCauses(groups.length - SHOWN_CAUSES)}`);
  // What the grouping leaves to say: the list was cut, and whether leaving the bad rows out would help.
  for (const issue of error.issues)
    if (!groups.some((g) => g.code === issue.code)) out.push(`  ${renderFinding(issue.code, issue.params, f, m)}`);
  return `${out.join('\n')}\n`;
}

function sameCause(issue: Issue, group: IssueGroup): boolean {
  return issue.code === group.code && issue.path === group.path && issue.params.value === group.params.value;
}

function renderIssue(issue: Issue, file: string | undefined, f: Formatter, m: Messages): string {
  const { line, column, ...params } = issue.params;
  const at = line === undefined ? '' : column === undefined ? ` (${line})` : ` (${line}:${column})`;
  return `  ${file ? `${file}: ` : ''}${issue.path}${at}: ${renderFinding(issue.code, params, f, m)} [${issue.code}]`;
}
