import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../catalog/shipped-catalog.js';
import { parseDay } from '../core/day.js';
import { LOCALES } from '../core/localized.js';
import { evaluate } from '../engine/evaluate.js';
import { personNames } from '../engine/organization.js';
import { parseOrganization } from '../engine/parse-organization.js';
import { renderEvaluationText } from './render-text.js';

const catalog = await loadShippedCatalog();
const org = parseOrganization({
  id: 'r',
  name: 'Render Test',
  market: 'developing',
  people: [
    {
      id: 'a',
      name: '王小明',
      exams: [
        { exam: 'MB2-714', passed: '2017-03-01' },
        { exam: 'MB2-710', passed: '2017-03-02' },
        { exam: 'MB2-712', passed: '2017-03-03' },
      ],
    },
    { id: 'b', name: '김민준', exams: [{ exam: 'MB6-894', passed: '2017-10-01' }] },
  ],
  customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
  revenue: [{ customer: 'c', product: 'd365-plan-1', date: '2017-06-01', amount: '12345.675', currency: 'USD' }],
});
const evaluation = evaluate(catalog, org, { asOf: parseDay('2018-03-31') as number });
const names = personNames(org);
const render = (locale: (typeof LOCALES)[number]) => renderEvaluationText(evaluation, catalog, locale, names);

describe('text reports', () => {
  it('speak English, with amounts, dates and catalog names formatted', () => {
    const text = render('en');
    expect(text).toContain('as of Mar 31, 2018 · developing market');
    expect(text).toContain('Net new cloud revenue (TTM): $12,345.68 of $50,000.00 — $37,654.33 short');
    expect(text).toContain(
      'Functional and deployment consultant (1) and Customization and configuration consultant (1) need 2 different people, but only 1 qualifies for any of them (王小明). 1 more person must qualify',
    );
    expect(text).toContain('this version of the program publishes no threshold for the developing market');
    expect(text).toContain('김민준: MB6-894 passed Oct 1, 2017, before it counts for competencies (Nov 1, 2017); not counted.');
  });

  it('speak Traditional Chinese with the seeds’ own names', () => {
    const text = render('zh-TW');
    expect(text).toContain('截至 2018年3月31日 · 開發中市場');
    expect(text).toContain('雲端客戶關係管理 · 雲端 CRM 經銷商選項 · 銀級: 未達成');
    expect(text).toContain('此版本的方案未公布開發中市場的門檻，因此無法判定此級別。');
    expect(text).toContain('共需要 2 位不同人員，但只有 1 人符合其中任一角色（王小明）');
    expect(text).toContain('企業客戶業務開發選項');
    expect(text).toContain('尚差 US$37,654.33');
    expect(text).toContain('MB2-712、MB2-707 其中一項');
    expect(text).not.toMatch(/ not | of \$/);
  });

  it('speak Korean with the seeds’ own names', () => {
    const text = render('ko-KR');
    expect(text).toContain('2018. 3. 31. 기준 · 개발도상국 시장');
    expect(text).toContain('클라우드 CRM 재판매인 옵션 · 실버: 미달성');
    expect(text).toContain('개발도상국 시장의 기준 금액을 공개하지 않았으므로');
    expect(text).toContain('US$37,654.33 부족');
    expect(text).toContain('서로 다른 직원 2명이 필요하지만 어느 역할이든 자격을 갖춘 직원은 1명(王小明)뿐입니다');
  });

  it('leave no finding code unrendered in any language', () => {
    for (const locale of LOCALES) expect(render(locale)).not.toMatch(/\b(revenue|people|paths|exam)\.[a-z-]+ \{/);
  });
});

describe('ignored data in text reports', () => {
  // 12 unknown exams (three codes), 3 passed before launch, 2 revenue records on unknown products: 17 ignored items.
  const unknown = ['PL-200', 'PL-200', 'PL-200', 'PL-200', 'PL-200', 'AZ-900', 'AZ-900', 'AZ-900', 'AZ-900', 'MS-900'];
  const large = parseOrganization({
    id: 'big',
    market: 'developed',
    people: [
      ...unknown.map((exam, i) => ({ id: `u${i}`, name: `Person ${i}`, exams: [{ exam, passed: '2017-03-01' }] })),
      { id: 'x1', name: 'Extra One', exams: [{ exam: 'XX-1', passed: '2017-03-01' }] },
      { id: 'x2', name: 'Extra Two', exams: [{ exam: 'XX-2', passed: '2017-03-01' }] },
      ...[1, 2, 3].map((i) => ({ id: `b${i}`, name: `Early ${i}`, exams: [{ exam: 'MB6-894', passed: '2017-10-01' }] })),
    ],
    customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
    revenue: [
      { customer: 'c', product: 'power-bi-pro', date: '2017-06-01', amount: '1', currency: 'USD' },
      { customer: 'c', product: 'power-bi-pro', date: '2017-06-02', amount: '1', currency: 'USD' },
    ],
  });
  const result = evaluate(catalog, large, { asOf: parseDay('2018-03-31') as number });
  const text = (locale: (typeof LOCALES)[number], allIgnored = false) =>
    renderEvaluationText(result, catalog, locale, personNames(large), { allIgnored });

  it('are grouped by reason, largest first, with counts, the most frequent values and a few examples', () => {
    expect(result.warnings).toHaveLength(17);
    const lines = text('en').split('\n');
    const start = lines.indexOf('Ignored data (17):');
    expect(lines.slice(start + 1)).toEqual([
      '  Exams not in the catalog (12): PL-200 (5), AZ-900 (4), MS-900 (1), XX-1 (1), XX-2 (1)',
      '    $.people[0].exams[0]: Person 0: exam PL-200 is not in the catalog; ignored.',
      '    $.people[1].exams[0]: Person 1: exam PL-200 is not in the catalog; ignored.',
      '    $.people[2].exams[0]: Person 2: exam PL-200 is not in the catalog; ignored.',
      '    … and 9 more',
      '  Exams passed before they counted for competencies (3): MB6-894 (3)',
      '    $.people[12].exams[0]: Early 1: MB6-894 passed Oct 1, 2017, before it counts for competencies (Nov 1, 2017); not counted.',
      '    $.people[13].exams[0]: Early 2: MB6-894 passed Oct 1, 2017, before it counts for competencies (Nov 1, 2017); not counted.',
      '    $.people[14].exams[0]: Early 3: MB6-894 passed Oct 1, 2017, before it counts for competencies (Nov 1, 2017); not counted.',
      "  Revenue on products not in the catalog's product registry (2): power-bi-pro (2)",
      '    $.revenue[0].product: Product "power-bi-pro" is not in the catalog\'s product registry; its revenue is ignored.',
      '    $.revenue[1].product: Product "power-bi-pro" is not in the catalog\'s product registry; its revenue is ignored.',
      '  Every ignored item: --all-ignored, or --format json.',
      '',
    ]);
  });

  it('speak each language, and list every item on request', () => {
    expect(text('zh-TW')).toContain('  不在目錄中的測驗 (12): PL-200 (5), AZ-900 (4)');
    expect(text('zh-TW')).toContain('    …另有 9 筆');
    expect(text('ko-KR')).toContain('  카탈로그에 없는 시험 (12): PL-200 (5), AZ-900 (4)');
    expect(text('ko-KR')).toContain('    … 외 9건');
    const all = text('en', true);
    expect(all).toContain('  $.people[11].exams[0]: Extra Two: exam XX-2 is not in the catalog; ignored.');
    expect(all).not.toContain('Every ignored item');
  });
});
