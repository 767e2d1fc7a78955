import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AttainError } from '../core/attain-error.js';
import { loadCatalogFile } from './load-catalog.js';
import { shippedCatalogSource } from './shipped-catalog.js';
import { validateCatalog } from './validate-catalog.js';

const shipped = () => parse(readFileSync(shippedCatalogSource('mpn-2017'), 'utf8'));
const codes = (document: unknown) => validateCatalog(document).issues.map((i) => `${i.code} ${i.path}`);

describe('validateCatalog', () => {
  it('accepts the shipped catalog', () => {
    expect(codes(shipped())).toEqual([]);
  });

  it('catches the seed erratum as it was printed: MB6-895 twice in one list', () => {
    const catalog = shipped();
    const functional =
      catalog.competencies[1].versions[0].options[1].levels[1].requirements[2].paths[0].requirements[0].pools[1].roles[0];
    expect(functional.exams.oneOf).toEqual(['MB6-895', 'MB6-896', 'MB6-897']);
    functional.exams.oneOf[1] = 'MB6-895';
    expect(codes(catalog)).toEqual([
      'catalog.formula.repeated-exam $.competencies[1].versions[0].options[1].levels[1].requirements[2].paths[0].requirements[0].pools[1].roles[0].exams.oneOf[1]',
    ]);
  });

  it('catches one code listed twice with different titles', () => {
    const catalog = shipped();
    catalog.exams.push({
      code: 'mb6 895',
      title: { en: 'Distribution and Trade', 'zh-TW': '配送和貿易', 'ko-KR': '유통 및 무역' },
    });
    expect(codes(catalog)).toEqual(['catalog.exam.conflicting-titles $.exams[22].code']);
  });

  it('catches unknown exams and products, empty roles, overlapping versions and missing translations, in the levels that extend the wrong one too', () => {
    const catalog = shipped();
    const crm = catalog.competencies[0];
    const silver = crm.versions[0].options[0].levels[0];
    silver.requirements[0].products.push('dynamics-gp');
    silver.requirements[1].pools[0].roles[0].exams = { oneOf: ['MB2-999'] };
    silver.requirements[1].pools[0].roles[1].count = 0;
    crm.versions.push({ ...crm.versions[0], id: '2017-06-b' });
    delete crm.name['ko-KR'];
    expect(codes(catalog)).toEqual([
      'catalog.text.missing-locale $.competencies[0].name.ko-KR',
      'catalog.product.unknown $.competencies[0].versions[0].options[0].levels[0].requirements[0].products[2]',
      'catalog.exam.unknown $.competencies[0].versions[0].options[0].levels[0].requirements[1].pools[0].roles[0].exams.oneOf[0]',
      'catalog.role.empty $.competencies[0].versions[0].options[0].levels[0].requirements[1].pools[0].roles[1].count',
      // Gold extends Silver: it inherits the products and the exams, not the count it overrides.
      'catalog.product.unknown $.competencies[0].versions[0].options[0].levels[1].requirements[0].products[2]',
      'catalog.exam.unknown $.competencies[0].versions[0].options[0].levels[1].requirements[1].pools[0].roles[0].exams.oneOf[0]',
      'catalog.version.overlap $.competencies[0].versions[1].effective',
      'catalog.product.unknown $.competencies[0].versions[1].options[0].levels[0].requirements[0].products[2]',
      'catalog.exam.unknown $.competencies[0].versions[1].options[0].levels[0].requirements[1].pools[0].roles[0].exams.oneOf[0]',
      'catalog.role.empty $.competencies[0].versions[1].options[0].levels[0].requirements[1].pools[0].roles[1].count',
      'catalog.product.unknown $.competencies[0].versions[1].options[0].levels[1].requirements[0].products[2]',
      'catalog.exam.unknown $.competencies[0].versions[1].options[0].levels[1].requirements[1].pools[0].roles[0].exams.oneOf[0]',
    ]);
  });

  it('accepts credentials by type and "k of the same N" roles, and refuses k above N or an unknown extra exam', () => {
    const catalog = parse(readFileSync(new URL('../../test/conformance/catalogs/credentials.yaml', import.meta.url), 'utf8'));
    expect(codes(catalog)).toEqual([]);
    const engineers = catalog.competencies[0].versions[0].options[0].levels[0].requirements[0].pools[0].roles[0];
    engineers.ofWhom = { count: 3, exams: '70-999' };
    const at = '$.competencies[0].versions[0].options[0].levels[0].requirements[0].pools[0].roles[0].ofWhom';
    expect(codes(catalog)).toEqual([`catalog.exam.unknown ${at}.exams`, `catalog.role.of-whom-exceeds ${at}.count`]);
    catalog.exams[3].type = 'diploma';
    expect(codes(catalog)).toEqual(['catalog.schema.invalid_value $.exams[3].type']);
  });

  it('reports structural problems with their paths', () => {
    const catalog = shipped();
    catalog.competencies[0].versions[0].options[0].levels[0].requirements[1].pools[0].roles[0].count = 'two';
    catalog.exams[0].launched = '2017-13-01';
    const result = codes(catalog);
    expect(result).toContain(
      'catalog.schema.invalid_type $.competencies[0].versions[0].options[0].levels[0].requirements[1].pools[0].roles[0].count',
    );
  });

  it('points at the line and column of a problem in a YAML file', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/attain-bad-catalog-${process.pid}.yaml`;
    const text = readFileSync(shippedCatalogSource('mpn-2017'), 'utf8').replace('MB2-712, MB2-707', 'MB2-712, MB2-799');
    (await import('node:fs')).writeFileSync(file, text);
    const error = await loadCatalogFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttainError);
    const issue = (error as AttainError).issues[0];
    expect(issue?.code).toBe('catalog.exam.unknown');
    expect(issue?.params.line).toBe(text.split('\n').findIndex((l) => l.includes('MB2-799')) + 1);
  });
});

describe('structural problems in every language', () => {
  it("gives zod's own words in Chinese and Korean, and a coded message for each format", async () => {
    const { AttainError } = await import('../core/attain-error.js');
    const { renderIssues } = await import('../render/render-error.js');
    const catalog = shipped();
    catalog.products[0].matches = 'CRM Online';
    catalog.competencies[0].id = 'Cloud CRM';
    catalog.currency = 'usd';
    const issues = validateCatalog(catalog).issues;
    expect(issues.map((i) => i.code)).toEqual(['catalog.format.currency', 'catalog.schema.invalid_type', 'catalog.format.id']);
    const error = new AttainError('catalog.invalid', 'invalid', issues);
    const ko = renderIssues(error, 'ko-KR').join('\n');
    expect(ko).toContain('받은 타입은 string');
    expect(ko).toContain('"Cloud CRM"은 올바른 ID가 아닙니다');
    expect(ko).not.toMatch(/Invalid input|expected/);
    const zh = renderIssues(error, 'zh-TW').join('\n');
    expect(zh).toContain('但收到 string');
    expect(zh).toContain('「usd」不是幣別');
    expect(renderIssues(error, 'en').join('\n')).toContain('expected array, received string');
  });
});
