/**
 * Metrics on the dashboard (issue 12), in real headless Chromium against `attain serve --catalog` with the
 * conformance cases' catalog of association types and metrics: each metric draws as the generic measure bar, in the
 * unit of what it counts, in every language. Screenshots go to test-output/screenshots/ with the others.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM } from '../requirements.js';
import { hasServeCommand, ROOT, type RunningServer, startServer } from './attain-server.js';
import { openChromium, signIn } from './chromium-context.js';

const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
const AS_OF = '2018-03-31';
const CHROMIUM = process.env.ATTAIN_CHROMIUM;
const skipped = !hasServeCommand()
  ? 'skipped: dist/cli/main.js has no `serve` command or dist/web is not built (npm run build; npm test does)'
  : CHROMIUM
    ? undefined
    : NEEDS_CHROMIUM;

/** An organization with the data each metric reads (kept by stores that keep it; the bars draw either way). */
const ORGANIZATION = {
  id: 'northwind-cloud',
  name: 'Northwind Cloud',
  market: 'developed',
  customers: [
    { id: 'c1', dpor: [{ from: '2017-01-01' }] },
    { id: 'c2', dpor: [], associations: [{ type: 'transacting-partner', from: '2017-08-01' }] },
  ],
  revenue: [{ customer: 'c1', product: 'o365', date: '2018-01-15', amount: 600, currency: 'USD' }],
  subscriptions: [
    { customer: 'c1', product: 'o365', seats: 40, from: '2017-06-01' },
    { customer: 'c2', product: 'o365', seats: 30, from: '2017-09-01' },
  ],
  consumption: [{ customer: 'c1', date: '2017-10-01', amount: 4000, currency: 'USD' }],
  devices: [{ product: 'surface-hub', date: '2017-05-01', units: 4 }],
};

/** Per language: each metric's name, and words its bar must say (the unit of what it counts, and the threshold). */
const BARS = {
  en: [
    ['Active entitlements', /of 100 active entitlements/],
    ['New customers (TTM)', /of 3 new customers/],
    ['Azure consumption (TTM)', /of \$10,000\.00/],
    ['Devices shipped (TTM)', /of 10 devices/],
  ],
  'zh-TW': [
    ['有效授權', /\/ 100 個有效授權/],
    ['新客戶 (TTM)', /\/ 3 位新客戶/],
    ['Azure 使用量 (TTM)', /\/ US\$10,000\.00/],
    ['裝置出貨量 (TTM)', /\/ 10 台裝置/],
  ],
  'ko-KR': [
    ['활성 사용 권한', /^활성 사용 권한 \d+ \/ 100개/],
    ['신규 고객(TTM)', /^신규 고객 \d+ \/ 3명/],
    ['Azure 사용량(TTM)', /\/ US\$10,000\.00/],
    ['장치 출하량(TTM)', /^장치 \d+ \/ 10대/],
  ],
} as const;

describe.skipIf(skipped !== undefined)(
  `metrics on the dashboard, in Chromium against attain serve --catalog${skipped ? ` — ${skipped}` : ''}`,
  () => {
    let server: RunningServer;
    let context: BrowserContext;
    let browser: Awaited<ReturnType<typeof openChromium>> | undefined;

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      server = await startServer(['--catalog', join(ROOT, 'test/conformance/catalogs/metrics.yaml')]);
      const put = await server.api(server.adminToken, 'PUT', `/api/orgs/${ORGANIZATION.id}`, ORGANIZATION);
      expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
      browser = await openChromium(CHROMIUM as string);
      context = browser.context;
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('draws every metric as a bar in the unit of what it counts, in English, Chinese and Korean', async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await signIn(page, `${server.url}/?asOf=${AS_OF}`, server.adminToken);
      for (const locale of ['en', 'zh-TW', 'ko-KR'] as const) {
        await page.goto(`${server.url}/orgs/${ORGANIZATION.id}?asOf=${AS_OF}`);
        await page.getByTestId('language').selectOption(locale);
        await page.getByTestId('overview').waitFor();
        for (const [name, words] of BARS[locale]) {
          const bar = page.getByRole('progressbar', { name, exact: true });
          await expect(bar.getAttribute('aria-valuetext')).resolves.toMatch(words);
        }
        await page.screenshot({ path: join(SCREENSHOTS, `metrics-overview-${locale}.png`), fullPage: true });
      }
      await page.close();
    }, 120_000);
  },
);
