import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchOrganization, revenueCsv } from '../bench/import-parse-bench.js';
import { AttainError } from '../src/core/attain-error.js';
import { planImport } from '../src/importers/plan-import.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { renderError } from '../src/render/render-error.js';
import { createApp } from '../src/server/create-app.js';
import { importIntoStore } from '../src/service/import-into-store.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { catalog, issuesOf, plan, refusalOf, where } from './import-helpers.js';
import { runCli } from './run-cli.js';

const EXAMS = 'person_id,name,exam,passed\nx1,Ana,MB2-716,2018-01-15\nx2,Ben,MB2-999,2018-01-16\nx3,Cy,MB2-999,2018-01-17\n';
const REVENUE = 'customer_id,product,date,amount,currency,net_new\nnorthwind,crm-online,2018-01-31,100,USD,true\n';

describe('one rule for unknown references, in every kind', () => {
  it('refuses an exam the catalog does not know in an exams CSV and in JSON, as a revenue file refuses a product', () => {
    expect(issuesOf(EXAMS).map(where)).toEqual(['import.exam.unknown exam 3:8', 'import.exam.unknown exam 4:7']);
    const json = JSON.stringify([
      {
        id: 'p2',
        exams: [
          { exam: 'MB2-716', passed: '2018-01-01' },
          { exam: 'MB2-999', passed: '2018-01-02' },
        ],
      },
    ]);
    expect(issuesOf(json).map((i) => `${i.code} ${i.path}`)).toEqual(['import.exam.unknown $[0].exams[1].exam']);
    expect(issuesOf(`${REVENUE}northwind,Azure Plan,2018-01-31,5,USD,true\n`).map(where)).toEqual([
      'import.product.unknown product 3:11',
    ]);
  });

  it('says with the refusal that the bad rows could be left out, and only when they could', () => {
    expect(refusalOf(EXAMS).issues.at(-1)).toEqual({ code: 'import.rows.skippable', path: '$', params: { rows: 2 } });
    // A header problem is no row's: leaving rows out would not help, so it is not offered, nor done when asked.
    const header = 'person_id,name,exam,passed,extra\np1,Ana,MB2-716,2018-01-15,x\n';
    expect(refusalOf(header).issues.map((i) => i.code)).toEqual(['import.column.unknown']);
    expect(() => plan(header, { skipInvalid: true })).toThrow(AttainError);
  });
});

describe('importing the valid rows on request', () => {
  it('imports the good rows, lists what it left out and why, and counts every row read', () => {
    const result = plan(EXAMS, { skipInvalid: true });
    expect(result.additions.exams.map((e) => `${e.person} ${e.exam}`)).toEqual(['x1 MB2-716']);
    // The people of the left-out rows are not added either: the whole row is left out.
    expect(result.additions.people.map((p) => p.id)).toEqual(['x1']);
    expect(result.rows).toBe(3);
    expect(result.leftOut).toEqual({
      rows: 2,
      problems: 2,
      issues: [
        { code: 'import.exam.unknown', path: 'exam', params: { value: 'MB2-999', line: 3, column: 8 } },
        { code: 'import.exam.unknown', path: 'exam', params: { value: 'MB2-999', line: 4, column: 7 } },
      ],
      groups: [{ code: 'import.exam.unknown', path: 'exam', params: { value: 'MB2-999' }, count: 2, lines: [3, 4] }],
    });
  });

  it('leaves out JSON records by their index', () => {
    const json = JSON.stringify([
      { id: 'x1', exams: [{ exam: 'MB2-716', passed: '2018-01-01' }] },
      { id: 'x2', exams: [{ exam: 'MB2-999', passed: '2018-01-02' }] },
      { id: 'x3', exams: [{ exam: 'MB2-717', passed: 'someday' }] },
    ]);
    const result = plan(json, { skipInvalid: true });
    expect(result.additions.people.map((p) => p.id)).toEqual(['x1']);
    expect(result.leftOut?.rows).toBe(2);
    expect(result.rows).toBe(3);
  });
});

describe('a 100,000-row file with 524 unknown-product rows', () => {
  const good = revenueCsv(100_000).trimEnd().split('\n');
  // Every 190th row names one of two products the registry does not know.
  const lines = good.map((line, i) =>
    i > 0 && i % 190 === 0 && i / 190 <= 524 ? line.replace(/,[^,]+,/, `,${i % 380 === 0 ? 'Office 365' : 'Azure Plan'},`) : line,
  );
  const text = `${lines.join('\n')}\n`;
  const existing = benchOrganization();

  it('is refused with its problems grouped by cause, counted exactly, the most frequent first', () => {
    let error: AttainError | undefined;
    try {
      planImport({ existing, orgId: 'bench', text, catalog });
    } catch (e) {
      error = e as AttainError;
    }
    expect(error?.groups?.map((g) => [g.params.value, g.count, g.lines.slice(0, 2)])).toEqual([
      ['Azure Plan', 262, [191, 571]],
      ['Office 365', 262, [381, 761]],
    ]);
    const rendered = renderError(error as AttainError, 'en');
    expect(rendered.split('\n')).toHaveLength(5);
    expect(rendered).toContain(
      `product: product "Azure Plan" is not in the catalog's product registry [import.product.unknown]: 262 rows — lines 191, 571, 951,`,
    );
    expect(rendered).toContain('… and 252 more');
    expect(renderError(error as AttainError, 'ko-KR')).toContain('262개 행 — 191, 571,');
    // And through JSON, as the error crosses a thread or an HTTP answer.
    expect(AttainError.fromJSON(JSON.parse(JSON.stringify(error))).groups).toEqual(error?.groups);
  });

  it('counts at most 1000 causes, however many distinct values are wrong', () => {
    const distinct = `${good.map((line, i) => (i > 0 && i <= 3000 ? line.replace(/^c\d+,/, `nobody-${i},`) : line)).join('\n')}\n`;
    const error = refusalOf(distinct, { existing });
    expect(error.groups).toHaveLength(1000);
    expect(error.groups?.every((g) => g.count === 1 && g.code === 'import.customer.unknown')).toBe(true);
    expect(error.issues.find((i) => i.code === 'import.issues.truncated')?.params).toEqual({ shown: 1000, total: 3000 });
    expect(renderError(error, 'en')).toContain('… and 950 more causes');
  });

  it('imports the other 99,476 rows on request', () => {
    const result = planImport({ existing, orgId: 'bench', text, catalog, skipInvalid: true });
    expect(result.additions.revenue).toHaveLength(100_000 - 524);
    expect(result.leftOut?.rows).toBe(524);
    expect(result.rows).toBe(100_000);
  });
});

describe('on the store, through the CLI and the API', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-skip-'));
  const SYSTEM = { kind: 'system', id: 'test' } as const;
  let store: SqlStore;

  beforeAll(async () => {
    store = await openStore({ dataDir: path.join(dir, 'api') });
    await store.replaceOrganization(await readOrganizationFile('examples/contoso-dynamics.json'), SYSTEM, 'test');
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the valid rows in one transaction, or nothing when refused', async () => {
    const input = { orgId: 'contoso', text: EXAMS, catalog };
    const before = await store.readVersioned('contoso');
    await expect(importIntoStore(store, input, { actor: SYSTEM, dryRun: false })).rejects.toThrow(AttainError);
    expect((await store.readVersioned('contoso'))?.version).toBe(before?.version);
    const done = await importIntoStore(store, { ...input, skipInvalid: true }, { actor: SYSTEM, dryRun: false });
    expect(done.leftOut?.rows).toBe(2);
    const after = (await store.readVersioned('contoso'))?.organization;
    expect(after?.people.find((p) => p.id === 'x1')?.exams.map((e) => e.exam)).toEqual(['MB2-716']);
    expect(after?.people.some((p) => p.id === 'x2')).toBe(false);
  });

  it('the API takes skipInvalid=true and answers with leftOut; a refusal carries its groups, in words', async () => {
    const token = await store.createToken({ role: 'admin', org: null }, SYSTEM);
    const app = createApp({ store, catalog });
    const post = (query: string) =>
      app.request(`/api/orgs/contoso/imports/exams${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.secret}`, 'accept-language': 'zh-TW' },
        body: EXAMS.replaceAll('x1', 'y1'),
      });
    const refused = await post('?dryRun=true');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { groups: { count: number; message: string }[] } };
    expect(body.error.groups).toEqual([expect.objectContaining({ count: 2, message: '測驗「MB2-999」不在目錄的測驗清單中' })]);
    const preview = await post('?dryRun=true&skipInvalid=true');
    expect(await preview.json()).toMatchObject({ dryRun: true, changed: true, leftOut: { rows: 2, problems: 2 } });
    await app.close();
  });

  it('attain import --skip-invalid imports the rest and says what it left out; --format json refuses in JSON', async () => {
    const data = path.join(dir, 'cli');
    const file = path.join(dir, 'exams.csv');
    writeFileSync(file, EXAMS);
    expect((await runCli(['import', 'examples/contoso-dynamics.json', '--org', 'contoso', '--data-dir', data])).status).toBe(0);
    const refused = await runCli(['import', file, '--org', 'contoso', '--data-dir', data]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      'exam "MB2-999" is not in the catalog\'s exam registry [import.exam.unknown]: 2 rows — lines 3, 4',
    );
    expect(refused.stderr).toContain('attain import --skip-invalid');
    const json = await runCli(['import', file, '--org', 'contoso', '--data-dir', data, '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'import.invalid', groups: [{ count: 2, lines: [3, 4] }] });
    const done = await runCli(['import', file, '--org', 'contoso', '--data-dir', data, '--skip-invalid', '--lang', 'zh-TW']);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('已略過 2 列有問題的資料（--skip-invalid）');
    expect(done.stdout).toContain('2 列：第 3、4 行');
    // Phases go to stderr on a terminal or when asked, never into the output.
    const again = await runCli(['import', file, '--org', 'contoso', '--data-dir', data, '--skip-invalid', '--format', 'json'], {
      ATTAIN_PROGRESS: '1',
    });
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, leftOut: { rows: 2 } });
    expect(again.stderr).toMatch(/attain: opening the store in .* … \d+\.\d s\nattain: checking the file/);
  }, 60_000);
});
