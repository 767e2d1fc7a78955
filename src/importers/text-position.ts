/** Where something starts in a text, 1-based; columns count UTF-16 code units, as editors do. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** The position of an offset, given where the text's lines start (ascending, the first 0). */
export function positionAmong(lineStarts: readonly number[], offset: number): TextPosition {
  // The last line start at or before the offset.
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}
