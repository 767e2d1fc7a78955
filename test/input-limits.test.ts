import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { validateCatalog } from '../src/catalog/validate-catalog.js';
import { AttainError, type Issue } from '../src/core/attain-error.js';
import { formatDay, parseDay } from '../src/core/day.js';
import { Decimal } from '../src/core/decimal.js';
import { readStructuredFile } from '../src/core/read-structured-file.js';
import { PROGRAM_2017_RULES } from '../src/engine/organization-rules.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { readOrganizationInputs } from '../src/importers/read-organization-inputs.js';
import { contoso, issuesOf, plan } from './import-helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The issues of whatever `task` throws; fails when it throws nothing, or anything but an AttainError. */
function thrownIssues(task: () => unknown): readonly Issue[] {
  try {
    task();
  } catch (error) {
    expect(error).toBeInstanceOf(AttainError);
    return (error as AttainError).issues;
  }
  throw new Error('expected a refusal');
}

async function rejectedIssues(task: () => Promise<unknown>): Promise<readonly Issue[]> {
  try {
    await task();
  } catch (error) {
    expect(error).toBeInstanceOf(AttainError);
    return (error as AttainError).issues;
  }
  throw new Error('expected a refusal');
}

const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
const orgDocument = (extra: Record<string, unknown>) => ({ id: 'limits', market: 'developed', ...extra });
const shippedCatalog = () => parseYaml(readFileSync(shippedCatalogSource('mpn-2017'), 'utf8'));

const TRAININGS_HEADER =
  'PGAMpnId,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,CorpEmail,TrainingCompletionDate,ExpirationDate,ActivationStatus,Month,MCPID,MpnId,PartnerName,PartnerCityLocation,PartnerCountryLocation';
const PC_REVENUE_HEADER = 'CustomerTenantId,CustomerName,Product,Month,PartnerAttributionType,BilledRevenueUSD';

/** A real calendar date before 1900-01-01, from year 0 on. */
const earlyDate = fc
  .integer({ min: parseDay('0000-01-01') as number, max: (parseDay('1900-01-01') as number) - 1 })
  .map(formatDay);

describe('dates between 1900-01-01 and 9999-12-31, in every reader', () => {
  const expectRange = (issues: readonly Issue[], value: string) =>
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'input.date.range',
        params: expect.objectContaining({ value, first: '1900-01-01', last: '9999-12-31' }),
      }),
    );

  it('refuses any earlier date identically: organization files (JSON, YAML, NDJSON), every CSV and export, catalogs', async () => {
    await fc.assert(
      fc.asyncProperty(earlyDate, async (date) => {
        const [year, month, day] = date.split('-');
        const org = orgDocument({ people: [{ id: 'p', exams: [{ exam: 'MB2-715', passed: date }] }] });
        expectRange(
          thrownIssues(() => parseOrganization(org)),
          date,
        );
        expectRange(issuesOf(JSON.stringify({ ...org, id: 'contoso' }), { kind: 'org' }), date);
        expectRange(
          issuesOf(`id: contoso\nmarket: developed\ncustomers:\n  - id: c\n    dpor:\n      - from: ${date}\n`, {
            file: 'o.yaml',
          }),
          date,
        );
        expectRange(issuesOf(`person_id,name,exam,passed\np1,,MB2-715,${date}\n`), date);
        expectRange(issuesOf(`customer_id,name,dpor_from,dpor_to\nc1,,${date},\n`), date);
        expectRange(issuesOf(`customer_id,product,date,amount,currency\n1,crm-online,${date},1,USD\n`), date);
        const us = `${Number(month)}/${Number(day)}/${year}`;
        const trainings = `${TRAININGS_HEADER}\n1,T,Exam MB2-715,Exam,A,B,,,${us},,Active,2018-01,1001,2,C,T,T\n`;
        expectRange(issuesOf(trainings), us);
        expectRange(
          issuesOf(`${PC_REVENUE_HEADER}\nt1,T,Dynamics 365 for Sales,${year}-${month},DPOR,1.00\n`),
          `${year}-${month}`,
        );
        const catalog = shippedCatalog();
        catalog.exams[0].launched = date;
        expectRange(validateCatalog(catalog).issues, date);
        const file = path.join(dir, 'early.ndjson');
        writeFileSync(file, `${JSON.stringify(org)}\n`);
        for await (const input of readOrganizationInputs([file], PROGRAM_2017_RULES)) {
          expect('error' in input).toBe(true);
          if ('error' in input) expectRange(input.error.issues, date);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('reads the first and last days', () => {
    const org = parseOrganization(
      orgDocument({
        people: [
          {
            id: 'p',
            exams: [
              { exam: 'x', passed: '1900-01-01' },
              { exam: 'y', passed: '9999-12-31' },
            ],
          },
        ],
      }),
    );
    expect(org.people[0]?.exams.map((e) => formatDay(e.passed))).toEqual(['1900-01-01', '9999-12-31']);
  });
});

/** A plain decimal within the limits: up to 28 digits before the point and 20 after. */
const amountWithin = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^[1-9]\d{0,27}$|^0$/),
    fc.option(fc.stringMatching(/^\d{0,19}[1-9]$/), { nil: undefined }),
  )
  .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
/** Beyond them: 29 or more digits before the point, or 21 or more significant ones after. */
const amountBeyond = fc.oneof(
  fc.stringMatching(/^[1-9]\d{28,60}$/),
  fc.stringMatching(/^\d{1,5}\.\d{20,40}[1-9]$/),
  fc.stringMatching(/^[1-9]\d{28,40}\.\d{1,12}$/),
);

describe('amounts: at most 28 digits before the point and 20 after, in every reader', () => {
  it('reads any amount within the limits exactly, as written', () => {
    fc.assert(
      fc.property(amountWithin, (amount) => {
        const expected = (Decimal.parse(amount) as Decimal).toString();
        const org = parseOrganization(
          orgDocument({
            customers: [{ id: 'c', dpor: [] }],
            revenue: [{ customer: 'c', product: 'x', date: '2017-01-31', amount, currency: 'USD' }],
            fx: { EUR: amount.replace('-', '') === '0' ? '1' : amount.replace('-', '') },
          }),
        );
        expect(org.revenue[0]?.amount.toString()).toBe(expected);
        const csv = plan(`customer_id,product,date,amount,currency\nnorthwind,crm-online,2017-01-31,${amount},USD\n`);
        expect(csv.additions.revenue[0]?.amount.toString()).toBe(expected);
      }),
    );
  });

  it('refuses any amount beyond them with input.amount.digits: organization files, fx rates, CSV, exports, catalogs', () => {
    fc.assert(
      fc.property(amountBeyond, (amount) => {
        const expectDigits = (issues: readonly Issue[], path?: string) =>
          expect(issues).toContainEqual(
            expect.objectContaining({
              code: 'input.amount.digits',
              ...(path && { path }),
              params: expect.objectContaining({ integerDigits: 28, fractionDigits: 20 }),
            }),
          );
        const revenue = [{ customer: 'c', product: 'x', date: '2017-01-31', amount, currency: 'USD' }];
        expectDigits(
          thrownIssues(() => parseOrganization(orgDocument({ customers: [{ id: 'c' }], revenue }))),
          '$.revenue[0].amount',
        );
        expectDigits(
          thrownIssues(() => parseOrganization(orgDocument({ fx: { EUR: amount } }))),
          '$.fx.EUR',
        );
        expectDigits(
          issuesOf(`customer_id,product,date,amount,currency\nnorthwind,crm-online,2017-01-31,${amount},USD\n`),
          'amount',
        );
        expectDigits(issuesOf(`${PC_REVENUE_HEADER}\nt1,T,Dynamics 365 for Sales,2017-03,DPOR,${amount}\n`), 'BilledRevenueUSD');
        const catalog = shippedCatalog();
        const revenueRequirement = catalog.competencies[0].versions[0].options[0].levels[0].requirements.find(
          (r: { kind: string }) => r.kind === 'revenue',
        );
        revenueRequirement.thresholds.developed = amount;
        expectDigits(validateCatalog(catalog).issues);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a huge amount at once, instead of storing another number or failing in the database', () => {
    for (const amount of [
      '1'.padEnd(262_145, '0'),
      `5${'0'.repeat(160_000)}`,
      `0.${'0'.repeat(16_383)}1`,
      '9'.repeat(1_000_000),
    ]) {
      const start = performance.now();
      const issues = thrownIssues(() =>
        parseOrganization(
          orgDocument({
            customers: [{ id: 'c' }],
            revenue: [{ customer: 'c', product: 'x', date: '2017-01-31', amount, currency: 'USD' }],
          }),
        ),
      );
      expect(codes(issues)).toEqual(['input.amount.digits']);
      // The value repeated back is cut short: an error is never larger than what was sent.
      expect(String(issues[0]?.params.value).length).toBeLessThanOrEqual(201);
      expect(performance.now() - start).toBeLessThan(500);
    }
  });

  it('refuses JSON and YAML numbers that a double would change, wherever they are', async () => {
    const json = JSON.stringify(orgDocument({ customers: [{ id: 'c' }] })).replace(
      '"customers"',
      '"revenue":[{"customer":"c","product":"x","date":"2017-01-31","amount":12345678901234567890,"currency":"USD"}],"customers"',
    );
    const file = path.join(dir, 'long-number.json');
    writeFileSync(file, json);
    expect(await rejectedIssues(async () => readStructuredFile(file, json))).toEqual([
      expect.objectContaining({
        code: 'input.number.inexact',
        params: expect.objectContaining({ value: '12345678901234567890' }),
      }),
    ]);
    expect(codes(issuesOf(json.replace('"limits"', '"contoso"'), { kind: 'org' }))).toEqual(['input.number.inexact']);
    const yaml = 'id: contoso\nmarket: developed\nfx:\n  EUR: 0.1000000000000000055\n';
    expect(codes(issuesOf(yaml, { file: 'o.yaml' }))).toEqual(['input.number.inexact']);
    // Fifteen digits are held exactly, and read as written.
    const exact = parseOrganization(JSON.parse('{"id":"x","market":"developed","fx":{"EUR":123456.789012345}}'));
    expect(exact.fx.get('EUR')?.toString()).toBe('123456.789012345');
  });
});

describe('NUL bytes', () => {
  it('refuses a NUL in a CSV cell with its line and column', () => {
    const issues = issuesOf('customer_id,name,dpor_from,dpor_to\nc1,Ac\u0000me,,\n');
    expect(issues).toEqual([expect.objectContaining({ code: 'input.nul', params: { line: 2, column: 6 } })]);
  });

  it('refuses a NUL in any string of an organization, and in an id, at its JSON path', () => {
    const issues = thrownIssues(() =>
      parseOrganization(orgDocument({ name: 'A\u0000', people: [{ id: 'p\u0000', exams: [] }], fx: { 'E\u0000': '1' } })),
    );
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(
      expect.arrayContaining(['input.nul $.fx', 'input.nul $.people[0].id', 'input.nul $.name']),
    );
    expect(codes(issuesOf('[{"id":"p\\u0000","exams":[]}]', { kind: 'exams' }))).toEqual(['input.nul']);
  });
});

describe('YAML aliases', () => {
  it('refuses a document whose aliases repeat more than a million characters, before expanding them', () => {
    const yaml = `id: contoso\nmarket: developed\nname: &n ${'x'.repeat(1_000_000)}\npeople:\n${Array.from(
      { length: 999 },
      (_, i) => `  - { id: p${i}, name: *n }`,
    ).join('\n')}\n`;
    const start = performance.now();
    expect(codes(issuesOf(yaml, { file: 'o.yaml' }))).toEqual(['input.yaml.aliases']);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('refuses too many aliases as input, in files the CLI reads too', async () => {
    const yaml = `id: contoso\nmarket: developed\nx: &a [1]\nl: [${Array.from({ length: 1200 }, () => '*a').join(', ')}]\n`;
    expect(codes(await rejectedIssues(async () => readStructuredFile('o.yaml', yaml)))).toEqual(['input.yaml.aliases']);
    expect(codes(issuesOf(yaml, { file: 'o.yaml' }))).toEqual(['input.yaml.aliases']);
  });
});

describe('CSV bounds', () => {
  it('answers a 31 MiB header of one unknown column with an error of a few kilobytes', () => {
    const text = `${'x'.repeat(31 * 1024 * 1024)}\n1\n`;
    const start = performance.now();
    let error: unknown;
    try {
      plan(text, { kind: 'revenue' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AttainError);
    expect(JSON.stringify(error).length).toBeLessThan(4096);
    expect(codes((error as AttainError).issues)).toEqual(['import.csv.header']);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses more than 1,000 columns', () => {
    const header = Array.from({ length: 1001 }, (_, i) => `c${i}`).join(',');
    expect(codes(issuesOf(`${header}\n`, { kind: 'revenue' }))).toEqual(['import.csv.columns']);
  });

  it('refuses a file of more than 1,000,000 rows, and a JSON array of more than 1,000,000 records', () => {
    const rows = 'p,,,\n'.repeat(1_000_001);
    const issues = issuesOf(`person_id,name,exam,passed\n${rows}`);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'input.rows', params: expect.objectContaining({ limit: 1_000_000 }) }),
    ]);
    const records = `[${Array.from({ length: 1_000_001 }, () => '{}').join(',')}]`;
    expect(codes(issuesOf(records, { kind: 'customers' }))).toEqual(['input.rows']);
  });

  it('lists the first 1,000 problems of an organization file and says how many there were', () => {
    const people = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, exams: [{ exam: 'x', passed: 'soon' }] }));
    const issues = thrownIssues(() => parseOrganization(orgDocument({ people })));
    expect(issues).toHaveLength(1001);
    expect(issues[1000]).toEqual({ code: 'org.issues.truncated', path: '$', params: { shown: 1000, total: 5000 } });
  });

  it('lists the first 1,000 problems of a catalog and says how many there were', () => {
    const catalog = shippedCatalog();
    catalog.exams = Array.from({ length: 3000 }, (_, i) => ({ code: `X-${i}`, title: { en: 'x' }, launched: 'soon' }));
    const issues = validateCatalog(catalog).issues;
    expect(issues).toHaveLength(1001);
    expect(issues[1000]).toMatchObject({ code: 'catalog.issues.truncated', params: { shown: 1000 } });
    expect(Number(issues[1000]?.params.total)).toBeGreaterThanOrEqual(3000);
  });

  it('keeps the contoso example importable', () => {
    expect(plan('customer_id,name\nc9,Nine\n', { existing: contoso }).changed).toBe(true);
  });
});
