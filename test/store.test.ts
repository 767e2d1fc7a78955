import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { AttainError } from '../src/core/attain-error.js';
import { migrateStore } from '../src/store/migrate-store.js';
import { type OpenStoreOptions, openStore, openStoreDatabase } from '../src/store/open-store.js';
import { SqlStore } from '../src/store/sql-store.js';
import { defineStoreContract, organization, type StoreFactory, type StoreUnderTest } from './store-contract.js';

const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const temporary: string[] = [];

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

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
  const { db, migrationTableSchema } = await openStoreDatabase(options);
  await migrateStore(db, migrationTableSchema);
  return { store: new SqlStore(db), db };
}

defineStoreContract('PGlite', async (): Promise<StoreFactory> => {
  const dataDir = await freshDataDir();
  return { open: () => openUnderTest({ dataDir }), dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
});

describe.skipIf(DATABASE_URL === undefined)('PostgreSQL', () => {
  const url = DATABASE_URL as string;
  const schemas: string[] = [];
  const newSchema = () => {
    const schema = `attain_test_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };

  afterAll(async () => {
    if (schemas.length === 0) return;
    const { db } = await openStoreDatabase({ databaseUrl: url });
    for (const schema of schemas) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  });

  defineStoreContract('PostgreSQL', async () => {
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
    expect(applied.rows[0]?.n).toBe(1);
    await db.destroy();
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore({ databaseUrl: url, schema: 'x; drop table y' })).rejects.toBeInstanceOf(AttainError);
  });
});

describe('PGlite data directory', () => {
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
