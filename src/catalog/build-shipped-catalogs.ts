import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readStructuredFile } from '../core/read-structured-file.js';
import { SHIPPED_CATALOGS, shippedCatalogBuild, shippedCatalogSource } from './shipped-catalog.js';
import { validateCatalog } from './validate-catalog.js';

/** Build step: validates every shipped catalog and writes it as JSON for fast loading. Fails the build on any issue. */
for (const id of SHIPPED_CATALOGS) {
  const source = shippedCatalogSource(id);
  const { value } = await readStructuredFile(source, readFileSync(source, 'utf8'));
  const result = validateCatalog(value);
  if (!result.ok) {
    for (const issue of result.issues) console.error(`${source}: ${issue.path}: ${issue.code} ${JSON.stringify(issue.params)}`);
    process.exit(1);
  }
  const target = shippedCatalogBuild(id);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, JSON.stringify(result.catalog));
}
