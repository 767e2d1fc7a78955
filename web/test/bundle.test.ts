import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './paths.js';

const DIST = join(ROOT, 'dist/web');
const LIMIT = 300 * 1024;

/** The files the browser loads before the first page shows: index.html's scripts, module preloads and styles. */
export function initialAssets(html: string): string[] {
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
}

const built = existsSync(join(DIST, 'index.html'));
const TITLE = `the built dashboard${built ? '' : ' — skipped: dist/web is not built (npm run build; npm test does)'}`;

describe.skipIf(!built)(TITLE, () => {
  const html = built ? readFileSync(join(DIST, 'index.html'), 'utf8') : '';
  const assets = initialAssets(html);

  it(`loads under ${LIMIT / 1024} KB gzipped before the first page`, () => {
    const sizes = assets.map((asset) => [asset, gzipSync(readFileSync(join(DIST, asset)), { level: 9 }).length] as const);
    const total = sizes.reduce((n, [, size]) => n + size, 0) + gzipSync(html).length;
    console.log(
      `initial bundle: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map(([a, s]) => `${a} ${(s / 1024).toFixed(1)} KB`).join(', ')})`,
    );
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(total).toBeLessThan(LIMIT);
  });

  it('leaves recharts out of the first load: it comes with the forecast page', () => {
    for (const asset of assets.filter((a) => a.endsWith('.js')))
      expect(readFileSync(join(DIST, asset), 'utf8'), asset).not.toMatch(/recharts-(bar|cartesian)|\bCartesianGrid\b/);
  });
});
