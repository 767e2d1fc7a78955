/**
 * The dashboard in real headless Chromium against the real `attain serve`: sign in, languages, an organization, a
 * gap, a plan, a refused upload, access control, phone width, and the overview of 10,000 people rendered in under a
 * second. Screenshots of the main pages in each language go to test-output/screenshots/ (kept by CI).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAlertSignature } from '../../src/alerts/sign-alert.js';
import { startAlertReceiver } from '../alert-receiver.js';
import { NEEDS_CHROMIUM } from '../requirements.js';
import {
  exampleOrganizations,
  hasServeCommand,
  largeOrganization,
  ROOT,
  type RunningServer,
  startServer,
} from './attain-server.js';
import { openChromium, signIn as signInAt } from './chromium-context.js';

const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
const AS_OF = '2018-03-31';
const LOCALES = ['en', 'zh-TW', 'ko-KR'] as const;
const CHROMIUM = process.env.ATTAIN_CHROMIUM;
const skipped = !hasServeCommand()
  ? 'skipped: dist/cli/main.js has no `serve` command or dist/web is not built (npm run build; npm test does)'
  : CHROMIUM
    ? undefined
    : NEEDS_CHROMIUM;
const TITLE = `the dashboard in Chromium against attain serve${skipped ? ` — ${skipped}` : ''}`;

describe.skipIf(skipped !== undefined)(TITLE, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof openChromium>> | undefined;
  /** Whether the server runs the program's jobs (`attain serve` without them leaves every run queued). */
  let jobsRun = false;
  /** What the browser refused under the server's Content-Security-Policy, on every page of every test. */
  const violations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer();
    for (const { id, document } of exampleOrganizations()) {
      const put = await server.api(server.adminToken, 'PUT', `/api/orgs/${id}`, document);
      expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    }
    // The program's stored standings as of the day every page shows (writes queue evaluations as of today).
    jobsRun = await runProgram(AS_OF);
    if (!jobsRun) console.warn('the server ran no job within 20 s: the program-dependent checks only see queued runs');
    browser = await openChromium(CHROMIUM as string);
    context = browser.context;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Runs the program as of a day through the API; whether the run finished within 20 s. */
  async function runProgram(asOf: string): Promise<boolean> {
    const started = await server.api(server.adminToken, 'POST', `/api/program/runs?asOf=${asOf}`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const id = (started.body as { id: string }).id;
    for (let i = 0; i < 200; i++) {
      const run = (await server.api(server.adminToken, 'GET', `/api/program/runs/${id}`)).body as { finishedAt: string | null };
      if (run.finishedAt) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  /** A fresh page with nothing remembered (no token, no language). */
  async function freshPage(): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    // Chromium reports each refusal on the console, and as an event the page can see.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|CSP violation/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`);
    });
    // Cleared on a page of the origin that runs no dashboard code, which could write the token back.
    await page.goto(`${server.url}/api/health`);
    await page.evaluate(() => window.localStorage.clear());
    return page;
  }

  const signIn = (page: Page, token: string, path = `/?asOf=${AS_OF}`) => signInAt(page, `${server.url}${path}`, token);

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('refuses a wrong token, signs in with the admin token, and opens an organization', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/?asOf=${AS_OF}`);
    await shot(page, 'sign-in-en');
    await page.getByLabel('Access token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('This token was not accepted.');
    await page.getByLabel('Access token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Contoso Dynamics Consulting' }).click();
    await page.getByTestId('overview').waitFor();
    expect(new URL(page.url()).pathname).toBe('/orgs/contoso');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Contoso Dynamics Consulting');
    await page.close();
  });

  it('switches languages: every page in English, Chinese and Korean, with the catalog names of the seeds’ exams', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken);
    const pages = [
      ['overview', `/orgs/contoso?asOf=${AS_OF}`, 'overview'],
      ['gaps', `/orgs/contoso/gaps?asOf=${AS_OF}`, 'gaps'],
      ['plan', `/orgs/contoso/plan?asOf=${AS_OF}`, 'plan-result'],
      ['forecast', `/orgs/contoso/forecast?asOf=${AS_OF}`, 'forecast-chart'],
      ['data', `/orgs/contoso/data?asOf=${AS_OF}`, 'people-table'],
      ['history', `/orgs/contoso/history?asOf=${AS_OF}`, 'history'],
      ['admin', `/admin?asOf=${AS_OF}`, 'program-table'],
    ] as const;
    const examTitles = {
      en: 'Dynamics CRM Customer Service',
      'zh-TW': 'Dynamics CRM 客戶服務',
      'ko-KR': 'Dynamics CRM 고객 서비스',
    };
    const competency = {
      en: 'Cloud Business Applications',
      'zh-TW': '雲端業務應用程式',
      'ko-KR': '클라우드 비즈니스 애플리케이션',
    };
    for (const locale of LOCALES) {
      await page.goto(`${server.url}/orgs/contoso/data?asOf=${AS_OF}`);
      await page.getByTestId('language').selectOption(locale);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
      for (const [name, path, testId] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId(testId).waitFor();
        if (name === 'data') await expect(page.getByTestId('people-table').textContent()).resolves.toContain(examTitles[locale]);
        if (name === 'overview') {
          await expect(page.getByTestId('overview').textContent()).resolves.toContain(competency[locale]);
          // The outlook arrives after the cards: the screenshot shows it.
          await page.getByTestId('next-action').first().waitFor();
        }
        await shot(page, `${name}-${locale}`);
      }
    }
    // The choice is remembered across reloads.
    await page.reload();
    await expect(page.getByTestId('language').inputValue()).resolves.toBe('ko-KR');
    await page.close();
  }, 120_000);

  it("shows on Contoso's card that Gold lapses on 2018-04-30, and why, with the next action", async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/orgs/contoso?asOf=${AS_OF}`);
    const card = page.getByTestId('option-cloud-crm-reseller');
    const gold = card.getByTestId('level-gold');
    await expect(gold.getByTestId('next-change').textContent()).resolves.toBe(
      'Gold lapses on Apr 30, 2018: revenue of Apr 30, 2017 (Microsoft Dynamics CRM Online) leaves the trailing twelve months',
    );
    await expect(gold.getByTestId('next-action').textContent()).resolves.toBe(
      'Next action: cover the $62,520.75 shortfall in Net new cloud revenue (TTM) before Apr 30, 2018',
    );
    await expect(gold.getByTestId('headroom').textContent()).resolves.toContain('$21,729.25 above the threshold');
    await expect(card.getByTestId('all-attained').textContent()).resolves.toBe(
      'Every level of this option is attained until Apr 30, 2018, when Gold lapses.',
    );
    await page.close();
  });

  it('starts at the latest day with data, says so, and marks a pass that does not count on the data page', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, '/orgs/contoso/data');
    await expect(page.getByTestId('as-of-default').textContent()).resolves.toBe(
      'Showing Mar 15, 2018, the latest date with data: nothing in the data falls in the twelve months before today.',
    );
    await expect(page.getByTestId('as-of').inputValue()).resolves.toBe('2018-03-15');
    const emily = page.getByRole('row').filter({ hasText: 'Emily Chen' });
    await expect(emily.getByTestId('not-counted').textContent()).resolves.toBe('Not counted: the exam is not in the catalog');
    await shot(page, 'data-not-counted-en');
    await page.getByRole('tab', { name: /Revenue/ }).click();
    const tailspin = page.getByRole('row').filter({ hasText: 'May 15, 2017' });
    await expect(tailspin.getByTestId('not-counted').textContent()).resolves.toBe(
      'Not counted: Tailspin Toys did not name you its Digital Partner of Record on May 15, 2017',
    );
    await page.goto(`${server.url}/orgs/contoso/gaps`);
    await expect(page.getByTestId('ignored-list').textContent()).resolves.toContain(
      'John Smith: MB2-877 passed Nov 15, 2017, before it counts for competencies (Dec 1, 2017); not counted.',
    );
    await page.close();
  });

  it('reads a gap, in the words of the CLI', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/orgs/contoso/gaps?asOf=${AS_OF}`);
    const gaps = page.getByTestId('gap-list').first();
    await expect(gaps.textContent()).resolves.toContain(
      'Technical consultant (deployment, customization and configuration): 15 seats, but only 5 qualified people',
    );
    await expect(gaps.textContent()).resolves.toContain('10 more people must pass all of MB2-715, MB2-716.');
    await expect(page.getByText('empty').count()).resolves.toBeGreaterThan(10);
    await page.close();
  });

  it('makes a plan, and a what-if without one person changes it', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/orgs/contoso/plan?asOf=${AS_OF}`);
    await page.getByLabel('Target level').selectOption('cloud-business-applications/enterprise-customer-engagement/gold');
    await page.getByRole('button', { name: 'Make plan' }).click();
    await expect(page.getByTestId('plan-cost').textContent()).resolves.toBe('8 new people, 29 exams');
    await page.getByRole('button', { name: 'Exclude 王小明' }).click();
    await page.getByTestId('plan-compare').waitFor();
    await expect(page.getByTestId('plan-cost').textContent()).resolves.toBe('9 new people, 32 exams');
    await shot(page, 'plan-what-if-en');
    await page.close();
  });

  it('a practice lead’s week (issue 15): the blocker first, hires grouped, names whole, in every language and at phone width', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/?asOf=${AS_OF}`);
    const words = {
      en: {
        blocker: 'What stops this level, and no exam can fix:',
        hires: '8 new people, each',
        group: 'As of',
        date: ['Mar', '31', '2018'],
      },
      'zh-TW': {
        blocker: '阻礙此級別、且無法以測驗解決的條件：',
        hires: '新進人員 8 人，每人',
        group: '評估日期',
        date: ['2018年', '3月', '31日'],
      },
      'ko-KR': {
        blocker: '이 등급을 가로막고 있으며 시험으로는 해결할 수 없는 요건:',
        hires: '신규 인원 8명, 각자',
        group: '기준일',
        date: ['2018년', '3월', '31일'],
      },
    } as const;
    const make = ['Make plan', '產生計畫', '계획 만들기'];
    for (const locale of LOCALES) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/?asOf=${AS_OF}`);
      await page.getByTestId('language').selectOption(locale);
      // The organizations list names who holds what, from the stored standings.
      if (jobsRun) await expect(page.getByTestId('org-held').first().textContent()).resolves.toMatch(/2018/);
      await shot(page, `org-list-${locale}`);
      // The as-of date speaks the page's language, in its order.
      const group = page.getByRole('group', { name: words[locale].group });
      const chosen = await group
        .locator('select')
        .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''));
      expect(chosen).toEqual(words[locale].date);

      await page.goto(`${server.url}/orgs/contoso/plan?asOf=${AS_OF}`);
      await page.getByTestId('plan-target').selectOption('cloud-business-applications/enterprise-customer-engagement/gold');
      await page.getByRole('button', { name: new RegExp(make.join('|')) }).click();
      const blocker = page.getByTestId('plan-blocker');
      await blocker.waitFor();
      await expect(blocker.locator('caption').textContent()).resolves.toBe(words[locale].blocker);
      const above = await page.evaluate(() => {
        const top = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect().top ?? 0;
        return top('plan-blocker') < top('plan-cost');
      });
      expect(above).toBe(true);
      await expect(page.getByTestId('plan-new-hires').locator('th').textContent()).resolves.toBe(words[locale].hires);
      await expect(page.getByRole('rowheader', { name: /new-\d/ }).count()).resolves.toBe(0);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        // A name without spaces sits on one line, in its row header and in its Exclude button.
        const broken = await page.evaluate(() => {
          const found: string[] = [];
          for (const element of document.querySelectorAll('.plan-who, .exclude-button')) {
            const node = element.firstChild;
            if (!node || node.nodeType !== Node.TEXT_NODE) continue;
            const text = node.textContent ?? '';
            for (const name of ['박지우', '김민준', '李美玲', '王小明']) {
              const at = text.indexOf(name);
              if (at < 0) continue;
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + name.length);
              const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (tops.size > 1) found.push(`${name} in "${text}"`);
            }
          }
          return found;
        });
        expect(broken, `${locale} at ${width} px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${locale} at ${width} px`).toBeLessThanOrEqual(0);
        await shot(page, width === 390 ? `plan-${locale}-phone` : `plan-${locale}`);
      }

      // The forecast's level labels lie wholly inside the chart.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/orgs/contoso/forecast?asOf=${AS_OF}`);
      await page.getByTestId('forecast-chart').locator('.level-tick').first().waitFor();
      const clipped = await page.evaluate(() => {
        const chart = document.querySelector('[data-testid="forecast-chart"] svg') as SVGSVGElement;
        const left = chart.getBoundingClientRect().left;
        return [...chart.querySelectorAll('.level-tick tspan')]
          .filter((t) => t.getBoundingClientRect().left < left - 0.5)
          .map((t) => t.textContent);
      });
      expect(clipped, locale).toEqual([]);
      await shot(page, `forecast-${locale}`);
    }
    await page.close();
  }, 120_000);

  it('refuses a CSV with bad rows by cause, leaves them out on request, and confirms what it saved in place', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/orgs/contoso/data?asOf=${AS_OF}`);
    // Revenue of 2016: outside every trailing twelve months the other tests look at, so no standing changes.
    const good = Array.from({ length: 30 }, (_, i) => `northwind,crm-online,2016-0${1 + (i % 9)}-1${i % 10},${100 + i},USD`);
    const bad = [
      'northwind,Office 365,2016-01-31,10,USD',
      'northwind,Office 365,2016-02-29,10,USD',
      'northwind,crm-online,2016-02-30,500,USD',
    ];
    await page.getByTestId('import-file').setInputFiles({
      name: 'revenue.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `customer_id,product,date,amount,currency\n${[...good.slice(0, 10), ...bad, ...good.slice(10)].join('\n')}\n`,
      ),
    });
    // The chosen file's name is drawn after the change event: waited for, not read at once.
    await page
      .getByTestId('import-file-name')
      .filter({ hasText: /^revenue\.csv$/ })
      .waitFor({ timeout: 10_000 });
    await page.getByLabel('Kind').selectOption('revenue');
    await page.getByRole('button', { name: 'Preview changes' }).click();
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    await expect(refused.getByRole('heading').textContent()).resolves.toBe('Refused: 3 problems, nothing was saved');
    await expect(refused.getByTestId('import-causes').locator('li').allTextContents()).resolves.toEqual([
      `product "Office 365" is not in the catalog's product registry [import.product.unknown] 2 rows — lines 12, 13`,
      '"2016-02-30" is not a date (YYYY-MM-DD, a real calendar day) [import.date.invalid] 1 row — line 14',
    ]);
    await shot(page, 'import-refused-en');
    await refused.getByText('Show every problem listed (3), in file order').click();
    await refused.getByTestId('bad-rows').waitFor();
    const cells = await refused.getByTestId('bad-rows').locator('tbody tr').last().locator('td').allTextContents();
    expect(cells).toEqual(['14', 'date', '"2016-02-30" is not a date (YYYY-MM-DD, a real calendar day) [import.date.invalid]']);
    // Nothing was saved: still 8 revenue records.
    await expect(page.getByRole('tab', { name: /Revenue/ }).textContent()).resolves.toBe('Revenue (8)');

    await refused.getByRole('button', { name: 'Preview without the 3 bad rows' }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await expect(preview.getByTestId('import-left-out').getByRole('heading').textContent()).resolves.toBe(
      '3 rows with problems will be left out',
    );
    await preview.getByRole('button', { name: 'Apply changes' }).click();
    const confirmation = page.getByTestId('import-confirmation');
    await confirmation.waitFor();
    await expect(confirmation.textContent()).resolves.toBe('Saved: 30 records added, 0 updated.');
    await page.waitForFunction(() => document.querySelector('#tab-revenue')?.textContent === 'Revenue (38)');
    // The confirmation is still there after the data reloaded, in view: the page did not jump to the top.
    await expect(confirmation.isVisible()).resolves.toBe(true);
    const box = await confirmation.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y < viewport.height).toBe(true);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-applied-en.png') });

    // The file control in the dashboard's language, and a refusal in words of each.
    for (const [locale, choose] of [
      ['zh-TW', '選擇檔案…'],
      ['ko-KR', '파일 선택…'],
    ] as const) {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/orgs/contoso/data?asOf=${AS_OF}`);
      const panel = page.getByTestId('import');
      await expect(panel.locator('label.file-button').textContent()).resolves.toBe(choose);
      await page.getByTestId('import-file').setInputFiles({
        name: 'revenue.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`customer_id,product,date,amount,currency\n${bad.join('\n')}\n`),
      });
      await panel.locator('button[type=submit]').click();
      await page.getByTestId('import-refused').waitFor();
      await shot(page, `import-refused-${locale}`);
    }
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('the operator page: counts, who is at risk, filters on the server, a table that fits 1280 px, and Run now', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/admin?asOf=${AS_OF}`);
    const table = page.getByTestId('program-table');
    await table.waitFor();
    if (jobsRun)
      await expect(page.getByTestId('at-risk').textContent()).resolves.toContain(
        'Contoso Dynamics Consulting: loses Cloud CRM reseller option · Gold on Apr 30, 2018',
      );
    else await expect(table.textContent()).resolves.toContain('not evaluated yet');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'admin-operator-en');
    await page.getByLabel('Market').selectOption('developing');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toBe('attain-program.csv');
    if (jobsRun) {
      await page.getByRole('button', { name: 'Run now' }).click();
      await expect
        .poll(() => page.getByTestId('run-control').textContent(), { timeout: 60_000 })
        .toContain('Run finished: 2 organizations evaluated, 0 failed');
    } else {
      // The run queued before is followed, and another cannot be started while it waits.
      await expect.poll(() => page.getByTestId('run-control').textContent()).toContain('Run queued…');
      await expect(page.getByRole('button', { name: 'Run now' }).isDisabled()).resolves.toBe(true);
    }
    await shot(page, 'admin-run-finished-en');
    await page.close();
  }, 120_000);

  it('computes the impact of a draft catalog and lists who would lose what', async () => {
    const page = await freshPage();
    await signIn(page, server.adminToken, `/program/impact?asOf=${AS_OF}`);
    const raw = JSON.parse(readFileSync(join(ROOT, 'dist/catalogs/mpn-2017.json'), 'utf8'));
    for (const version of raw.competencies.find((c: { id: string }) => c.id === 'cloud-crm').versions)
      for (const option of version.options) option.levels = option.levels.filter((l: { id: string }) => l.id !== 'gold');
    await page.getByTestId('draft-file').setInputFiles({
      name: 'draft.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(raw)),
    });
    await page.getByRole('button', { name: 'Compute impact' }).click();
    if (!jobsRun) {
      await expect.poll(() => page.getByTestId('impact-progress').textContent()).toContain('Run queued…');
      await shot(page, 'impact-queued-en');
      return;
    }
    const summary = page.getByTestId('impact-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.textContent()).resolves.toBe('2 organizations affected: 0 levels gained, 1 lost, 1 other change');
    await shot(page, 'impact-en');
    await page.close();
  }, 120_000);

  it('refuses a partner’s upload of someone another organization lists (MCID), without naming it, in each language', async () => {
    const holder = { id: 'mcid-holder', market: 'developed', people: [{ id: 'h1', mcid: 'MC-777', exams: [] }] };
    const put = await server.api(server.adminToken, 'PUT', '/api/orgs/mcid-holder', holder);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const page = await freshPage();
    await signIn(page, await server.partnerToken('contoso'));
    for (const [locale, words] of [
      ['en', 'the MCID "MC-777" of person "p1" is already in another organization'],
      ['zh-TW', '人員「p1」的 MCID「MC-777」已在另一個組織中'],
      ['ko-KR', '직원 "p1"의 MCID "MC-777"은 이미 다른 조직에 있습니다'],
    ] as const) {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/orgs/contoso/data?asOf=${AS_OF}`);
      await page.getByTestId('import-file').setInputFiles({
        name: 'exams.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('person_id,name,exam,passed,mcid\np1,,,,MC-777\n'),
      });
      await page.getByTestId('import').locator('button[type=submit]').click();
      const refusal = page.getByTestId('import-refused');
      await refusal.waitFor();
      const text = (await refusal.textContent()) ?? '';
      expect(text).toContain(words);
      expect(text).not.toContain('mcid-holder');
      await shot(page, `import-mcid-taken-${locale}`);
    }
    await page.getByTestId('language').selectOption('en');
    await server.api(server.adminToken, 'DELETE', '/api/orgs/mcid-holder');
    await page.close();
  });

  it('a partner subscribes a webhook, keeps the secret shown once, and reads the send log, in each language', async () => {
    const receiver = await startAlertReceiver();
    const token = await server.partnerToken('contoso');
    const page = await freshPage();
    await signIn(page, token);
    const words = {
      en: {
        refused: 'plain http only reaches the hosts the operator lists',
        delivered: 'Delivered',
        secret: 'shown only this once',
      },
      'zh-TW': {
        refused: '只有營運者在 ATTAIN_ALERT_HTTP_HOSTS 中列出的主機可使用 http',
        delivered: '已送達',
        secret: '只會顯示這一次',
      },
      'ko-KR': { refused: 'https를 사용하세요', delivered: '전달됨', secret: '이번 한 번만 표시됩니다' },
    } as const;
    // The English receiver fails once: the log shows the retry.
    receiver.answer('/hook-en', 503);
    try {
      for (const locale of LOCALES) {
        await page.getByTestId('language').selectOption(locale);
        await page.goto(`${server.url}/orgs/contoso/alerts?asOf=${AS_OF}`);
        const form = page.getByTestId('alert-form');
        await form.waitFor();
        const url = form.locator('input[type=url]');
        // An internal address over plain http is refused, in the page's language.
        await url.fill('http://10.0.0.8/hook');
        await form.locator('button[type=submit]').click();
        await expect(page.getByTestId('alert-problem').textContent()).resolves.toContain(words[locale].refused);
        await url.fill(`${receiver.url}/hook-${locale}`);
        await form.locator('input[type=number]').fill('45');
        await form.locator('button[type=submit]').click();
        const notice = page.getByTestId('alert-secret');
        await notice.waitFor();
        await expect(notice.textContent()).resolves.toContain(words[locale].secret);
        const secret = (await notice.locator('code').textContent()) ?? '';
        expect(secret).toMatch(/^whsec_/);
        await shot(page, `alerts-secret-${locale}`);
        if (!jobsRun) continue;
        // Contoso's Gold is lost on 2018-04-30, within 45 days of the stored standing: sent at once, signed.
        let received = receiver.received.filter(
          (r) => r.path === `/hook-${locale}` && r.headers['x-attain-event'] === 'level.at-risk',
        );
        for (let i = 0; i < 150 && received.length < (locale === 'en' ? 2 : 1); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          received = receiver.received.filter((r) => r.path === `/hook-${locale}`);
        }
        const last = received.at(-1);
        expect(last, `the ${locale} receiver got nothing`).toBeDefined();
        expect(verifyAlertSignature(secret, String(last?.headers['x-attain-signature']), String(last?.body))).toBe(true);
        expect(JSON.parse(String(last?.body))).toMatchObject({
          type: 'level.at-risk',
          org: 'contoso',
          level: 'gold',
          date: '2018-04-30',
        });
        // The log says so once the page is read again.
        const log = page.getByTestId('alert-log');
        for (let i = 0; i < 50; i++) {
          await page.reload();
          await log.waitFor();
          if (((await log.locator('tbody tr').first().textContent()) ?? '').includes(words[locale].delivered)) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await expect(log.locator('tbody tr').first().textContent()).resolves.toContain(words[locale].delivered);
        await shot(page, `alerts-${locale}`);
      }
      if (jobsRun) {
        // Sent once each; the English one twice, the first refused by the receiver, with the same delivery id.
        const en = receiver.received.filter((r) => r.path === '/hook-en');
        expect(en).toHaveLength(2);
        expect(en[1]?.headers['x-attain-delivery']).toBe(en[0]?.headers['x-attain-delivery']);
        expect(receiver.received.filter((r) => r.path === '/hook-ko-KR')).toHaveLength(1);
      }
      // At phone width the form stacks and the tables scroll within themselves, not the page.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByTestId('alert-log').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(page, 'alerts-ko-KR-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      // The operator subscribes for every organization on its own page, and reads every organization's log there.
      const admin = await freshPage();
      await signIn(admin, server.adminToken, `/admin?asOf=${AS_OF}`);
      await admin.getByTestId('operator-alerts-link').click();
      const form = admin.getByTestId('alert-form');
      await form.locator('input[type=url]').fill(`${receiver.url}/every`);
      await form.locator('input[type=number]').fill('45');
      await form.locator('button[type=submit]').click();
      await admin.getByTestId('alert-secret').waitFor();
      await admin.getByTestId('alert-subscriptions').getByText('Every organization').waitFor();
      if (jobsRun) {
        for (let i = 0; i < 150 && !receiver.received.some((r) => r.path === '/every'); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(receiver.received.some((r) => r.path === '/every')).toBe(true);
      }
      const operatorWords = { en: 'Organization', 'zh-TW': '組織', 'ko-KR': '조직' } as const;
      for (const locale of LOCALES) {
        await admin.getByTestId('language').selectOption(locale);
        await admin.goto(`${server.url}/program/alerts?asOf=${AS_OF}`);
        const log = admin.getByTestId('alert-log');
        await log.waitFor();
        await expect(log.locator('thead').textContent()).resolves.toContain(operatorWords[locale]);
        await shot(admin, `alerts-operator-${locale}`);
      }
      await admin.getByTestId('language').selectOption('en');
      await admin.close();
      // A partner never sees the operator's subscription for every organization, nor what it was sent.
      const own = (await server.api(token, 'GET', '/api/alerts')).body as { subscriptions: { org: string | null }[] };
      expect(own.subscriptions.every((s) => s.org === 'contoso')).toBe(true);
      const sent = (await server.api(token, 'GET', '/api/alerts/deliveries?limit=200')).body as {
        deliveries: { subscription: string }[];
      };
      const ownIds = new Set(own.subscriptions.map((s) => (s as unknown as { id: string }).id));
      expect(sent.deliveries.every((d) => ownIds.has(d.subscription))).toBe(true);
      // Another partner sees none of it.
      const other = await server.partnerToken('fabrikam');
      expect(((await server.api(other, 'GET', '/api/alerts')).body as { subscriptions: unknown[] }).subscriptions).toEqual([]);
      expect(((await server.api(other, 'GET', '/api/alerts/deliveries')).body as { deliveries: unknown[] }).deliveries).toEqual(
        [],
      );
    } finally {
      await page.getByTestId('language').selectOption('en');
      await page.close();
      await receiver.close();
    }
  }, 120_000);

  it("does not let a partner token reach another organization's page", async () => {
    const token = await server.partnerToken('contoso');
    expect((await server.api(token, 'GET', '/api/orgs/fabrikam')).status).toBe(404);
    expect((await server.api(token, 'GET', '/api/orgs/fabrikam/evaluation')).status).toBe(404);
    const page = await freshPage();
    await signIn(page, token);
    // A partner lands on its own organization.
    await page.getByTestId('overview').waitFor();
    expect(new URL(page.url()).pathname).toBe('/orgs/contoso');
    await page.goto(`${server.url}/orgs/fabrikam?asOf=${AS_OF}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await expect(page.getByText('Fabrikam').count()).resolves.toBe(0);
    await page.goto(`${server.url}/admin?asOf=${AS_OF}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await page.close();
  });

  it('works at phone width and from the keyboard', async () => {
    const page = await freshPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, server.adminToken, `/orgs/contoso?asOf=${AS_OF}`);
    await page.getByTestId('overview').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'overview-en-phone');
    await page.goto(`${server.url}/orgs/contoso/forecast?asOf=${AS_OF}`);
    await page.getByTestId('forecast-chart').waitFor();
    await shot(page, 'forecast-en-phone');
    // The first Tab reaches the skip link, which moves focus to the page's content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });

  it('renders the overview of a 10,000-person organization in under a second after the data arrives', async () => {
    const put = await server.api(server.adminToken, 'PUT', '/api/orgs/large', largeOrganization('large', 10_000));
    expect(put.status, JSON.stringify(put.body).slice(0, 500)).toBeLessThan(300);
    const page = await freshPage();
    // Signed in on a light page, so that no other report is being computed when the overview is asked for.
    await signIn(page, server.adminToken, `/?asOf=${AS_OF}`);
    await page.getByTestId('org-list').waitFor();
    const started = Date.now();
    await page.goto(`${server.url}/orgs/large?asOf=${AS_OF}`);
    await page.getByTestId('overview').waitFor();
    await page.waitForFunction(() => window.__attainRenderMs?.overview !== undefined);
    const renderMs = await page.evaluate(() => window.__attainRenderMs?.overview ?? Number.NaN);
    const totalMs = Date.now() - started;
    // Where the rest of the time goes: each API response's time in the browser.
    const fetches = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/'))
        .map((e) => `${new URL(e.name).pathname} ${Math.round(e.duration)} ms`),
    );
    console.log(
      `overview of 10,000 people: rendered ${renderMs.toFixed(1)} ms after the data arrived; ${totalMs} ms from navigation (${fetches.join(', ')})`,
    );
    await expect(page.getByTestId('overview').textContent()).resolves.toContain('10,000 people');
    expect(renderMs).toBeLessThan(1000);
    await shot(page, 'overview-10000-people-en');
    await page.close();
  }, 120_000);

  it('pages a large organization’s data on the server, filtered and sorted, never downloading it whole, in each language', async () => {
    if ((await server.api(server.adminToken, 'GET', '/api/orgs/large/data-dates')).status !== 200) {
      const put = await server.api(server.adminToken, 'PUT', '/api/orgs/large', largeOrganization('large', 10_000));
      expect(put.status, JSON.stringify(put.body).slice(0, 500)).toBeLessThan(300);
    }
    const page = await freshPage();
    await signIn(page, server.adminToken, `/?asOf=${AS_OF}`);
    const pagerSays = async (text: string) => {
      const read = () => page.evaluate(() => document.querySelector('[role=tabpanel] nav')?.textContent ?? '');
      await page
        .waitForFunction((t) => document.querySelector('[role=tabpanel] nav')?.textContent?.includes(t), text, {
          timeout: 15_000,
        })
        .catch(async () => {
          await shot(page, 'data-paged-failed');
          throw new Error(`the pager says "${await read()}", not "${text}"`);
        });
    };
    for (const [locale, words] of [
      [
        'en',
        {
          first: '1–25 of 10,000',
          second: '26–50 of 10,000',
          one: '1–1 of 1',
          next: 'Next',
          sort: 'Sort by',
          filter: 'Filter',
          only: /Only what does not count/,
        },
      ],
      [
        'zh-TW',
        {
          first: '第 1–25 筆，共 10,000 筆',
          second: '第 26–50 筆',
          one: '第 1–1 筆，共 1 筆',
          next: '下一頁',
          sort: '排序依據',
          filter: '篩選',
          only: /只顯示不計入的資料/,
        },
      ],
      [
        'ko-KR',
        {
          first: '10,000개 중 1–25',
          second: '10,000개 중 26–50',
          one: '1개 중 1–1',
          next: '다음',
          sort: '정렬 기준',
          filter: '필터',
          only: /인정되지 않는 것만/,
        },
      ],
    ] as const) {
      await page.getByTestId('language').selectOption(locale);
      await page.goto(`${server.url}/orgs/large/data?asOf=${AS_OF}`);
      await page.getByTestId('people-table').waitFor();
      await pagerSays(words.first);
      await page.getByRole('button', { name: words.next }).click();
      await pagerSays(words.second);
      // The most exams first, on the first page again; then only the passes that do not count (MB2-877 before its launch).
      await page.getByLabel(words.sort).selectOption('exams');
      await page.getByRole('tabpanel').getByRole('checkbox').first().check();
      await pagerSays(words.first);
      await page.getByLabel(words.only).check();
      await pagerSays('6,667');
      await page.waitForFunction(() => document.querySelector('.table-scroll[aria-busy=false]') !== null);
      await expect(page.locator('[data-testid=people-table] tbody tr').count()).resolves.toBe(25);
      await expect(page.locator('[data-testid=people-table] [data-testid=not-counted]').count()).resolves.toBe(25);
      // The top of the page, where the tabs, filter and pager are: the full page is 25 people tall.
      await page.screenshot({
        path: join(SCREENSHOTS, `data-paged-${locale}.png`),
        clip: { x: 0, y: 0, width: 1280, height: 900 },
      });
      await page.getByLabel(words.only).uncheck();
      await page.getByLabel(words.filter, { exact: true }).fill('Person 9999');
      await pagerSays(words.one);
    }
    // What the data page asked for: pages, never the organization file.
    const asked = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/orgs/large'))
        .map((e) => ({ path: new URL(e.name).pathname, bytes: (e as PerformanceResourceTiming).transferSize })),
    );
    expect(asked.filter((a) => a.path === '/api/orgs/large')).toEqual([]);
    const bytes = asked.filter((a) => /\/(people|customers|revenue)$/.test(a.path)).reduce((n, a) => n + a.bytes, 0);
    console.log(
      `data page of a 10,000-person organization, its last visit (ko-KR): ${asked.length} requests, ${bytes} bytes of pages`,
    );
    await page.getByTestId('language').selectOption('en');
    await page.close();
  }, 180_000);

  it('shows the operator the people two organizations claim, with each organization, in each language', async () => {
    const write = (id: string, people: unknown[]) =>
      server.api(server.adminToken, 'PUT', `/api/orgs/${id}`, {
        id,
        name: `${id} Ltd`,
        market: 'developed',
        people,
        customers: [],
        revenue: [],
      });
    expect(
      (await write('claim-north', [{ id: 'n1', name: 'Ana Silva', mcid: 'MC-4242', email: 'Ana@Example.com', exams: [] }]))
        .status,
    ).toBe(200);
    expect((await write('claim-south', [{ id: 's7', name: 'Ana S.', email: 'ana@example.com', exams: [] }])).status).toBe(200);
    expect((await write('claim-east', [{ id: 'e3', mcid: 'MC-4242', exams: [] }])).status).toBe(409);
    const page = await freshPage();
    await signIn(page, server.adminToken, `/admin?asOf=${AS_OF}`);
    for (const [locale, words] of [
      ['en', ['People claimed by two organizations', 'MCID MC-4242', 'refused on', 'email ana@example.com', 'claim-south Ltd']],
      ['zh-TW', ['被兩個組織列出的人員', 'MCID MC-4242', '被拒絕', '電子郵件 ana@example.com', '未儲存']],
      ['ko-KR', ['두 조직에 올라 있는 직원', 'MCID MC-4242', '거절됨', '이메일 ana@example.com', '저장되지 않음']],
    ] as const) {
      await page.getByTestId('language').selectOption(locale);
      const panel = page.getByTestId('claimed-twice');
      await panel.getByRole('table').waitFor();
      const text = (await panel.textContent()) ?? '';
      for (const word of words) expect(text).toContain(word);
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(SCREENSHOTS, `claimed-twice-${locale}.png`) });
    }
    await page.getByTestId('language').selectOption('en');
    await page.close();
    // A partner is never told: the route is the operator's.
    expect((await server.api(await server.partnerToken('contoso'), 'GET', '/api/people/claimed-twice')).status).toBe(403);
    for (const id of ['claim-north', 'claim-south']) await server.api(server.adminToken, 'DELETE', `/api/orgs/${id}`);
  });

  it('runs every page above under the Content-Security-Policy without one refusal', async () => {
    const response = await fetch(`${server.url}/orgs/contoso`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // The API reference, whose one inline style the policy allows by its hash.
    const page = await freshPage();
    await page.goto(`${server.url}/api/docs`);
    await expect(page.evaluate(() => getComputedStyle(document.body).marginTop)).resolves.toBe('32px');
    await page.close();
    expect(violations).toEqual([]);
  });
});
