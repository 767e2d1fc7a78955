/** How wide a text is in pixels at the chart's label size. */
export type Measure = (text: string) => number;

const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/**
 * A generous estimate where nothing can measure (tests without a canvas): Latin characters about 0.6 em, Chinese
 * and Korean a full em. Generous, so that an estimated axis is too wide rather than clipped.
 */
export function estimateWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? fontSize : fontSize * 0.62;
  return width;
}

let canvas: CanvasRenderingContext2D | null | undefined;

/** The text's width as the browser draws it in the page's font, or the estimate when it cannot tell. */
export function textMeasure(fontSize: number): Measure {
  if (canvas === undefined) {
    try {
      canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      canvas = null;
    }
  }
  const context = canvas;
  const family = typeof document === 'undefined' ? '' : getComputedStyle(document.documentElement).fontFamily;
  if (!context || !family) return (text) => estimateWidth(text, fontSize);
  return (text) => {
    context.font = `${fontSize}px ${family}`;
    const measured = context.measureText(text).width;
    // A canvas that draws nothing (no fonts) measures 0: estimate instead.
    return measured > 0 ? measured : estimateWidth(text, fontSize);
  };
}

/**
 * A label broken into at most `maxLines` lines no wider than `width`, between words, or between characters for a
 * word too long for a line (as Chinese text, which has no spaces, breaks). What still does not fit ends in "…".
 */
export function wrapLabel(text: string, width: number, measure: Measure, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string) => {
    const candidate = line ? `${line} ${piece}` : piece;
    if (measure(candidate) <= width) {
      line = candidate;
      return;
    }
    if (line) lines.push(line);
    line = '';
    // A piece wider than a whole line is cut between characters.
    let rest = piece;
    while (measure(rest) > width) {
      let cut = 1;
      const chars = [...rest];
      while (cut < chars.length && measure(chars.slice(0, cut + 1).join('')) <= width) cut++;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) push(word);
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]}…`;
  while (measure(last) > width && last.length > 1) last = `${[...last].slice(0, -2).join('')}…`;
  kept[maxLines - 1] = last;
  return kept;
}
