import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { planLevel } from '../src/planner/plan-level.js';
import { renderPlanText } from '../src/render/render-plan.js';
import { renderEvaluationText } from '../src/render/render-text.js';

const catalog = await loadCatalogFile(new URL('./conformance/catalogs/credentials.yaml', import.meta.url).pathname);
const asOf = parseDay('2018-03-31') as number;

/** Two engineers with both base exams, neither with the extra one; a certification expired; an assessment missing. */
const organization = parseOrganization({
  id: 'words',
  market: 'developed',
  people: [
    {
      id: 'ada',
      exams: [
        { exam: '70-533', passed: '2017-01-10' },
        { exam: '70-534', passed: '2017-02-10' },
      ],
    },
    {
      id: 'ben',
      exams: [
        { exam: '70-533', passed: '2017-01-10' },
        { exam: '70-534', passed: '2017-02-10' },
        { exam: 'MCSA-O365', passed: '2016-01-15' },
      ],
    },
    {
      id: 'cy',
      exams: [
        { exam: 'DA-FOUNDATION', passed: '2017-01-10' },
        { exam: 'DA-SQL', passed: '2017-02-10' },
        { exam: 'PSM-I', passed: '2017-01-10' },
      ],
    },
  ],
  customers: [],
  revenue: [],
});

describe('credentials and "k of the same N" in words', () => {
  const evaluation = evaluate(catalog, organization, { asOf });

  it.each([
    [
      'en',
      [
        'DevOps engineers: 2 of 2 people pass all of 70-533, 70-534; 0 of the same 2 also pass 70-535: one of them must also pass 70-535.',
        'of them, 1 must also pass the extra exams: nobody yet',
        '1 person must earn certification MCSA-O365.',
        'certification MCSA-O365 earned Jan 15, 2016 was valid until Jan 14, 2018; not counted.',
        'must complete assessment DA-FOUNDATION, and 2 of the same 2 also one of assessment DA-POWERBI, assessment DA-SQL, assessment DA-R.',
      ],
    ],
    [
      'zh-TW',
      [
        'DevOps 工程師：2 人皆已通過70-533、70-534 全部；同樣這 2 人中有 0 人另外通過70-535，須有 1 人：其中還需要 1 人通過70-535。',
        '其中 1 人須另外通過額外測驗：尚無人員',
        '須有 1 人取得認證 MCSA-O365。',
        '於 2016年1月15日 取得的認證 MCSA-O365，有效期限至 2018年1月14日 為止，未予計入。',
        '還需要 1 人完成評定 DA-FOUNDATION',
      ],
    ],
    [
      'ko-KR',
      [
        'DevOps 엔지니어: 2명 모두 70-533, 70-534 모두를 통과했고, 같은 2명 중 0명이 70-535도 통과했습니다. 1명이 필요하므로 이 중 1명이 더 70-535를 통과해야 합니다.',
        '이 중 1명은 추가 시험도 필요: 아직 없음',
        '1명이 인증 MCSA-O365를 취득해야 합니다.',
        '2016. 1. 15.에 취득한 인증 MCSA-O365의 유효 기간이 2018. 1. 14.에 끝나 인정되지 않습니다.',
        '기술 평가 DA-FOUNDATION(같은 2명 중 2명은 기술 평가 DA-POWERBI, 기술 평가 DA-SQL, 기술 평가 DA-R 중 하나 추가)을 완료해야 합니다.',
      ],
    ],
  ] as const)('names each credential by its type and says k-of-N as one rule, in %s', (locale, sentences) => {
    const text = renderEvaluationText(evaluation, catalog, locale);
    for (const sentence of sentences) expect(text).toContain(sentence);
  });

  it.each([
    ['en', '0 new people, 1 credential', 'Who should earn which credential:', 'cy: assessment DA-POWERBI → Analysts'],
    ['zh-TW', '新進人員 0 人，資格 1 項', '誰應取得哪項資格：', 'cy: 評定 DA-POWERBI → 分析師'],
    ['ko-KR', '신규 인원 0명, 자격 1개', '누가 어떤 자격을 취득해야 하는지:', 'cy: 기술 평가 DA-POWERBI → 분석가'],
  ] as const)('plans assessments as credentials in %s', async (locale, cost, title, step) => {
    const two = parseOrganization({
      id: 'two',
      market: 'developed',
      people: [
        {
          id: 'ada',
          exams: [
            { exam: 'DA-FOUNDATION', passed: '2017-01-10' },
            { exam: 'DA-SQL', passed: '2017-02-10' },
          ],
        },
        { id: 'cy', exams: [{ exam: 'DA-FOUNDATION', passed: '2017-01-10' }] },
      ],
      customers: [],
      revenue: [],
    });
    const plan = await planLevel(catalog, two, 'data-analytics/main/beginners', { asOf });
    const text = renderPlanText(plan, catalog, locale);
    expect(text).toContain(cost);
    expect(text).toContain(title);
    expect(text.replace(/[ \t]+/g, ' ')).toContain(step);
  });

  it('plans a k-of-N role by an existing person sitting the extra exam, in exams as ever', async () => {
    const plan = await planLevel(catalog, organization, 'devops/main/silver', { asOf });
    expect(plan.cost).toEqual({ newPeople: 0, exams: 1 });
    // Either engineer will do; the plan names one of them.
    expect(plan.steps).toEqual([
      { person: expect.stringMatching(/^(ada|ben)$/), exam: '70-535', role: 'engineers', pool: 'main', requirement: 'skills' },
    ]);
    expect(renderPlanText(plan, catalog, 'en')).toContain('Who should sit which exam:');
  });
});
