import { type CodedIssue, issue } from './message-params.js';

/**
 * The most rows one input may have: records of a list in an organization file, rows of a CSV file, records of a
 * JSON array. Ten times the largest exports seen (100,000 rows); beyond it a file is refused before its rows are read.
 */
export const MAX_ROWS = 1_000_000;

/** The one issue every reader reports for a list or file with more rows. */
export function rowsIssue(path: string): CodedIssue<'input.rows'> {
  return issue('input.rows', path, { limit: MAX_ROWS });
}
