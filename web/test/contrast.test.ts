import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './paths.js';

const css = readFileSync(join(ROOT, 'web/src/styles.css'), 'utf8');
const vars = Object.fromEntries(
  [...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] as string, m[2] as string]),
);
const color = (name: string) => (name.startsWith('#') ? name : (vars[name] ?? 'missing'));

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('colour contrast of the dashboard', () => {
  // Every text colour on every background it is used on (WCAG AA: 4.5:1 for normal text).
  const pairs: [string, string, string][] = [
    ['body text', 'fg', 'bg'],
    ['text on cards', 'fg', 'card'],
    ['secondary text', 'muted', 'card'],
    ['secondary text on the page', 'muted', 'bg'],
    ['secondary text in a filled seat', 'muted', 'ok-bg'],
    ['links', 'accent', 'card'],
    ['links on the page', 'accent', 'bg'],
    ['attained badge', 'ok', 'ok-bg'],
    ['not attained badge', 'bad', 'bad-bg'],
    ['undetermined badge', 'unknown', 'unknown-bg'],
    ['empty seat', 'bad', 'card'],
    ['error notice', 'fg', 'bad-bg'],
    ['primary button', '#ffffff', 'accent'],
    ['top bar', '#ffffff', '#24292f'],
    ['top bar, signed in as', '#d0d7de', '#24292f'],
  ];
  it.each(pairs)('%s has at least 4.5:1', (_, fg, bg) => {
    expect(contrast(color(fg), color(bg))).toBeGreaterThanOrEqual(4.5);
  });
});
