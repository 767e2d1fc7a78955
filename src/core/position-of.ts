/**
 * The line and column (1-based; columns in UTF-16 code units, as editors count) of one offset in a text, counting
 * the lines before it: for the one place where a whole input is refused.
 */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
