import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadShippedCatalog, shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { validateCatalog } from '../src/catalog/validate-catalog.js';
import { parseDay } from '../src/core/day.js';
import { LOCALES } from '../src/core/localized.js';
import { evaluate } from '../src/engine/evaluate.js';
import { personNames } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { renderEvaluationText } from '../src/render/render-text.js';

const source = () => parseYaml(readFileSync(shippedCatalogSource('data-ai-2022'), 'utf8'));
/** The shipped designation's points requirement, in a parsed copy of the catalog. */
const scoreOf = (catalog: ReturnType<typeof source>) => catalog.competencies[0].versions[0].options[0].levels[0].requirements[0];
const at = '$.competencies[0].versions[0].options[0].levels[0].requirements[0]';
const issues = (document: unknown) => {
  const result = validateCatalog(document);
  return result.ok ? [] : result.issues.map((i) => `${i.code} ${i.path}`);
};

describe('a points requirement in a catalog', () => {
  it('validates the shipped designation', () => {
    expect(issues(source())).toEqual([]);
  });

  it('refuses a pass mark the metrics cannot reach, unknown exams, repeated ids and a market without a threshold', () => {
    const catalog = source();
    const score = scoreOf(catalog);
    score.passMark = 111;
    score.metrics[1].steps[1].credentials = 'AZ-999';
    score.metrics[3].id = 'skilling';
    score.metrics.push({
      id: 'revenue',
      name: { en: 'Revenue', 'zh-TW': '營收', 'ko-KR': '수익' },
      rule: 'proportional',
      max: 10,
      thresholds: { developed: 300000 },
    });
    expect(issues(catalog)).toEqual([
      `catalog.id.duplicate ${at}.metrics[3].id`,
      `catalog.points.unreachable ${at}.passMark`,
      `catalog.exam.unknown ${at}.metrics[1].steps[1].credentials`,
      `catalog.threshold.missing-market ${at}.metrics[4].thresholds`,
    ]);
  });
});

describe('the text report of a score', () => {
  const catalogPromise = loadShippedCatalog('data-ai-2022');
  const org = parseOrganization(
    parseYaml(readFileSync(new URL('../examples/data-ai-partner.yaml', import.meta.url), 'utf8')),
    'USD',
  );

  it('gives each metric its points and what counted, and the cheapest moves, in every language', async () => {
    const catalog = await catalogPromise;
    const evaluation = evaluate(catalog, org, { asOf: parseDay('2023-04-01') as number });
    const text = Object.fromEntries(
      LOCALES.map((locale) => [locale, renderEvaluationText(evaluation, catalog, locale, personNames(org))]),
    );
    expect(text.en).toContain('Partner capability score: 30 points of 100, pass mark 70');
    expect(text.en).toContain('Skilling: 0 / 40 — Step 1: solutions architects: 1 of 2 people');
    expect(text.en).toContain(
      'Cheapest way to the pass mark (+40 points): Performance: net customer adds: 2 more customers consuming at least $1,000.00 in a month (+20); Skilling: 1 more person holding AZ-305 Azure Solutions Architect Expert for Step 1: solutions architects (+20).',
    );
    expect(text['zh-TW']).toContain('合作夥伴能力分數: 30 / 100 分，及格分數 70 分');
    expect(text['zh-TW']).toContain(
      '技能培養：再增加 1 位持有AZ-305 Azure 解決方案架構師專家的人員（第 1 階段：解決方案架構師）（+20 分）',
    );
    expect(text['ko-KR']).toContain('파트너 역량 점수: 100점 중 30점, 합격 점수 70점');
    // The particle follows how the credential's name ends: "Expert" is read 엑스퍼트, a vowel.
    expect(text['ko-KR']).toContain(
      '1단계: 솔루션 아키텍트: AZ-305 Azure Solutions Architect Expert를 보유한 직원 1명 추가(+20점)',
    );
  });
});

describe('points levels that extend others', () => {
  it('states Gold as Silver with a higher pass mark and a metric worth more, matched by id', () => {
    const catalog = source();
    const [silver] = catalog.competencies[0].versions[0].options[0].levels;
    silver.id = 'silver';
    catalog.competencies[0].versions[0].options[0].levels.push({
      id: 'gold',
      extends: 'silver',
      name: { en: 'Gold', 'zh-TW': '金級', 'ko-KR': '골드' },
      requirements: [{ id: 'partner-capability-score', passMark: 80, metrics: [{ id: 'deployments', max: 20 }] }],
    });
    const result = validateCatalog(catalog);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [, gold] = result.catalog.competencies[0]?.versions[0]?.options[0]?.levels ?? [];
    const score = gold?.requirements[0];
    expect(score?.kind === 'points' && [score.passMark, score.metrics.map((m) => `${m.id}:${m.max}`)]).toEqual([
      80,
      ['net-customer-adds:30', 'skilling:40', 'usage-growth:20', 'deployments:20'],
    ]);
  });
});
