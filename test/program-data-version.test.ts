import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { runToCompletion } from '../src/jobs/run-to-completion.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-data-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// PGlite reads a bigint as a number and the stored evaluation keeps it as text: compared as they came, every run
// after the first said "the data changed" where only time had passed (the dashboard's history showed it).
it('on the embedded store, a later run with the same data says time passed, not that the data changed', async () => {
  const catalog = await loadShippedCatalog();
  const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
  const store = (await openStore({ dataDir: path.join(dir, 'data') })) as SqlStore;
  try {
    await store.replaceOrganization(await readOrganizationFile('examples/contoso-dynamics.json'), { kind: 'system', id: 'test' });
    for (const asOf of ['2018-03-31', '2018-05-31']) {
      const run = await store.program.startRun({ kind: 'run', asOf, catalog: rules.fingerprint });
      await runToCompletion(store, rules, run.id);
    }
    const [latest] = await store.program.transitions('contoso');
    expect(latest).toMatchObject({ date: '2018-04-30', competency: 'cloud-crm', level: 'gold', to: 'not-attained' });
    expect(latest?.cause.kind).toBe('date');
  } finally {
    await store.close();
  }
}, 120_000);
