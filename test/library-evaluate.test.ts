import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { evaluate as evaluateEachAlone } from '../src/engine/evaluate.js';
import { compileCatalog, evaluate, parseDay, parseOrganization, validateCatalog } from '../src/index.js';
import { runCli } from './run-cli.js';

/** The shipped catalog with the program's cap on competencies per person set to 1, as a file and compiled. */
const raw = parse(readFileSync(shippedCatalogSource('mpn-2017'), 'utf8'));
raw.policy.maxCompetenciesPerPerson = 1;
const work = mkdtempSync(join(tmpdir(), 'attain-library-'));
const catalogFile = join(work, 'capped.json');
writeFileSync(catalogFile, JSON.stringify(raw));
const validation = validateCatalog(raw);
if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
const catalog = compileCatalog(validation.catalog);

/** Few people with exams for both competencies and revenue for both: the cap often binds. */
const KITS = [['MB2-714', 'MB2-710'], ['MB2-713', 'MB2-706'], ['MB2-712'], ['MB2-715', 'MB2-716', 'MB2-717']];
const contested = fc
  .tuple(
    fc.array(fc.subarray(KITS, { minLength: 2 }), { minLength: 4, maxLength: 6 }),
    fc.integer({ min: 100_000, max: 400_000 }),
  )
  .map(([people, amount]) => ({
    id: 'contested',
    market: 'developed',
    people: people.map((kits, i) => ({ id: `p${i}`, exams: kits.flat().map((exam) => ({ exam, passed: '2017-06-01' })) })),
    customers: [{ id: 'c', dpor: [{ from: '2016-01-01' }] }],
    revenue: [
      { customer: 'c', product: 'd365-customer-engagement-plan', date: '2017-10-01', amount, currency: 'USD' },
      { customer: 'c', product: 'crm-online', date: '2017-10-01', amount, currency: 'USD' },
    ],
  }));
const asOf = '2018-03-31';
const standings = (results: readonly { competency: string; option: string; level: string; status: string }[]) =>
  results.map((r) => `${r.competency}/${r.option}/${r.level} ${r.status}`);

describe("the library's evaluate applies the catalog's cap on competencies per person, as the CLI does", () => {
  // Organizations on which the cap binds: evaluating each level alone would hold more than one competency.
  const binding = fc
    .sample(contested, { numRuns: 200, seed: 12 })
    .filter((document) => {
      const alone = evaluateEachAlone(catalog, parseOrganization(document), { asOf: parseDay(asOf) as number });
      return new Set(alone.results.filter((r) => r.attained).map((r) => r.competency)).size > 1;
    })
    .slice(0, 3);

  it('finds organizations on which the cap binds', () => {
    expect(binding.length).toBe(3);
  });

  it.each(binding.map((document, i) => [i, document] as const))('agrees with attain evaluate on case %i', async (_, document) => {
    const library = await evaluate(catalog, parseOrganization(document), { asOf: parseDay(asOf) as number });
    const file = join(work, `org-${document.people.length}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(document));
    const cli = await runCli(['evaluate', file, '--catalog', catalogFile, '--as-of', asOf, '--format', 'json']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(standings(library.results)).toEqual(standings(JSON.parse(cli.stdout).results));
    const held = new Set(library.results.filter((r) => r.attained).map((r) => r.competency));
    expect(held.size).toBe(1);
    expect(library.results.some((r) => r.gaps.some((g) => g.code === 'people.cap'))).toBe(true);
  });
});
