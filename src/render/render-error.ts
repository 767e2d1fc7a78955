import type { AttainError } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { Formatter } from './formatter.js';
import { MESSAGES } from './messages.js';
import { renderFinding } from './render-text.js';

/** Renders an input error for a terminal: what file, then each problem with its JSON path, line and reason. */
export function renderError(error: AttainError, locale: Locale): string {
  const m = MESSAGES[locale];
  if (error.issues.length === 0) return `attain: ${error.message}\n`;
  const title = error.code.startsWith('import.') ? m.importTitle : m.issueTitle;
  const lines = [error.file ? title(error.file, error.issues.length) : `attain: ${error.message}`];
  return `${[...lines, ...renderIssues(error, locale)].join('\n')}\n`;
}

/** Each problem of an error on a line of its own, indented: file, JSON path, line and column, reason, code. */
export function renderIssues(error: AttainError, locale: Locale): string[] {
  const m = MESSAGES[locale];
  const f = new Formatter(locale, undefined);
  return error.issues.map((issue) => {
    const { line, column, ...params } = issue.params;
    const at = line === undefined ? '' : column === undefined ? ` (${line})` : ` (${line}:${column})`;
    return `  ${error.file ? `${error.file}: ` : ''}${issue.path}${at}: ${renderFinding(issue.code, params, f, m)} [${issue.code}]`;
  });
}
