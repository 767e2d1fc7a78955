import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AttainError } from '../core/attain-error.js';
import { LOCALES } from '../core/localized.js';
import { Formatter } from '../render/formatter.js';
import { MESSAGES } from '../render/messages.js';
import { renderFinding } from '../render/render-text.js';
import { catalogJsonSchema } from './catalog-schema.js';
import { compileCatalog } from './compile-catalog.js';
import { loadCatalogFile } from './load-catalog.js';
import { shippedCatalogSource } from './shipped-catalog.js';
import { validateCatalog } from './validate-catalog.js';

const text = () => readFileSync(shippedCatalogSource('mpn-2017'), 'utf8');
const shipped = () => parse(text());
const codes = (document: unknown) => validateCatalog(document).issues.map((i) => `${i.code} ${i.path}`);
const plain = (document: unknown) => {
  const result = validateCatalog(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.catalog;
};
const ceSilver = '$.competencies[1].versions[0].options[0].levels[0]';
/** The Customer Engagement option's Silver revenue requirement, in a parsed shipped catalog. */
const ceRevenue = (catalog: ReturnType<typeof shipped>) =>
  catalog.competencies[1].versions[0].options[0].levels[0].requirements[0];

describe('catalog ergonomics', () => {
  it('compiles the shipped catalog exactly as before its levels extended others (the seeds’ rules unchanged)', () => {
    const before = JSON.parse(readFileSync(new URL('../../test/fixtures/mpn-2017-plain.json', import.meta.url), 'utf8'));
    // The plain form keeps `unpublished` markets, so that it validates again; they compile to no threshold. It
    // also states the association types each revenue test accepts, DPOR alone: what the fixture's tests meant.
    const published = JSON.parse(JSON.stringify(plain(shipped())), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(
            Object.entries(value).filter(
              ([k, v]) => v !== 'unpublished' && !(k === 'associations' && JSON.stringify(v) === '["dpor"]'),
            ),
          )
        : value,
    );
    expect(published).toEqual(before);
  });

  it('refuses a level with no requirement', () => {
    const catalog = shipped();
    catalog.competencies[1].versions[0].options[0].levels[1] = { id: 'gold', name: { en: 'Gold' }, requirements: [] };
    expect(codes(catalog)).toEqual([
      'catalog.text.missing-locale $.competencies[1].versions[0].options[0].levels[1].name.zh-TW',
      'catalog.text.missing-locale $.competencies[1].versions[0].options[0].levels[1].name.ko-KR',
      'catalog.level.empty $.competencies[1].versions[0].options[0].levels[1].requirements',
    ]);
  });

  it('refuses thresholds that miss a market of the catalog, naming the market', () => {
    const catalog = shipped();
    ceRevenue(catalog).thresholds = { developed: 100000 };
    const result = validateCatalog(catalog);
    expect(result.issues).toEqual([
      {
        code: 'catalog.threshold.missing-market',
        path: `${ceSilver}.requirements[0].thresholds`,
        params: { market: 'developing' },
      },
    ]);
  });

  it('takes `unpublished` for a market the program publishes no threshold for: undecided there, as before', () => {
    const catalog = shipped();
    ceRevenue(catalog).thresholds = { developed: 100000, developing: 'unpublished' };
    const compiled = compileCatalog(plain(catalog));
    const revenue = compiled.competencies[1]?.versions[0]?.options[0]?.levels[0]?.requirements[0];
    expect(revenue?.kind === 'revenue' && [...revenue.thresholds.keys()]).toEqual(['developed']);
  });

  it('states a threshold once for every market, or as `all` beside the markets that differ', () => {
    const markets = ['developed', 'developing'];
    const amount = fc.integer({ min: 0, max: 10_000_000 });
    const spec = fc.oneof(
      amount.map((a) => ({ authored: a as unknown, expected: { developed: a, developing: a } })),
      fc
        .tuple(amount, fc.dictionary(fc.constantFrom(...markets), amount))
        .map(([all, some]) => ({ authored: { all, ...some }, expected: { developed: all, developing: all, ...some } })),
      fc
        .tuple(amount, amount)
        .map(([a, b]) => ({ authored: { developed: a, developing: b }, expected: { developed: a, developing: b } })),
    );
    fc.assert(
      fc.property(spec, ({ authored, expected }) => {
        const catalog = shipped();
        ceRevenue(catalog).thresholds = authored;
        expect(ceRevenue(plain(catalog)).thresholds).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a market named `all`, which stands for every market in thresholds', () => {
    const catalog = shipped();
    catalog.markets.push('all');
    expect(codes(catalog)).toEqual(['catalog.format.every-market $.markets[2]']);
  });

  it('lets a level extend another of its option and state only what differs', () => {
    const catalog = shipped();
    const levels = catalog.competencies[1].versions[0].options[0].levels;
    levels[1] = {
      id: 'gold',
      extends: 'silver',
      name: { en: 'Gold', 'zh-TW': '金會員', 'ko-KR': '골드' },
      requirements: [
        { id: 'revenue', thresholds: { developed: 300000, developing: 150000 } },
        { id: 'skills', pools: [{ id: 'functional', roles: [{ id: 'functional', count: 15 }] }] },
      ],
    };
    const gold = plain(catalog).competencies[1]?.versions[0]?.options[0]?.levels[1];
    const silver = plain(shipped()).competencies[1]?.versions[0]?.options[0]?.levels[0];
    expect(gold?.requirements[0]).toEqual({ ...silver?.requirements[0], thresholds: { developed: 300000, developing: 150000 } });
    const pools = gold?.requirements[1]?.kind === 'people' ? gold.requirements[1].pools : [];
    expect(pools.map((p) => [p.id, p.roles.map((r) => r.count)])).toEqual([
      ['technical', [5]],
      ['functional', [15]],
    ]);
  });

  it('refuses extending a level the option does not have, and levels that extend each other', () => {
    const unknown = shipped();
    unknown.competencies[1].versions[0].options[0].levels[1].extends = 'platinum';
    expect(codes(unknown)).toEqual(['catalog.level.extends-unknown $.competencies[1].versions[0].options[0].levels[1].extends']);
    const cycle = shipped();
    const levels = cycle.competencies[1].versions[0].options[0].levels;
    levels[0] = { id: 'silver', extends: 'gold' };
    levels[1] = { id: 'gold', extends: 'silver' };
    expect(codes(cycle)).toEqual(['catalog.level.extends-cycle $.competencies[1].versions[0].options[0].levels[1].extends']);
  });

  it('says what an unquoted comma in YAML did, where it did it, and to quote', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/attain-comma-catalog-${process.pid}.yaml`;
    const authored = text().replace(
      'thresholds: { developed: 100000, developing: 50000 }',
      'thresholds: { developed: 100,000, developing: 50000 }',
    );
    writeFileSync(file, authored);
    const error = await loadCatalogFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttainError);
    const [issue] = (error as AttainError).issues;
    // YAML reads the key 000 as the number 0.
    expect(issue).toMatchObject({ code: 'catalog.value.null', params: { key: '0' } });
    expect(issue?.params.line).toBe(authored.split('\n').findIndex((l) => l.includes('developed: 100,000')) + 1);
    const en = renderFinding('catalog.value.null', { key: '000' }, new Formatter('en', undefined), MESSAGES.en);
    expect(en).toContain('"000"');
    expect(en).toContain('quote');
  });

  it('describes the authored forms in the JSON Schema that `attain catalog schema` prints', () => {
    const schema = JSON.stringify(catalogJsonSchema());
    expect(schema).toContain('"extends"');
    expect(schema).toContain('unpublished');
    expect(schema).toContain('`all`');
  });

  it.each(LOCALES)('has a message in %s for every new catalog code, with its facts', (locale) => {
    const f = new Formatter(locale, undefined);
    const cases: [string, Record<string, string>, string][] = [
      ['catalog.level.empty', { level: 'silver' }, 'silver'],
      ['catalog.threshold.missing-market', { market: 'developing' }, 'developing'],
      ['catalog.level.extends-unknown', { level: 'gold', extends: 'platinum' }, 'platinum'],
      ['catalog.level.extends-cycle', { levels: 'silver → gold → silver' }, 'silver → gold → silver'],
      ['catalog.value.null', { key: '000' }, '000'],
    ];
    for (const [code, params, fact] of cases) {
      const message = renderFinding(code, params, f, MESSAGES[locale]);
      expect(message, code).not.toContain(code);
      expect(message, code).toContain(fact);
      expect(message, code).not.toMatch(/이\(가\)|을\(를\)|은\(는\)|과\(와\)/);
    }
  });
});
