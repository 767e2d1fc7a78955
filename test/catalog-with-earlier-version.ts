import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Catalog } from '../src/catalog/catalog-types.js';
import { compileCatalog } from '../src/catalog/compile-catalog.js';
import { resolveExtends } from '../src/catalog/resolve-extends.js';
import { shippedCatalogSource } from '../src/catalog/shipped-catalog.js';
import { validateCatalog } from '../src/catalog/validate-catalog.js';

/** The shipped catalog as authored, except that levels that extend others are complete, so that editing one changes only it. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed document, edited as the tests need
function shippedWithCompleteLevels(): any {
  return resolveExtends(parse(readFileSync(shippedCatalogSource('mpn-2017'), 'utf8'))).document;
}

/**
 * The shipped catalog plus the page's earlier version (domain.md: before October 2017 the Customer Engagement option
 * required "the same 5" people for both exam groups, and MB2-877 did not exist yet): one pool with both groups.
 */
export function catalogWithEarlierVersion(): Catalog {
  const raw = shippedWithCompleteLevels();
  const cba = raw.competencies[1];
  const earlier = structuredClone(cba.versions[0]);
  earlier.id = '2017-06';
  earlier.effective = '2017-06-01';
  const skills = earlier.options[0].levels[0].requirements[1];
  skills.pools = [
    {
      id: 'same-people',
      roles: [
        {
          id: 'all',
          name: skills.pools[0].roles[0].name,
          count: 5,
          exams: { allOf: [{ allOf: ['MB2-715', 'MB2-716'] }, { oneOf: ['MB2-717', 'MB2-718'] }] },
        },
      ],
    },
  ];
  cba.versions.unshift(earlier);
  const validation = validateCatalog(raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return compileCatalog(validation.catalog);
}

/**
 * The shipped catalog with the Customer Engagement option's Silver only between two versions: a version of June 2017
 * and one of December 2017 (as ERP's December 2017 page did) keep only Gold, so Silver starts on 2017-10-13 and ends
 * on 2017-12-01.
 */
export function catalogWithSilverBetweenVersions(): Catalog {
  const raw = shippedWithCompleteLevels();
  const cba = raw.competencies[1];
  const onlyGold = (id: string, effective: string) => {
    const version = structuredClone(cba.versions[0]);
    version.id = id;
    version.effective = effective;
    version.options[0].levels = version.options[0].levels.filter((l: { id: string }) => l.id === 'gold');
    return version;
  };
  cba.versions = [onlyGold('2017-06', '2017-06-01'), cba.versions[0], onlyGold('2017-12', '2017-12-01')];
  const validation = validateCatalog(raw);
  if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
  return compileCatalog(validation.catalog);
}
