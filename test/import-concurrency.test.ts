import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { importIntoStore } from '../src/service/import-into-store.js';
import { openStore } from '../src/store/open-store.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { NEEDS_POSTGRES } from './requirements.js';
import { runCli } from './run-cli.js';

/**
 * One writer per organization across processes: the same import through several servers and command lines at once
 * on one PostgreSQL database lands once. Before the organization's lock and the version check, two at once doubled
 * the rows (each planned from the data before the other's write).
 */
const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const SYSTEM = { kind: 'system', id: 'test' } as const;
const FILE = 'examples/imports/contoso-revenue.csv';

/** Revenue rows a CSV of generated months adds: distinct customers, products and dates, so none repeats another. */
function revenueCsv(rows: number): string {
  const lines = ['customer_id,product,date,amount,currency,net_new'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`northwind,crm-online,2017-${String((i % 12) + 1).padStart(2, '0')}-${day},${100 + i}.25,USD,true`);
  }
  return `${lines.join('\n')}\n`;
}

if (!DATABASE_URL) {
  it.skip(`imports at once on PostgreSQL — ${NEEDS_POSTGRES}`, () => undefined);
} else {
  describe('the same import at once from several writers (PostgreSQL)', () => {
    const schema = `imports_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
    // Two stores, two connection pools: as two servers would be.
    let a: SqlStore;
    let b: SqlStore;
    let revenueBefore = 0;

    beforeAll(async () => {
      a = await openStore({ databaseUrl: DATABASE_URL, schema });
      b = await openStore({ databaseUrl: DATABASE_URL, schema });
      const contoso = await readOrganizationFile('examples/contoso-dynamics.json');
      await a.replaceOrganization(contoso, SYSTEM);
      revenueBefore = contoso.revenue.length;
    }, 60_000);

    afterAll(async () => {
      await b.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(a.db);
      await sql`drop schema ${sql.id(`${schema}_jobs`)} cascade`.execute(a.db);
      await a.close();
    }, 60_000);

    const revenueCount = async () => (await a.getOrganization('contoso'))?.revenue.length ?? 0;

    it('lands once from two servers, however many times each sends it', async () => {
      const catalog = await loadShippedCatalog();
      const text = revenueCsv(2000);
      const imports = [a, b, a, b, a, b].map((store) =>
        importIntoStore(
          store,
          { orgId: 'contoso', kind: 'revenue', text, file: 'months.csv', catalog },
          { actor: SYSTEM, dryRun: false },
        ),
      );
      const plans = await Promise.all(imports);
      expect(await revenueCount()).toBe(revenueBefore + 2000);
      // One of them wrote; every other found, once it could look again, that the file changes nothing.
      expect(plans.filter((p) => p.changed)).toHaveLength(1);
      const audit = await a.auditLog({ org: 'contoso' });
      expect(audit.filter((e) => e.action === 'import.revenue')).toHaveLength(1);
    }, 120_000);

    it('lands once from two attain import processes started together', async () => {
      const before = await revenueCount();
      const env = { DATABASE_URL, ATTAIN_DATABASE_SCHEMA: schema };
      const both = await Promise.all([0, 1].map(() => runCli(['import', FILE, '--org', 'contoso', '--format', 'json'], env)));
      for (const r of both) expect(r.status, r.stderr).toBe(0);
      const rows = readFileSync(FILE, 'utf8').trim().split('\n').length - 1;
      expect(await revenueCount()).toBe(before + rows);
      expect(both.map((r) => JSON.parse(r.stdout).changed).sort()).toEqual([false, true]);
    }, 120_000);
  });
}
