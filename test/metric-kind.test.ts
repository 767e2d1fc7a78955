import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findLevel } from '../src/catalog/find-level.js';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { validateCatalog } from '../src/catalog/validate-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { planLevel } from '../src/planner/plan-level.js';
import { Formatter } from '../src/render/formatter.js';
import { describeAction } from '../src/render/render-outlook.js';
import { renderPlanText } from '../src/render/render-plan.js';
import { nextAction } from '../src/service/level-outlook.js';

const file = new URL('./conformance/catalogs/metrics.yaml', import.meta.url);
const catalog = await loadCatalogFile(file.pathname);
const asOf = parseDay('2018-03-31') as number;
const organization = parseOrganization({
  id: 'northwind',
  market: 'developed',
  customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }],
  revenue: [{ customer: 'c1', product: 'o365', date: '2018-01-15', amount: 2000, currency: 'USD' }],
  subscriptions: [{ customer: 'c1', product: 'o365', seats: 70, from: '2017-06-01' }],
});

describe('the metric kind in plans and in catalogs', () => {
  it('leads a plan with the metric no exam moves, in the unit it counts, as it does with revenue', async () => {
    const plan = await planLevel(catalog, organization, 'cloud-productivity/main/silver', { asOf });
    expect(plan.measures).toEqual([
      {
        requirement: 'revenue',
        counted: '2000',
        required: '1000',
        shortfall: '0',
        unit: { kind: 'money', currency: 'USD' },
        met: true,
      },
      expect.objectContaining({ requirement: 'seats', counted: '70', required: '100', shortfall: '30', met: false }),
    ]);
    const text = (locale: 'en' | 'zh-TW' | 'ko-KR') => renderPlanText(plan, catalog, locale);
    expect(text('en')).toContain(
      'What stops this level, and no exam can fix:\n  Active entitlements: 70 / 100 active entitlements — 30 active entitlements short\n',
    );
    expect(text('zh-TW')).toContain('有效授權: 70 / 100 個有效授權 — 尚差 30 個有效授權');
    expect(text('ko-KR')).toContain('활성 사용 권한: 활성 사용 권한 70 / 100개 — 활성 사용 권한 30개 부족');
  });

  it('makes a metric short of its threshold the next action, in its unit, when no revenue is short', () => {
    const result = evaluate(catalog, organization, { asOf }).results.find((r) => r.competency === 'cloud-productivity');
    if (!result) throw new Error('no result');
    const action = nextAction(result.gaps, null);
    expect(action).toMatchObject({ code: 'action.measure', params: { requirement: 'seats', shortfall: '30' } });
    const level = { name: 'Silver', result, definition: findLevel(catalog, result, asOf)?.level };
    const say = (locale: 'en' | 'zh-TW' | 'ko-KR') => describeAction(level, action as never, new Formatter(locale, catalog));
    expect(say('en')).toBe('make up the shortfall of 30 active entitlements in Active entitlements');
    expect(say('zh-TW')).toBe('補足有效授權的差額 30 個有效授權');
    expect(say('ko-KR')).toBe('활성 사용 권한 부족분 활성 사용 권한 30개 채우기');
  });

  it('refuses a metric that counts products without naming any, and a fractional count, in the catalog’s words', () => {
    const document = parse(readFileSync(file, 'utf8'));
    const seats = document.competencies[0].versions[0].options[0].levels[0].requirements[1];
    seats.products = [];
    seats.thresholds = { developed: 100.5, developing: 50 };
    const at = '$.competencies[0].versions[0].options[0].levels[0].requirements[1]';
    expect(validateCatalog(document).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      `catalog.metric.products ${at}.products`,
      `catalog.threshold.invalid ${at}.thresholds.developed`,
    ]);
  });

  it('refuses an association type the program does not have', () => {
    const document = parse(readFileSync(file, 'utf8'));
    document.competencies[0].versions[0].options[0].levels[0].requirements[0].associations = ['dpor', 'reseller'];
    const result = validateCatalog(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.path)).toEqual([
      '$.competencies[0].versions[0].options[0].levels[0].requirements[0].associations[1]',
    ]);
  });
});
