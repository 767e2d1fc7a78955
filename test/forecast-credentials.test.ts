import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { forecast } from '../src/planner/forecast.js';
import { renderForecastText } from '../src/render/render-forecast.js';
import { dayByDayChanges } from './day-by-day-changes.js';

const catalog = await loadCatalogFile(new URL('./conformance/catalogs/credentials.yaml', import.meta.url).pathname);
const day = (text: string) => parseDay(text) as number;
const key = (r: { competency: string; option: string; level: string }) => `${r.competency}/${r.option}/${r.level}`;

const CODES = ['70-533', '70-534', '70-535', 'MCSA-O365', 'PSM-I', 'DA-FOUNDATION', 'DA-SQL'];
const FIRST = day('2016-06-01');

/** Organizations whose credentials pass at random days, some with an expiry of their own. */
const organization = fc
  .array(
    fc.array(
      fc.record({
        exam: fc.constantFrom(...CODES),
        passed: fc.integer({ min: 0, max: 730 }),
        lasts: fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    { maxLength: 5 },
  )
  .map((people) => ({
    id: 'org',
    market: 'developed',
    people: people.map((passes, i) => ({
      id: `p${i}`,
      exams: passes.map((p) => ({
        exam: p.exam,
        passed: formatDay(FIRST + p.passed),
        ...(p.lasts !== undefined && { expires: formatDay(FIRST + p.passed + p.lasts) }),
      })),
    })),
    customers: [],
    revenue: [],
  }));

describe('forecast with credentials that expire and "k of the same N" roles', () => {
  it('finds exactly what a day-by-day evaluation finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        organization,
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 30, max: 500 }),
        async (doc, start, length) => {
          const org = parseOrganization(doc);
          const from = FIRST + start;
          const result = await forecast(catalog, org, from, from + length);
          const found = result.changes.map(
            (c) => `${c.date} ${key(c)} ${c.existence}${c.existence === 'ends' ? '' : ` ${c.status}`}`,
          );
          const expected = await dayByDayChanges((d) => evaluate(catalog, org, { asOf: d }), from, from + length);
          expect(found.sort()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  const holder = parseOrganization({
    id: 'cert',
    market: 'developed',
    people: [{ id: 'ada', exams: [{ exam: 'MCSA-O365', passed: '2016-01-15' }] }],
    customers: [],
    revenue: [],
  });

  it("names a certification's own expiry as the cause, apart from the registry's retirement", async () => {
    const result = await forecast(catalog, holder, day('2017-12-01'), day('2018-03-01'));
    const change = result.changes.find((c) => c.competency === 'productivity');
    expect(change?.date).toBe('2018-01-15');
    expect(change?.status).toBe('not-attained');
    expect(change?.causes).toEqual([
      {
        code: 'credential.expires',
        params: { person: 'ada', exam: 'MCSA-O365', passed: '2016-01-15', type: 'certification', expires: '2018-01-14' },
      },
    ]);
  });

  it.each([
    ['en', "ada's certification MCSA-O365 (earned Jan 15, 2016) is valid until Jan 14, 2018"],
    ['zh-TW', 'ada 的認證 MCSA-O365有效期限（2018年1月14日）已過'],
    ['ko-KR', 'ada의 인증 MCSA-O365 유효 기간이 2018. 1. 14.에 끝납니다'],
  ] as const)('says so in %s', async (locale, words) => {
    const text = renderForecastText(await forecast(catalog, holder, day('2017-12-01'), day('2018-03-01')), catalog, locale);
    expect(text).toContain(words);
  });
});
