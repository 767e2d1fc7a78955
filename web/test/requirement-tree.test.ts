import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileCatalog } from '../../src/catalog/compile-catalog.js';
import { parseDay } from '../../src/core/day.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { parseOrganization } from '../../src/engine/parse-organization.js';
import { type MeasureNode, measureText } from '../../src/kinds/presented.js';
import { Formatter } from '../../src/render/formatter.js';
import { groupNodes, optionCards, requirementTree, seatNodes } from '../src/lib/requirement-tree.js';
import { catalog, contoso, evaluationOf, fabrikam } from './fixtures.js';
import { ROOT } from './paths.js';

describe('option cards', () => {
  const cards = optionCards(evaluationOf(contoso, '2018-03-31'), catalog);

  it('groups results by competency and option, Silver before Gold', () => {
    expect(cards.map((c) => `${c.competency}/${c.option}`)).toEqual([
      'cloud-crm/reseller',
      'cloud-business-applications/enterprise-customer-engagement',
      'cloud-business-applications/enterprise-operations',
    ]);
    expect(cards.map((c) => c.levels.map((l) => l.id))).toEqual([
      ['silver', 'gold'],
      ['silver', 'gold'],
      ['silver', 'gold'],
    ]);
    expect(cards[1]?.competencyName['zh-TW']).toBe('雲端業務應用程式');
  });

  it('shows progress toward the first level not attained, or none when all are', () => {
    expect(cards.map((c) => c.next?.id ?? null)).toEqual([null, 'gold', 'silver']);
  });

  it('draws revenue against its threshold and people per role against the count', () => {
    const gold = cards[1]?.next;
    const nodes = requirementTree(gold?.definition?.requirements ?? [], gold?.result.requirements ?? []);
    const revenue = nodes.find((n) => n.shape === 'measure');
    expect(revenue).toMatchObject({ counted: '120793.7', required: '300000', shortfall: '179206.3' });
    expect(revenue?.shape === 'measure' && revenue.ratio).toBeCloseTo(120793.7 / 300000);
    const [people] = seatNodes(nodes);
    const roles = people?.node.pools.flatMap((p) => p.roles) ?? [];
    expect(roles.map((r) => [r.id, r.assigned.length, r.count])).toEqual([
      ['technical', 5, 15],
      ['functional', 5, 15],
    ]);
    // Fifteen seats each: five filled, ten empty.
    expect(roles[0]?.seats).toHaveLength(15);
    expect(roles[0]?.seats.filter((s) => s === null)).toHaveLength(10);
    expect(roles[0]?.name.en).toMatch(/^Technical consultant/);
  });

  it('keeps both revenue tests of Operations and every alternative path', () => {
    const silver = optionCards(evaluationOf(fabrikam, '2018-03-31'), catalog)[2]?.levels[0];
    const nodes = requirementTree(silver?.definition?.requirements ?? [], silver?.result.requirements ?? []);
    expect(nodes.map((n) => `${n.shape}:${n.id}`)).toEqual(['measure:revenue-total', 'measure:revenue-cloud', 'choice:skills']);
    const skills = nodes[2];
    expect(skills?.shape === 'choice' && skills.paths.map((p) => p.id)).toEqual(['current', 'legacy']);
    expect(seatNodes(nodes).map((p) => p.path)).toEqual(['current', 'legacy']);
  });

  it('reports no threshold as no ratio rather than a division by nothing', () => {
    const silver = optionCards(evaluationOf(fabrikam, '2018-03-31'), catalog)[0]?.levels[0];
    const [revenue] = requirementTree(silver?.definition?.requirements ?? [], silver?.result.requirements ?? []);
    expect(revenue).toMatchObject({ shape: 'measure', required: null, ratio: 0, status: 'undetermined' });
  });
});

describe('a "k of the same N" role', () => {
  it('is drawn as seats, with how many of its people must also hold the extra exams and who does', () => {
    const text = { en: 'x' };
    const role = { id: 'engineers', name: text, count: 2, exams: { allOf: ['A', 'B'] }, ofWhom: { count: 1, exams: 'C' } };
    const people = { kind: 'people', id: 'skills', name: text, pools: [{ id: 'main', roles: [role] }] };
    const level = { id: 'silver', name: text, requirements: [people] };
    const small = compileCatalog({
      format: 'attain-catalog/1',
      id: 'k-of-n',
      name: text,
      locales: ['en'],
      currency: 'USD',
      markets: ['developed'],
      policy: { revenueAssociation: 'within-period', maxCompetenciesPerPerson: null },
      exams: ['A', 'B', 'C'].map((code) => ({ code, title: text })),
      products: [],
      errata: [],
      competencies: [
        { id: 'devops', name: text, versions: [{ id: 'v', options: [{ id: 'main', name: text, levels: [level] }] }] },
      ],
    } as unknown as Parameters<typeof compileCatalog>[0]);
    const passes = (codes: readonly string[]) => codes.map((exam) => ({ exam, passed: '2017-01-10' }));
    const organization = parseOrganization({
      id: 'o',
      market: 'developed',
      people: [
        { id: 'ada', exams: passes(['A', 'B', 'C']) },
        { id: 'ben', exams: passes(['A', 'B']) },
      ],
      customers: [],
      revenue: [],
    });
    const [result] = evaluate(small, organization, { asOf: Date.UTC(2018, 2, 31) / 86_400_000 }).results;
    const definition = small.competencies[0]?.versions[0]?.options[0]?.levels[0];
    const [node] = seatNodes(requirementTree(definition?.requirements ?? [], result?.requirements ?? []));
    const drawn = node?.node.pools[0]?.roles[0];
    expect(drawn?.seats).toEqual(['ben', 'ada']);
    expect(drawn?.ofWhom).toEqual({ count: 1, holding: ['ada'] });
  });
});

describe('a points designation', () => {
  const pointsCatalog = compileCatalog(JSON.parse(readFileSync(join(ROOT, 'dist/catalogs/data-ai-2022.json'), 'utf8')));
  const document = parseYaml(readFileSync(join(ROOT, 'examples/data-ai-partner.yaml'), 'utf8'));
  const evaluation = JSON.parse(
    JSON.stringify(evaluate(pointsCatalog, parseOrganization(document, 'USD'), { asOf: parseDay('2023-03-15') as number })),
  );
  const [card] = optionCards(evaluation, pointsCatalog);
  const level = card?.levels[0];
  const nodes = requirementTree(level?.definition?.requirements ?? [], level?.result.requirements ?? []);

  it('draws the score against the pass mark over each metric’s points, in generic shapes', () => {
    const [group] = groupNodes(nodes);
    expect(group?.summary).toMatchObject({ shape: 'measure', counted: '74', required: '70', shortfall: '0' });
    const f = new Formatter('ko-KR', undefined);
    expect(
      measureText(group?.summary as MeasureNode, f, { bar: (a, b) => `${a} / ${b}`, shortBy: (x) => x, noThreshold: '' }),
    ).toBe('74 / 70점');
    expect(group?.summary.name['ko-KR']).toBe('합격 점수 대비 점수');
    expect(group?.members.map((m) => (m.shape === 'measure' ? [m.id, m.counted, m.required, m.status] : m.id))).toEqual([
      ['net-customer-adds', '30', '30', 'met'],
      ['skilling', '24', '40', 'met'],
      ['usage-growth', '12', '20', 'met'],
      ['deployments', '8', '10', 'met'],
    ]);
    expect(seatNodes(nodes)).toEqual([]);
  });
});
