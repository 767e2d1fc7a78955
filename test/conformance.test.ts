import { describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { caseCatalog, conformanceMismatches, loadConformanceCases } from './conformance-cases.js';

const shipped = await loadShippedCatalog();

describe('conformance cases through the library', () => {
  for (const testCase of loadConformanceCases()) {
    it(`${testCase.file}: ${testCase.name}`, async () => {
      const file = caseCatalog(testCase);
      const catalog = file === undefined ? shipped : await loadCatalogFile(file);
      const organization = parseOrganization(testCase.organization, catalog.currency);
      const evaluation = evaluate(catalog, organization, {
        asOf: parseDay(testCase.asOf) as number,
        ...(testCase.policy ? { policy: testCase.policy } : {}),
      });
      expect(conformanceMismatches(testCase, evaluation)).toEqual([]);
    });
  }
});
