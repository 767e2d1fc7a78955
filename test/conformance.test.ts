import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/catalog/catalog-types.js';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { DEFAULT_CATALOG, loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { conformanceMismatches, loadConformanceCases } from './conformance-cases.js';

const cases = loadConformanceCases();
const catalogs = new Map(
  await Promise.all(
    [...new Set(cases.map((c) => c.catalog ?? DEFAULT_CATALOG))].map(
      async (id) =>
        [
          id,
          id.endsWith('.yaml')
            ? await loadCatalogFile(fileURLToPath(new URL(`../${id}`, import.meta.url)))
            : await loadShippedCatalog(id),
        ] as const,
    ),
  ),
);

describe('conformance cases through the library', () => {
  for (const testCase of cases) {
    it(`${testCase.file}: ${testCase.name}`, () => {
      const catalog = catalogs.get(testCase.catalog ?? DEFAULT_CATALOG) as Catalog;
      const organization = parseOrganization(testCase.organization, catalog.currency);
      const evaluation = evaluate(catalog, organization, {
        asOf: parseDay(testCase.asOf) as number,
        ...(testCase.policy ? { policy: testCase.policy } : {}),
      });
      expect(conformanceMismatches(testCase, evaluation)).toEqual([]);
    });
  }
});
