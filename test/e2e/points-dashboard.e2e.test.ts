/**
 * A points-based designation in real headless Chromium against `attain serve --catalog catalogs/data-ai-2022.yaml`:
 * the level card and the gaps page draw the score and each metric's points through the generic shapes, and the plan
 * page its cheapest moves, in every language. Screenshots go to test-output/screenshots/points-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { NEEDS_CHROMIUM } from '../requirements.js';
import { hasServeCommand, ROOT, type RunningServer, startServer } from './attain-server.js';
import { openChromium, signIn } from './chromium-context.js';

const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
// After the designation lapsed (its retired certifications' grace ended): the level card draws the score it needs.
const AS_OF = '2023-04-15';
const CHROMIUM = process.env.ATTAIN_CHROMIUM;
const skipped = !hasServeCommand()
  ? 'skipped: dist/cli/main.js has no `serve` command or dist/web is not built (npm run build; npm test does)'
  : CHROMIUM
    ? undefined
    : NEEDS_CHROMIUM;
const TITLE = `a points designation in the dashboard, in Chromium against attain serve${skipped ? ` — ${skipped}` : ''}`;

/** What each language calls the score and its metrics (the catalog's names) and the gaps page's heading. */
const WORDS = {
  en: {
    score: 'Partner capability score',
    metrics: ['Skilling', 'Customer success: deployments'],
    heading: 'Points per metric',
    moves: 'Points to gain',
  },
  'zh-TW': {
    score: '合作夥伴能力分數',
    metrics: ['技能培養', '客戶成功：部署'],
    heading: '各項指標的分數',
    moves: '尚需取得的分數',
  },
  'ko-KR': {
    score: '파트너 역량 점수',
    metrics: ['기술 역량', '고객 성공: 배포'],
    heading: '지표별 점수',
    moves: '더 얻어야 할 점수',
  },
} as const;

describe.skipIf(skipped !== undefined)(TITLE, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof openChromium>> | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(['--catalog', join(ROOT, 'catalogs/data-ai-2022.yaml'), '--no-jobs']);
    const document = parseYaml(readFileSync(join(ROOT, 'examples/data-ai-partner.yaml'), 'utf8'));
    const put = await server.api(server.adminToken, 'PUT', '/api/orgs/northwind-data', document);
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    browser = await openChromium(CHROMIUM as string);
    context = browser.context;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the score and each metric as bars on the level card and the gaps page, and the moves on the plan page, in three languages', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await signIn(page, `${server.url}/?asOf=${AS_OF}`, server.adminToken);
    for (const locale of ['en', 'zh-TW', 'ko-KR'] as const) {
      await page.goto(`${server.url}/orgs/northwind-data?asOf=${AS_OF}`);
      await page.getByTestId('language').selectOption(locale);
      await page.getByTestId('overview').waitFor();
      const overview = (await page.getByTestId('overview').textContent()) ?? '';
      expect(overview).toContain(WORDS[locale].score);
      for (const metric of WORDS[locale].metrics) expect(overview).toContain(metric);
      await page.screenshot({ path: join(SCREENSHOTS, `points-overview-${locale}.png`), fullPage: true });
      await page.goto(`${server.url}/orgs/northwind-data/gaps?asOf=${AS_OF}`);
      await page.getByTestId('gaps').waitFor();
      const gaps = (await page.getByTestId('gaps').textContent()) ?? '';
      expect(gaps).toContain(WORDS[locale].heading);
      for (const metric of WORDS[locale].metrics) expect(gaps).toContain(metric);
      await page.screenshot({ path: join(SCREENSHOTS, `points-gaps-${locale}.png`), fullPage: true });
      await page.goto(`${server.url}/orgs/northwind-data/plan?asOf=${AS_OF}`);
      await page.getByTestId('plan-points').waitFor();
      expect(await page.getByTestId('plan-points').textContent()).toContain(WORDS[locale].moves);
      await page.screenshot({ path: join(SCREENSHOTS, `points-plan-${locale}.png`), fullPage: true });
    }
    await page.close();
  }, 120_000);
});
