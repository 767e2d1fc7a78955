/**
 * The key an exam code is matched by: upper case, with spaces, hyphens, dots and underscores removed,
 * so that "mb2 714", "MB2-714" and "mb2714" are one exam.
 */
export function examKey(code: string): string {
  return code.toUpperCase().replace(/[\s\-_.]+/g, '');
}
