import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Organization } from '../src/engine/organization.js';
import { PROGRAM_2017_RULES } from '../src/engine/organization-rules.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { countOrganizations, readOrganizationInputs } from '../src/importers/read-organization-inputs.js';
import { migrateJobs } from '../src/store/migrate-jobs.js';
import { migrateStore } from '../src/store/migrate-store.js';
import { type OpenStoreOptions, openStoreDatabase } from '../src/store/open-store.js';
import { SqlStore } from '../src/store/sql-store.js';
import type { Actor } from '../src/store/store.js';
import type { StoreDatabase } from '../src/store/store-database.js';
import { postgresTitle } from './requirements.js';
import { runCli } from './run-cli.js';
import { organization } from './store-contract.js';

const DATABASE_URL = process.env.ATTAIN_TEST_DATABASE_URL;
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const ACTOR: Actor = { kind: 'cli', id: 'test' };
const temporary: string[] = [];
const schemas: string[] = [];

// Each store's job queue has a schema of its own beside its tables' (`${schema}_jobs`): both go.
afterAll(async () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  if (DATABASE_URL === undefined || schemas.length === 0) return;
  const { db } = await openStoreDatabase({ databaseUrl: DATABASE_URL });
  for (const schema of schemas)
    await sql`drop schema if exists ${sql.id(schema)}, ${sql.id(`${schema}_jobs`)} cascade`.execute(db);
  await db.destroy();
}, 120_000);

function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A small valid organization document, as one NDJSON line holds it. */
function document(id: string, customer = 'c1'): Record<string, unknown> {
  return {
    id,
    market: 'developed',
    people: [{ id: 'p1', name: 'Ana', exams: [{ exam: 'MB2-714', passed: '2017-01-10' }] }],
    customers: [{ id: 'c1', dpor: [{ from: '2017-01-01' }] }],
    revenue: [{ customer, product: 'crm-online', date: '2017-02-01', amount: '10.50', currency: 'USD' }],
  };
}

/**
 * A directory of inputs: an NDJSON file whose third line is bad (a revenue record naming no customer), a YAML
 * example in a subdirectory, and a JSON example.
 */
function inputs(): string {
  const dir = temporaryDir('attain-load-in-');
  mkdirSync(path.join(dir, 'sub'));
  copyFileSync(path.join(EXAMPLES, 'contoso-dynamics.json'), path.join(dir, 'a-contoso.json'));
  copyFileSync(path.join(EXAMPLES, 'fabrikam-ops.yaml'), path.join(dir, 'sub', 'fabrikam.yaml'));
  const lines = [document('n1'), document('n2'), document('bad', 'nobody'), document('n3')].map((d) => JSON.stringify(d));
  writeFileSync(path.join(dir, 'orgs.ndjson'), `${lines.join('\n')}\n`);
  return dir;
}

describe('attain load (PGlite)', () => {
  it('loads a directory of NDJSON, YAML and JSON, refuses the bad organization with its line and path, exits 2', async () => {
    const dir = inputs();
    const dataDir = temporaryDir('attain-load-data-');
    const run = await runCli(['load', dir, '--data-dir', dataDir]);
    expect(run.status).toBe(2);
    const ndjson = path.join(dir, 'orgs.ndjson');
    expect(run.stdout).toContain(`refused  ${ndjson}:3`);
    expect(run.stdout).toMatch(
      /\$\.revenue\[0\]\.customer \(3:\d+\): customer "nobody" is not listed in "customers" \[org\.customer\.unknown\]/,
    );
    for (const id of ['contoso', 'fabrikam', 'n1', 'n2', 'n3']) expect(run.stdout).toMatch(new RegExp(`created  ${id}  `));
    expect(run.stdout).toContain('Loaded 5 of 6 organizations (5 created, 0 replaced)');
    expect(run.stdout).toContain('1 refused');

    const json = await runCli(['load', dir, '--data-dir', dataDir, '--format', 'json']);
    expect(json.status).toBe(2);
    const report = JSON.parse(json.stdout) as {
      summary: { total: number; created: number; replaced: number; refused: number; failed: number };
      organizations: {
        file: string;
        line?: number;
        id: string | null;
        status: string;
        error?: { issues: { code: string; path: string }[] };
      }[];
    };
    expect(report.summary).toMatchObject({ total: 6, created: 0, replaced: 5, refused: 1, failed: 0 });
    const refused = report.organizations.find((o) => o.status === 'refused');
    expect(refused).toMatchObject({ file: ndjson, line: 3, id: null });
    expect(refused?.error?.issues[0]).toMatchObject({ code: 'org.customer.unknown', path: '$.revenue[0].customer' });
  });

  it('refuses the later of two organizations with one id, naming both places, and loads the first', async () => {
    const dir = temporaryDir('attain-load-dup-');
    writeFileSync(path.join(dir, 'one.ndjson'), `${JSON.stringify(document('same'))}\n`);
    writeFileSync(path.join(dir, 'two.json'), JSON.stringify({ ...document('same'), name: 'second' }));
    const dataDir = temporaryDir('attain-load-data-');
    const run = await runCli(['load', path.join(dir, 'one.ndjson'), path.join(dir, 'two.json'), '--data-dir', dataDir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`refused  same  ${path.join(dir, 'two.json')}`);
    expect(run.stdout).toContain(`is already loaded from ${path.join(dir, 'one.ndjson')}:1`);
    expect(run.stdout).toContain('[load.duplicate]');
    expect(run.stdout).toContain('Loaded 1 of 2 organizations');
  });

  it('refuses the later of two organizations listing one individual (MCID), and loads the others of the batch', async () => {
    const dir = temporaryDir('attain-load-mcid-');
    const withMcid = (id: string) => {
      const d = document(id);
      return { ...d, people: [{ ...(d.people as object[])[0], mcid: 'MC-5' }] };
    };
    const lines = [withMcid('first'), document('plain'), withMcid('second')].map((d) => JSON.stringify(d));
    writeFileSync(path.join(dir, 'orgs.ndjson'), `${lines.join('\n')}\n`);
    const dataDir = temporaryDir('attain-load-data-');
    const run = await runCli(['load', path.join(dir, 'orgs.ndjson'), '--data-dir', dataDir]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`refused  second  ${path.join(dir, 'orgs.ndjson')}:3`);
    expect(run.stdout).toContain('the MCID "MC-5" of person "p1" is already in organization "first"');
    expect(run.stdout).toContain('Loaded 2 of 3 organizations (2 created, 0 replaced)');
    // Loaded again later, by itself, it is refused by the store, which names who has the individual.
    writeFileSync(path.join(dir, 'second.json'), lines[2] as string);
    const again = await runCli(['load', path.join(dir, 'second.json'), '--data-dir', dataDir]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('[org.mcid.taken]');
    expect(again.stdout).toContain('"first"');
  });

  it('loads batch after batch of 500 in input order, refusing a bad line and an id of an earlier batch', async () => {
    const dir = temporaryDir('attain-load-many-');
    const ids = Array.from({ length: 1203 }, (_, i) => `org-${i}`);
    // Line 700 is bad and line 1203 repeats the first organization's id: 1,201 organizations in three batches.
    const lines = ids.map((id, i) =>
      JSON.stringify(i === 699 ? document(id, 'nobody') : i === 1202 ? document('org-0') : document(id)),
    );
    const file = path.join(dir, 'many.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const dataDir = temporaryDir('attain-load-data-');
    const run = await runCli(['load', file, '--data-dir', dataDir, '--format', 'json']);
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as {
      summary: { total: number; created: number; refused: number; batches: { batch: number; organizations: number }[] };
      organizations: { line: number; id: string | null; status: string; batch?: number; error?: { code: string } }[];
    };
    expect(report.summary).toMatchObject({ total: 1203, created: 1201, refused: 2 });
    expect(report.summary.batches.map((b) => b.organizations)).toEqual([500, 500, 201]);
    const created = report.organizations.filter((o) => o.status === 'created');
    expect(created.map((o) => o.line)).toEqual(Array.from({ length: 1202 }, (_, i) => i + 1).filter((line) => line !== 700));
    expect(created.map((o) => o.batch)).toEqual(created.map((_, k) => Math.floor(k / 500) + 1));
    const refused = report.organizations.filter((o) => o.status === 'refused');
    expect(refused.map((o) => [o.line, o.error?.code])).toEqual([
      [700, 'org.invalid'],
      [1203, 'load.duplicate'],
    ]);
    const { store } = await openUnderTest({ dataDir });
    try {
      expect((await store.listOrganizations()).length).toBe(1201);
      expect(await store.getOrganization('org-1201')).toEqual(organization(document('org-1201') as { id: string }));
    } finally {
      await store.close();
    }
  }, 90_000);

  it('exits 0 when everything loaded, and 2 with a usage message for no input', async () => {
    const dataDir = temporaryDir('attain-load-data-');
    const run = await runCli(['load', path.join(EXAMPLES, 'contoso-dynamics.json'), '--data-dir', dataDir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Loaded 1 of 1 organizations (1 created, 0 replaced)');
    expect((await runCli(['load', '--data-dir', dataDir])).status).toBe(2);
  });
});

describe('reading NDJSON for a load', () => {
  it('numbers lines as readline does (LF, CRLF, a lone CR), skips blank ones, and joins a line longer than a read', async () => {
    const dir = temporaryDir('attain-load-lines-');
    const file = path.join(dir, 'lines.ndjson');
    // A line of about 2.5 MB: longer than the megabyte read at a time, so it arrives in pieces.
    const long = { ...document('long'), customers: [{ id: 'c1', name: 'x'.repeat(2_500_000), dpor: [] }] };
    const lines = [document('a'), document('b'), '', document('c'), long, '  \t', document('d'), document('e')].map((d) =>
      typeof d === 'string' ? d : JSON.stringify(d),
    );
    // a LF b CRLF (blank) LF c CR long LF (blank) CRLF d LF e, without a final line feed.
    const text = `${lines[0]}\n${lines[1]}\r\n${lines[2]}\n${lines[3]}\r${lines[4]}\n${lines[5]}\r\n${lines[6]}\n${lines[7]}`;
    writeFileSync(file, text);
    const read: { line?: number; id?: string }[] = [];
    for await (const input of readOrganizationInputs([file], PROGRAM_2017_RULES)) {
      expect('organization' in input).toBe(true);
      if ('organization' in input) read.push({ ...input.place, id: input.organization.id });
    }
    expect(read.map((r) => [r.line, r.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [4, 'c'],
      [5, 'long'],
      [7, 'd'],
      [8, 'e'],
    ]);
    // Counted by line feeds: the line that a lone carriage return split counts once.
    expect(await countOrganizations([file])).toBe(5);
  });
});

/** Opens a migrated store keeping its database, so that the tests can count jobs and versions. */
async function openUnderTest(options: OpenStoreOptions) {
  const { db, migrationTableSchema, jobs } = await openStoreDatabase(options);
  await migrateStore(db, migrationTableSchema);
  await migrateJobs(jobs);
  return { store: new SqlStore(db, jobs), db, jobSchema: jobs.schema };
}

function defineLoadContract(name: string, options: () => OpenStoreOptions): void {
  describe(`replaceOrganizations on ${name}`, () => {
    it('reads back what was loaded; loading it again changes nothing but data_version; jobs are queued', async () => {
      const { store, db, jobSchema } = await openUnderTest(options());
      try {
        const examples = await Promise.all(
          ['contoso-dynamics.json', 'fabrikam-ops.yaml'].map((f) => readOrganizationFile(path.join(EXAMPLES, f))),
        );
        const many = Array.from({ length: 7 }, (_, i) =>
          organization({ ...(document(`m${i}`) as { id: string }), fx: { EUR: '1.25' } }),
        );
        const all: Organization[] = [...examples, ...many];
        // Batches of 3: the nine organizations take three transactions.
        const first = await store.replaceOrganizations(all, ACTOR, { batchSize: 3 });
        expect(first.map((o) => o.status)).toEqual(all.map(() => 'created'));
        expect(first.map((o) => ('batch' in o ? o.batch : -1))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
        for (const org of all) expect(await store.getOrganization(org.id)).toEqual(org);
        const before = await snapshot(db);

        const again = await store.replaceOrganizations(all, ACTOR);
        expect(again.map((o) => o.status)).toEqual(all.map(() => 'replaced'));
        for (const org of all) expect(await store.getOrganization(org.id)).toEqual(org);
        const after = await snapshot(db);
        expect(after.rows).toEqual(before.rows);
        expect(after.versions).toEqual(before.versions.map((v) => ({ ...v, data_version: v.data_version + 1 })));

        const audit = await store.auditLog({ limit: 100 });
        expect(audit.filter((a) => a.action === 'org.load')).toHaveLength(2 * all.length);

        // graphile-worker's `jobs` view leaves the payload out; its private tables hold it.
        const jobs = await sql<{ task: string; payload: { orgs: string[] } }>`
          select t.identifier as task, j.payload from ${sql.table(`${jobSchema}._private_jobs`)} j
          join ${sql.table(`${jobSchema}._private_tasks`)} t on t.id = j.task_id`.execute(db);
        const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${jobSchema}.jobs`)}`.execute(db);
        expect(count.rows[0]?.n).toBe(jobs.rows.length);
        expect(jobs.rows.every((j) => j.task === 'evaluate')).toBe(true);
        const queued = jobs.rows.flatMap((j) => j.payload.orgs);
        for (const org of all) expect(queued).toContain(org.id);
      } finally {
        await store.close();
      }
    });

    it('refuses a bad organization and a repeated id without failing the others of their batch', async () => {
      const { store } = await openUnderTest(options());
      try {
        const good = organization(document('good') as { id: string });
        const dangling = { ...good, id: 'dangling', customers: [] };
        const outcomes = await store.replaceOrganizations([good, dangling, good], ACTOR);
        expect(outcomes.map((o) => o.status)).toEqual(['created', 'refused', 'refused']);
        expect(outcomes[1]?.status === 'refused' && outcomes[1].error.code).toBe('store.reference.unknown');
        expect(outcomes[2]?.status === 'refused' && outcomes[2].error.code).toBe('store.organization.duplicate');
        expect(await store.getOrganization('good')).toEqual(good);
        expect(await store.getOrganization('dangling')).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
}

/** Every child row as text, and each organization's version: what a reload may and may not change. */
async function snapshot(db: Kysely<StoreDatabase>) {
  const rows: string[] = [];
  for (const table of ['fx_rates', 'people', 'customers', 'revenue_chunks'] as const) {
    const result = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t order by 1`.execute(db);
    rows.push(...result.rows.map((r) => `${table} ${r.row}`));
  }
  const versions = await sql<{ id: string; name: string | null; data_version: number }>`
    select id, name, data_version::int as data_version from organizations order by id`.execute(db);
  return { rows, versions: versions.rows };
}

defineLoadContract('PGlite', () => ({ dataDir: temporaryDir('attain-load-store-') }));

describe.skipIf(DATABASE_URL === undefined)(postgresTitle('PostgreSQL'), () => {
  defineLoadContract('PostgreSQL', () => {
    const schema = `attain_load_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
    schemas.push(schema);
    return { databaseUrl: DATABASE_URL as string, schema };
  });
});
