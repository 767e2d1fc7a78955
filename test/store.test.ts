import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Migration, Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import type { Organization } from '../src/engine/organization.js';
import { organizationDocument } from '../src/engine/organization-document.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { migrateJobs } from '../src/store/migrate-jobs.js';
import { migrateStore } from '../src/store/migrate-store.js';
import { type OpenStoreOptions, openStore, openStoreDatabase } from '../src/store/open-store.js';
import { SqlStore } from '../src/store/sql-store.js';
import { storeMigrations } from '../src/store/store-migrations.js';
import { largeOrganization } from './fixtures/large-organization.js';
import { defineRecordsPageContract } from './records-page-contract.js';
import { postgresTitle } from './requirements.js';
import { defineStoreContract, organization, type StoreFactory, type StoreUnderTest } from './store-contract.js';

const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const temporary: string[] = [];

// A PGlite data directory is thousands of files; on a busy machine removing a dozen took longer than a hook's 10 s.
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}, 120_000);

function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

let template: Promise<string> | undefined;

/**
 * A fresh, migrated PGlite data directory. Creating one runs initdb (many seconds), so it is done once and copied:
 * a closed data directory is a complete database.
 */
async function freshDataDir(): Promise<string> {
  template ??= (async () => {
    const dir = temporaryDir('attain-store-template-');
    await (await openStore({ dataDir: dir })).close();
    return dir;
  })();
  const copy = temporaryDir('attain-store-');
  cpSync(await template, copy, { recursive: true });
  return copy;
}

/** Opens the store the way `openStore` does, keeping the database handle so that tests can look inside. */
async function openUnderTest(options: OpenStoreOptions): Promise<StoreUnderTest> {
  const { db, migrationTableSchema, jobs } = await openStoreDatabase(options);
  await migrateStore(db, migrationTableSchema);
  await migrateJobs(jobs);
  return { store: new SqlStore(db, jobs), db };
}

defineStoreContract('PGlite', async (): Promise<StoreFactory> => {
  const dataDir = await freshDataDir();
  return { open: () => openUnderTest({ dataDir }), dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
});

defineRecordsPageContract('PGlite', async (): Promise<StoreFactory> => {
  const dataDir = await freshDataDir();
  return { open: () => openUnderTest({ dataDir }), dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
});

describe.skipIf(DATABASE_URL === undefined)(postgresTitle('PostgreSQL'), () => {
  const url = DATABASE_URL as string;
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = `attain_test_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };

  // Each store has its tables' schema and its job queue's beside it; dropping dozens of them takes a while.
  afterAll(async () => {
    if (schemas.length === 0) return;
    const { db } = await openStoreDatabase({ databaseUrl: url });
    for (const schema of schemas) {
      await sql`drop schema if exists ${sql.id(schema)}, ${sql.id(`${schema}_jobs`)} cascade`.execute(db);
    }
    await db.destroy();
  }, 120_000);

  defineStoreContract('PostgreSQL', async () => {
    const schema = newSchema();
    return { open: () => openUnderTest({ databaseUrl: url, schema }), dispose: async () => {} };
  });

  defineRecordsPageContract('PostgreSQL', async () => {
    const schema = newSchema();
    return { open: () => openUnderTest({ databaseUrl: url, schema }), dispose: async () => {} };
  });

  it('migrates once when two processes open a new database at the same time', async () => {
    const schema = newSchema();
    const stores = await Promise.all([openStore({ databaseUrl: url, schema }), openStore({ databaseUrl: url, schema })]);
    await stores[0]?.replaceOrganization(organization({ id: 'both' }), { kind: 'system', id: 'test' });
    expect((await stores[1]?.getOrganization('both'))?.id).toBe('both');
    for (const store of stores) await store?.close();
    const { db } = await openStoreDatabase({ databaseUrl: url, schema });
    const applied = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(db);
    expect(applied.rows[0]?.n).toBe(Object.keys(await storeMigrations.getMigrations()).length);
    await db.destroy();
  });

  it("reads revenue through the view from its own schema's chunks, whatever the reader's search path", async () => {
    const schema = newSchema();
    const store = await openStore({ databaseUrl: url, schema });
    const here = organization({
      id: 'here',
      customers: [{ id: 'c', dpor: [{ from: '2017-01-01' }] }],
      revenue: [{ customer: 'c', product: 'x', date: '2017-01-31', amount: '1.50', currency: 'USD', netNew: true }],
    });
    await store.replaceOrganization(here, { kind: 'system', id: 'test' });
    await store.close();
    const { db } = await openStoreDatabase({ databaseUrl: url });
    const rows = await sql<{ seq: number; amount: string }>`
      select seq, amount::text as amount from ${sql.table(`${schema}.revenue_records`)}`.execute(db);
    expect(rows.rows).toEqual([{ seq: 0, amount: '1.50' }]);
    await db.destroy();
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore({ databaseUrl: url, schema: 'x; drop table y' })).rejects.toBeInstanceOf(AttainError);
  });
});

/** A new data directory migrated to 0001 only, open: what a store looked like before any later migration. */
async function storeAtFirstSchema() {
  const dataDir = await freshDataDir();
  // The template is at the latest schema; start from an empty directory instead.
  rmSync(dataDir, { recursive: true, force: true });
  const old = await openStoreDatabase({ dataDir });
  const all = await storeMigrations.getMigrations();
  const first = { getMigrations: async () => ({ '0001-initial-schema': all['0001-initial-schema'] as Migration }) };
  const { error } = await new Migrator({ db: old.db, provider: first }).migrateToLatest();
  expect(error).toBeUndefined();
  return { dataDir, old };
}

describe('PGlite data directory', () => {
  it('upgrades a store written by the first schema, keeping its data in order: revenue in chunks, passes and periods in their rows', async () => {
    const { dataDir, old } = await storeAtFirstSchema();
    const written = organization({
      id: 'old',
      people: [
        {
          id: 'p1',
          exams: [
            { exam: 'MB2-717', passed: '2017-03-01' },
            { exam: 'MB2-716', passed: '2016-12-01' },
          ],
        },
        { id: 'p2', exams: [{ exam: 'MB2-718', passed: '2017-05-01' }] },
        { id: 'p3', exams: [] },
      ],
      customers: [
        {
          id: 'c1',
          dpor: [{ from: '2017-01-01', to: '2017-03-31' }, { from: '2017-06-01' }],
        },
        { id: 'c2', dpor: [] },
      ],
    });
    // Rows as the first schema held them, written by hand: the store's code writes today's schema. Each person's
    // passes and each customer's periods interleave in seq with another's, as additions leave them.
    await sql`insert into organizations (id, market) values ('old', 'developed')`.execute(old.db);
    await sql`insert into people (org_id, seq, id) values ('old', 0, 'p1'), ('old', 1, 'p2'), ('old', 2, 'p3')`.execute(old.db);
    await sql`insert into exam_passes (org_id, seq, person_id, exam, passed) values ('old', 0, 'p1', 'MB2-717', '2017-03-01'),
      ('old', 1, 'p2', 'MB2-718', '2017-05-01'), ('old', 2, 'p1', 'MB2-716', '2016-12-01')`.execute(old.db);
    await sql`insert into customers (org_id, seq, id) values ('old', 0, 'c1'), ('old', 1, 'c2')`.execute(old.db);
    await sql`insert into dpor_periods (org_id, seq, customer_id, from_date, to_date)
      values ('old', 0, 'c1', '2017-01-01', '2017-03-31'), ('old', 1, 'c1', '2017-06-01', null)`.execute(old.db);
    // Revenue as the first schema held it, a row per record: more than one chunk's worth, numbered with gaps.
    const records = 10_005;
    await sql`insert into revenue_records (org_id, seq, customer, product, date, amount, currency, net_new)
      select 'old', 3 * g, 'c1', 'x', date '2017-01-31' + g % 300, (g || '.50')::numeric, 'USD', g % 2 = 0
      from generate_series(0, ${records - 1}) g`.execute(old.db);
    await old.db.destroy();

    const { db, jobs } = await openStoreDatabase({ dataDir });
    await migrateStore(db);
    await migrateJobs(jobs);
    const store = new SqlStore(db, jobs);
    const upgraded = await store.getOrganization('old');
    expect(text({ ...(upgraded as Organization), revenue: [] })).toBe(text(written));
    expect(upgraded?.revenue).toHaveLength(records);
    expect(upgraded?.revenue.map((r) => r.amount.toFixed(2))).toEqual(Array.from({ length: records }, (_, g) => `${g}.50`));
    expect(upgraded?.revenue.filter((r) => r.netNew)).toHaveLength(Math.ceil(records / 2));
    const chunks = await sql<{ first_seq: number; n: number }>`
      select first_seq, cardinality(customers) as n from revenue_chunks order by first_seq`.execute(db);
    expect(chunks.rows).toEqual([
      { first_seq: 0, n: 10_000 },
      { first_seq: 10_000, n: 5 },
    ]);
    await expect(
      sql`insert into revenue_chunks (org_id, first_seq, customers, products, dates, amounts, currencies, net_new)
        values ('nobody', 0, '{c1}', '{x}', '{2017-01-31}', '{1}', '{USD}', '{t}')`.execute(db),
    ).rejects.toMatchObject({ code: '23503' });
    await store.addToOrganization(
      'old',
      { people: [], exams: [], customers: [], dpor: [], revenue: upgraded?.revenue.slice(0, 1) ?? [] },
      { kind: 'system', id: 'test' },
      'import.revenue',
    );
    expect((await store.getOrganization('old'))?.revenue).toHaveLength(records + 1);
    await store.close();
  }, 60_000);

  it('upgrades a store from an early build of the first schema, whose revenue had no key to its organization', async () => {
    const { dataDir, old } = await storeAtFirstSchema();
    await sql`alter table revenue_records drop constraint revenue_records_org_id_fkey`.execute(old.db);
    await old.db.destroy();
    const { db, jobs } = await openStoreDatabase({ dataDir });
    await migrateStore(db);
    await migrateJobs(jobs);
    const store = new SqlStore(db, jobs);
    await store.replaceOrganization(organization({ id: 'early' }), { kind: 'system', id: 'test' });
    expect((await store.getOrganization('early'))?.id).toBe('early');
    await store.close();
  }, 60_000);

  it('is locked while open: a second opener gets store.locked, and the lock goes with close', async () => {
    const dataDir = await freshDataDir();
    const store = await openStore({ dataDir });
    const error = await openStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttainError);
    expect((error as AttainError).code).toBe('store.locked');
    await store.replaceOrganization(organization({ id: 'locked' }), { kind: 'system', id: 'test' });
    await store.close();
    const again = await openStore({ dataDir });
    expect((await again.getOrganization('locked'))?.id).toBe('locked');
    await again.close();
  });
});

const SLOW_IMPORT = fileURLToPath(new URL('./fixtures/slow-import.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the slow writer on `dataDir`, replacing organization `crash` with one of `records` revenue records, and
 * SIGKILLs it as soon as it prints `marker`. Resolves with its output.
 */
function killWriterAt(dataDir: string, records: number, marker: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', SLOW_IMPORT, dataDir, 'crash', String(records), marker], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (output.split('\n').includes(marker)) child.kill('SIGKILL');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(output);
      else reject(new Error(`the writer exited with ${code} before ${marker}:\n${output}\n${errors}`));
    });
  });
}

/** An organization as one JSON string: comparing two of 200,000 records is then one string comparison. */
const text = (o: Organization | undefined) => JSON.stringify(o && organizationDocument(o));

describe.concurrent('PGlite after a SIGKILL in the middle of a write', () => {
  let before: string;
  let oldState: Promise<string> | undefined;
  const actor = { kind: 'system', id: 'test' } as const;

  /** A data directory holding the old organization, made once and copied for each kill. */
  async function dataDirWithOldOrganization(): Promise<string> {
    oldState ??= (async () => {
      const dir = await freshDataDir();
      const store = await openStore({ dataDir: dir });
      const old = {
        ...(await readOrganizationFile(fileURLToPath(new URL('../examples/fabrikam-ops.yaml', import.meta.url)))),
        id: 'crash',
      };
      await store.replaceOrganization(old, actor);
      before = text(await store.getOrganization('crash'));
      await store.close();
      return dir;
    })();
    const copy = temporaryDir('attain-crash-');
    cpSync(await oldState, copy, { recursive: true });
    return copy;
  }

  // Killed while 200,000 revenue rows are being copied: the old records are deleted and the other tables written,
  // all uncommitted. Killed after the commit returned (a smaller organization, as only durability is in question):
  // the process never closed the database.
  it.each([
    ['WRITING', 'old', 200_000],
    ['COMMITTED', 'new', 50_000],
  ] as const)(
    'killed at %s, the reopened store holds the %s organization whole, and works',
    async (marker, expected, records) => {
      const dataDir = await dataDirWithOldOrganization();
      const output = await killWriterAt(dataDir, records, marker);
      expect(output).toContain(marker);
      const store = await openStore({ dataDir });
      try {
        const after = text(await store.getOrganization('crash'));
        const wanted = expected === 'old' ? before : text(largeOrganization('crash', records));
        expect(after.length).toBe(wanted.length);
        expect(after === wanted).toBe(true);
        const [summary] = (await store.listOrganizations()).filter((s) => s.id === 'crash');
        expect(summary?.revenueRecords).toBe(expected === 'old' ? 6 : records);
        await store.replaceOrganization(organization({ id: 'after-crash' }), actor);
        expect((await store.getOrganization('after-crash'))?.id).toBe('after-crash');
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});
