import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { forecast } from '../src/planner/forecast.js';
import { renderForecastText } from '../src/render/render-forecast.js';
import { atRiskReport } from '../src/service/forecast-report.js';
import { asOfDate, organization } from './arbitraries.js';
import { catalogWithSilverBetweenVersions } from './catalog-with-earlier-version.js';
import { dayByDayChanges } from './day-by-day-changes.js';

const catalog = catalogWithSilverBetweenVersions();
const day = (text: string) => parseDay(text) as number;
const key = (r: { competency: string; option: string; level: string }) => `${r.competency}/${r.option}/${r.level}`;

/** The reference, by level key: a level present one day and absent the next ends; absent then present starts. */
function dayByDay(document: unknown, from: number, to: number): Promise<string[]> {
  const org = parseOrganization(document);
  return dayByDayChanges((d) => evaluate(catalog, org, { asOf: d }), from, to);
}

const silverHolder = parseOrganization({
  id: 'ece',
  market: 'developed',
  people: ['a', 'b', 'c', 'd', 'e'].map((id) => ({
    id,
    exams: ['MB2-715', 'MB2-716', 'MB2-717'].map((exam) => ({ exam, passed: '2017-03-01' })),
  })),
  customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
  revenue: [{ customer: 'c', product: 'd365-customer-engagement-plan', date: '2017-08-01', amount: 120000, currency: 'USD' }],
});

describe('forecast across catalog versions that add or drop a level', () => {
  it('shows a level starting and ending with the version, caused by the version', async () => {
    const result = await forecast(catalog, silverHolder, day('2017-09-01'), day('2018-01-31'));
    const silver = result.changes.filter((c) => c.option === 'enterprise-customer-engagement' && c.level === 'silver');
    expect(silver.map((c) => [c.date, c.existence, c.status])).toEqual([
      ['2017-10-13', 'starts', 'attained'],
      ['2017-12-01', 'ends', 'not-attained'],
    ]);
    for (const change of silver) {
      expect(change.causes).toContainEqual({
        code: 'version.starts',
        params: { competency: 'cloud-business-applications', version: change.date === '2017-10-13' ? '2017-10' : '2017-12' },
      });
    }
    expect(result.start.some((s) => s.level === 'silver' && s.option === 'enterprise-customer-engagement')).toBe(false);
  });

  it('does not plan to keep a level that a catalog version drops', async () => {
    const risk = await atRiskReport(catalog, silverHolder, { from: day('2017-11-01'), to: day('2018-01-31') }, 'en');
    expect(risk.atRisk).toEqual([]);
  });

  it.each([
    ['en', 'Cloud Business Applications · Enterprise Customer Engagement option · Silver', 'not in the catalog'],
    ['zh-TW', '雲端業務應用程式 · 企業客戶業務開發選項 · 銀會員', '不在'],
    ['ko-KR', '클라우드 비즈니스 애플리케이션 · 엔터프라이즈 고객 참여 옵션 · 실버', '카탈로그 버전에 없음'],
  ] as const)('renders the level that starts after the first day, and its end, in %s', async (locale, name, absent) => {
    const text = renderForecastText(await forecast(catalog, silverHolder, day('2017-09-01'), day('2018-01-31')), catalog, locale);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(name));
    expect(at, text).toBeGreaterThan(0);
    expect(lines[at]).toContain(absent);
    expect(lines[at + 1]).toContain('2017-10');
    expect(lines[at + 2]).toContain('2017-12');
    expect(lines[at + 1]).not.toContain('undefined');
    expect(lines[at + 2]).not.toContain('undefined');
  });

  it('finds exactly what a day-by-day evaluation finds, levels starting and ending included', async () => {
    await fc.assert(
      fc.asyncProperty(organization, asOfDate, fc.integer({ min: 30, max: 400 }), async (org, start, length) => {
        const from = Math.min(day(start), day('2017-11-15'));
        const result = await forecast(catalog, parseOrganization(org), from, from + length);
        const found = result.changes.map(
          (c) => `${c.date} ${key(c)} ${c.existence}${c.existence === 'ends' ? '' : ` ${c.status}`}`,
        );
        expect(found.sort()).toEqual(await dayByDay(org, from, from + length));
      }),
      { numRuns: 25 },
    );
  });
});
