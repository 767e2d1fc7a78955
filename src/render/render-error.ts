import type { AttainError } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { Formatter } from './formatter.js';
import { MESSAGES } from './messages.js';
import { renderFinding } from './render-text.js';

/** Renders an input error for a terminal: what file, then each problem with its JSON path, line and reason. */
export function renderError(error: AttainError, locale: Locale): string {
  const m = MESSAGES[locale];
  if (error.issues.length === 0) return `attain: ${error.message}\n`;
  const f = new Formatter(locale, undefined);
  const title = error.code.startsWith('import.') ? m.importTitle : m.issueTitle;
  const lines = [error.file ? title(error.file, error.issues.length) : `attain: ${error.message}`];
  for (const issue of error.issues) {
    const { line, column, ...params } = issue.params;
    const where = line === undefined ? issue.path : `${issue.path} (${line}:${column})`;
    lines.push(`  ${error.file ? `${error.file}: ` : ''}${where}: ${renderFinding(issue.code, params, f, m)} [${issue.code}]`);
  }
  return `${lines.join('\n')}\n`;
}
