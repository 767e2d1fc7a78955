import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawCatalog } from '../src/catalog/catalog-schema.js';
import type { Catalog } from '../src/catalog/catalog-types.js';
import { compileCatalog } from '../src/catalog/compile-catalog.js';
import { loadShippedCatalog, shippedCatalogBuild } from '../src/catalog/shipped-catalog.js';
import { type Day, parseDay } from '../src/core/day.js';
import type { Organization } from '../src/engine/organization.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { reevaluate } from '../src/jobs/reevaluate.js';
import { runToCompletion } from '../src/jobs/run-to-completion.js';
import { evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import { enqueueEvaluations } from '../src/store/enqueue-evaluations.js';
import { type EvaluationWrite, SORTS } from '../src/store/program-store.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { organization as randomOrganization } from './arbitraries.js';
import { jobStoreBackends } from './job-store-backends.js';

// The PostgreSQL half runs when ATTAIN_TEST_DATABASE_URL is set (npm test sets it; it fails a run where it did not).
const SYSTEM = { kind: 'system', id: 'test' } as const;
const AS_OF = '2018-03-31';

let catalog: Catalog;
let draft: RawCatalog;
beforeAll(async () => {
  catalog = await loadShippedCatalog();
  // The draft an operator would try: Cloud CRM Gold needs US$600,000 instead of US$300,000.
  const raw = JSON.parse(readFileSync(shippedCatalogBuild('mpn-2017'), 'utf8')) as RawCatalog;
  draft = JSON.parse(JSON.stringify(raw).replaceAll('"developed":300000', '"developed":600000')) as RawCatalog;
  expect(JSON.stringify(draft)).not.toBe(JSON.stringify(raw));
});

/** Random organizations with distinct ids, in the file format's shape parsed for the store. */
function organizations(seed: number, count: number): Organization[] {
  const documents = fc.sample(randomOrganization, { seed, numRuns: count });
  return documents.map((d, i) => parseOrganization({ ...d, id: `org-${String(i).padStart(3, '0')}` }, 'USD'));
}

async function statusesOf(c: Catalog, organization: Organization, asOf: string) {
  const evaluation = await evaluateJointly(c, organization, { asOf: parseDay(asOf) as Day });
  return new Map(evaluation.results.map((r) => [`${r.competency}/${r.option}/${r.level}`, r.status]));
}

async function jobCount(store: SqlStore): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${store.jobs.schema}.jobs`)}`.execute(
    store.db,
  );
  return result.rows[0]?.n ?? 0;
}

const backends = jobStoreBackends('jobs', 'the job engine');

describe.each(backends)('the program on the job engine (%s)', (name, open) => {
  let store: SqlStore;
  let dispose: () => Promise<void>;
  const orgs = () => organizations(7, 24);
  beforeAll(async () => {
    ({ store, dispose } = await open());
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await dispose();
  }, 60_000);

  it("queues a write's re-evaluation in the write's transaction: rolled back, no job", async () => {
    const before = await jobCount(store);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await enqueueEvaluations(trx, store.jobs.schema, ['nobody']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await jobCount(store)).toBe(before);
    const [first] = orgs();
    await store.replaceOrganization(first as Organization, SYSTEM);
    await store.replaceOrganization(first as Organization, SYSTEM);
    // Two writes of one organization fold into one keyed job.
    expect(await jobCount(store)).toBe(before + 1);
    // Not evaluated yet: the list says so rather than "holds nothing".
    expect((await store.listOrganizations()).find((s) => s.id === first?.id)?.held).toBeNull();
  }, 60_000);

  it("a run stores every organization's standing, and the operator's query agrees with evaluating each one", async () => {
    const all = orgs();
    for (const o of all) await store.replaceOrganization(o, SYSTEM);
    const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    const queued = await store.program.startRun({ kind: 'run', asOf: AS_OF, catalog: rules.fingerprint });
    const run = await runToCompletion(store, rules, queued.id);
    expect(run).toMatchObject({ total: all.length, done: all.length, failed: 0 });
    expect(await store.program.programAsOf()).toBe(AS_OF);
    const page = await store.program.page({ limit: 1000 });
    expect(page.total).toBe(all.length);
    for (const o of all) {
      const expected = await statusesOf(catalog, o, AS_OF);
      const row = page.rows.find((r) => r.id === o.id);
      expect(new Map(row?.levels.map((l) => [`${l.competency}/${l.option}/${l.level}`, l.status]))).toEqual(expected);
    }
    // Filters are answered by the query, and agree with the rows.
    const gold = 'cloud-crm/reseller/gold';
    const attained = await store.program.page({ level: gold, status: 'attained', limit: 1000 });
    const direct = [];
    for (const o of all) if ((await statusesOf(catalog, o, AS_OF)).get(gold) === 'attained') direct.push(o.id);
    expect(attained.rows.map((r) => r.id).sort()).toEqual(direct.sort());
    const counts = await store.program.counts();
    expect(counts.find((c) => `${c.competency}/${c.option}/${c.level}` === gold)?.attained).toBe(direct.length);
    const csv = await store.program.exportRows({ level: gold, status: 'attained' });
    expect(csv.map((r) => r.id).sort()).toEqual(direct.sort());
    // The organizations list says which levels each holds, from the same stored standings (issue 15).
    const list = await store.listOrganizations();
    for (const o of all) {
      const held = list.find((s) => s.id === o.id)?.held;
      const expected = [...(await statusesOf(catalog, o, AS_OF))].filter(([, status]) => status === 'attained');
      expect(held?.asOf).toBe(AS_OF);
      expect(held?.levels.map((l) => `${l.competency}/${l.option}/${l.level}`).sort()).toEqual(expected.map(([k]) => k).sort());
    }
    // The run's last job left fresh statistics for the operator's queries, and on PGlite, which has no autovacuum,
    // a vacuumed table (the visibility map its index-only scans need).
    const { rows } = await sql<{ reltuples: number; relallvisible: number }>`
      select reltuples, relallvisible from pg_class where relname = 'standings' and relnamespace = current_schema()::regnamespace`.execute(
      store.db,
    );
    expect(rows[0]?.reltuples).toBeGreaterThan(0);
    if (name === 'PGlite') expect(rows[0]?.relallvisible).toBeGreaterThan(0);
    // Every organization has its first transitions.
    const transitions = await store.program.transitions(all[0]?.id as string);
    expect(transitions.length).toBeGreaterThan(0);
    expect(transitions.every((t) => t.cause.kind === 'first')).toBe(true);
  }, 120_000);

  it("sorts the operator's page on the server as the stored rows say, ascending and descending", async () => {
    // Contoso's Cloud CRM Gold is at risk (lost on 2018-04-30), so the at-risk sort has a date to sort by.
    const contoso = await readOrganizationFile(
      fileURLToPath(new URL('../examples/contoso-dynamics.json', import.meta.url)),
      'USD',
    );
    await store.replaceOrganization(contoso, SYSTEM);
    const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    await runToCompletion(
      store,
      rules,
      (await store.program.startRun({ kind: 'run', asOf: AS_OF, catalog: rules.fingerprint })).id,
    );
    const all = (await store.program.page({ limit: 1000 })).rows;
    const firstAtRisk = (r: (typeof all)[number]) => r.levels.flatMap((l) => l.atRisk ?? []).sort()[0] ?? null;
    const keys: Record<(typeof SORTS)[number], (r: (typeof all)[number]) => string | number | null> = {
      id: (r) => r.id,
      name: (r) => r.name ?? r.id,
      market: (r) => r.market,
      attained: (r) => r.attained,
      'at-risk': firstAtRisk,
    };
    expect(all.some((r) => firstAtRisk(r) !== null)).toBe(true);
    for (const sort of SORTS) {
      for (const descending of [false, true]) {
        const key = keys[sort];
        // Nulls last either way; the id breaks ties in the same direction.
        const expected = [...all].sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return (x < y ? -1 : 1) * (descending ? -1 : 1);
          }
          return (a.id < b.id ? -1 : 1) * (descending ? -1 : 1);
        });
        const page = await store.program.page({ sort, descending, limit: 1000 });
        expect(
          page.rows.map((r) => r.id),
          `${sort}${descending ? ' desc' : ''}`,
        ).toEqual(expected.map((r) => r.id));
      }
    }
  }, 60_000);

  it('the impact of a draft catalog equals evaluating both catalogs directly', async () => {
    // Contoso holds Cloud CRM Gold with US$321,729.25: the draft's US$600,000 takes it away.
    const contoso = await readOrganizationFile(
      fileURLToPath(new URL('../examples/contoso-dynamics.json', import.meta.url)),
      'USD',
    );
    await store.replaceOrganization(contoso, SYSTEM);
    const all = [...orgs(), contoso];
    const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    const queued = await store.program.startRun({
      kind: 'impact',
      asOf: AS_OF,
      catalog: rules.fingerprint,
      draft,
      draftName: 'draft.yaml',
    });
    const run = await runToCompletion(store, rules, queued.id);
    expect(run.finishedAt).not.toBeNull();
    const changes = await store.program.impactChanges(run.id);
    const compiled = compileCatalog(draft);
    const expected = [];
    for (const o of all) {
      const [before, after] = [await statusesOf(catalog, o, AS_OF), await statusesOf(compiled, o, AS_OF)];
      for (const [key, status] of before) {
        if (after.get(key) !== status) expected.push(`${o.id} ${key} ${status} ${after.get(key)}`);
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(changes.map((c) => `${c.org} ${c.competency}/${c.option}/${c.level} ${c.before} ${c.after}`).sort()).toEqual(
      expected.sort(),
    );
  }, 120_000);

  it("a run after a bulk load evaluates each organization once; an award makes its organization's evaluation due again", async () => {
    const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    const loaded = orgs()
      .slice(0, 6)
      .map((o, k) => ({ ...o, id: `once-${k}` }));
    // The load queues their evaluations; the run starts before any worker took them.
    await store.replaceOrganizations(loaded, SYSTEM);
    const queued = await store.program.startRun({ kind: 'run', asOf: AS_OF, catalog: rules.fingerprint });
    expect(await runToCompletion(store, rules, queued.id)).toMatchObject({ failed: 0 });
    const ids = loaded.map((o) => o.id);
    for (const id of ids) expect([id, (await store.program.evaluation(id))?.revision]).toEqual([id, 1]);
    expect(await store.program.alreadyEvaluated(ids, rules.fingerprint, AS_OF)).toEqual(new Set(ids));
    await store.program.recordAward('once-0', { competency: 'cloud-crm', option: 'reseller', level: 'silver' }, AS_OF, SYSTEM);
    expect(await store.program.alreadyEvaluated(ids, rules.fingerprint, AS_OF)).toEqual(new Set(ids.slice(1)));
    expect(await store.program.alreadyEvaluated(ids, 'another catalog', AS_OF)).toEqual(new Set());
    for (const id of ids) await store.deleteOrganization(id, SYSTEM);
  }, 120_000);

  it("counts a run's job once, even when it is done again after its process died between counting it and its end", async () => {
    const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    const queued = await store.program.startRun({ kind: 'run', asOf: '2018-01-31', catalog: rules.fingerprint });
    const total = await store.runs.expand(queued.id);
    expect(total).toBeGreaterThan(1);
    expect(await store.runs.advance(queued.id, 'first-org', 1, 0)).toBe(false);
    // The same job again: not counted, and it cannot close the run early.
    expect(await store.runs.advance(queued.id, 'first-org', 1, 0)).toBe(false);
    expect(await store.program.run(queued.id)).toMatchObject({ done: 1, finishedAt: null });
    expect(await store.runs.advance(queued.id, 'second-org', total - 1, 0)).toBe(true);
    expect(await store.program.run(queued.id)).toMatchObject({ done: total });
    // The jobs expand queued are not needed any more.
    await sql`delete from ${sql.table(`${store.jobs.schema}._private_jobs`)}`.execute(store.db);
  }, 60_000);

  it('writes evaluations a batch at once, refusing only those another job wrote since they were read', async () => {
    const rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    const ids = ['batch-a', 'batch-b', 'batch-c'];
    const [a, b, c] = ids as [string, string, string];
    for (const [k, o] of orgs().slice(0, 3).entries()) await store.replaceOrganization({ ...o, id: ids[k] as string }, SYSTEM);
    const compute = async (list: readonly string[]) =>
      Promise.all(
        (await store.program.readForEvaluation(list)).map((input) => reevaluate(rules, input, parseDay(AS_OF) as Day, null)),
      );
    const revision = async (id: string) => (await store.program.evaluation(id))?.revision;
    const levels = async (id: string) => (await store.program.evaluation(id))?.levels.length ?? 0;

    // First evaluations: another job wrote b's in between, and c was deleted (nothing to write, nothing to retry).
    let writes = await compute(ids);
    expect(await store.program.writeEvaluations([writes[1] as EvaluationWrite])).toEqual([true]);
    await store.deleteOrganization(c, SYSTEM);
    expect(await store.program.writeEvaluations(writes)).toEqual([true, false, true]);
    expect([await revision(a), await revision(b), await revision(c)]).toEqual([1, 1, undefined]);
    expect(await levels(a)).toBe(writes[0]?.outcome.kind === 'ok' ? writes[0].outcome.standing.levels.length : -1);
    expect(await levels(a)).toBeGreaterThan(0);

    // Later evaluations replace a revision: b's was written in between again, and a's lands whole.
    writes = await compute([a, b]);
    expect(await store.program.writeEvaluations([writes[1] as EvaluationWrite])).toEqual([true]);
    expect(await store.program.writeEvaluations(writes)).toEqual([true, false]);
    expect([await revision(a), await revision(b)]).toEqual([2, 2]);
    expect(await levels(a)).toBe(writes[0]?.outcome.kind === 'ok' ? writes[0].outcome.standing.levels.length : -1);
    for (const id of [a, b]) await store.deleteOrganization(id, SYSTEM);
  }, 60_000);
});
