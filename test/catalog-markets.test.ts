import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogFile } from '../src/catalog/load-catalog.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { AttainError } from '../src/core/attain-error.js';
import { parseDay } from '../src/core/day.js';
import { evaluate } from '../src/engine/evaluate.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { organizationRules, parseOrganization as parseWithLibrary } from '../src/index.js';
import { createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'attain-markets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shipped catalog with its markets renamed: the same rules, thresholds and all, under other market names. */
const TIERS = path.join(dir, 'tiers.yaml');
writeFileSync(
  TIERS,
  readFileSync('catalogs/mpn-2017.yaml', 'utf8')
    .replace(/^id: mpn-2017$/m, 'id: tiers')
    .replaceAll('developing', 'tier-2')
    .replaceAll('developed', 'tier-1'),
);
const tiers = await loadCatalogFile(TIERS);
const shipped = await loadShippedCatalog();

/** An example organization file, in the tier catalog's first market. */
function inTier(example: string, id: string, market = 'tier-1'): string {
  const document = JSON.parse(readFileSync(example, 'utf8'));
  const file = path.join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ ...document, id, market }));
  return file;
}
const CONTOSO = 'examples/contoso-dynamics.json';
const asOf = '2018-03-31';

function refusal(run: () => unknown): AttainError {
  try {
    run();
  } catch (error) {
    if (error instanceof AttainError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('an organization names one of its catalog’s markets', () => {
  it('is read by the catalog’s markets, and refused outside them with the catalog’s markets listed', () => {
    const document = JSON.parse(readFileSync(CONTOSO, 'utf8'));
    expect(parseOrganization({ ...document, market: 'tier-2' }, tiers).market).toBe('tier-2');
    const error = refusal(() => parseOrganization(document, tiers));
    expect(error.code).toBe('org.invalid');
    expect(error.issues).toEqual([
      { code: 'org.enum', path: '$.market', params: { expected: 'tier-1|tier-2', actual: 'developed' } },
    ]);
  });

  it('is read by the 2017 program’s markets when the caller names no catalog, or only a currency', () => {
    const document = JSON.parse(readFileSync(CONTOSO, 'utf8'));
    expect(parseOrganization(document).market).toBe('developed');
    expect(parseOrganization(document, 'USD').market).toBe('developed');
    // The package's own export, given a catalog's rules as plain data.
    expect(parseWithLibrary({ ...document, market: 'tier-1' }, organizationRules(tiers)).market).toBe('tier-1');
    for (const run of [
      () => parseOrganization({ ...document, market: 'tier-1' }),
      () => parseOrganization({ ...document, market: 'tier-1' }, 'USD'),
    ]) {
      expect(refusal(run).issues[0]).toEqual({
        code: 'org.enum',
        path: '$.market',
        params: { expected: 'developed|developing', actual: 'tier-1' },
      });
    }
  });

  it('means in a renamed market what it means in the shipped one', async () => {
    const inTiers = evaluate(tiers, await readOrganizationFile(inTier(CONTOSO, 'contoso'), tiers), {
      asOf: parseDay(asOf) as number,
    });
    const inShipped = evaluate(shipped, await readOrganizationFile(CONTOSO), { asOf: parseDay(asOf) as number });
    expect(inTiers.market).toBe('tier-1');
    const statuses = (e: typeof inTiers) => e.results.map((r) => `${r.competency}/${r.option}/${r.level} ${r.status}`);
    expect(statuses(inTiers)).toEqual(statuses(inShipped));
    expect(inTiers.results.some((r) => r.attained)).toBe(true);
  });
});

describe('attain with a catalog that declares other markets', () => {
  it('evaluates an organization in one of them, and refuses one in a market the catalog does not declare', async () => {
    const run = await runCli(['evaluate', inTier(CONTOSO, 'cli-ok'), '--catalog', TIERS, '--as-of', asOf, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const evaluation = JSON.parse(run.stdout);
    expect(evaluation.market).toBe('tier-1');
    expect(evaluation.results.filter((r: { attained: boolean }) => r.attained).length).toBeGreaterThan(0);

    const refused = await runCli(['evaluate', CONTOSO, '--catalog', TIERS, '--as-of', asOf]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('[org.enum]');
    expect(refused.stderr).toContain('tier-1|tier-2');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('loads organizations of those markets into the store, which gives them back as they were', async () => {
    const dataDir = path.join(dir, 'store');
    const files = [inTier(CONTOSO, 'load-1'), inTier('examples/contoso-dynamics.json', 'load-2', 'tier-2')];
    const load = await runCli(['load', ...files, '--catalog', TIERS, '--data-dir', dataDir]);
    expect(load.stderr).toBe('');
    expect(load.status).toBe(0);
    const stored = await runCli([
      'evaluate',
      '--org',
      'load-2',
      '--catalog',
      TIERS,
      '--data-dir',
      dataDir,
      '--as-of',
      asOf,
      '--format',
      'json',
    ]);
    expect(stored.status).toBe(0);
    expect(JSON.parse(stored.stdout).market).toBe('tier-2');
    // Records imported into an organization of such a market, and an organization file of one imported whole.
    const people = path.join(dir, 'people.json');
    writeFileSync(people, JSON.stringify([{ id: 'p9', exams: [{ exam: 'MB2-714', passed: '2017-05-01' }] }]));
    const records = await runCli(['import', people, '--org', 'load-2', '--catalog', TIERS, '--data-dir', dataDir]);
    expect(records.stderr).toBe('');
    expect(records.status).toBe(0);
    // Records checked for an organization stored under another catalog, whose market this one does not declare.
    expect((await runCli(['load', CONTOSO, '--data-dir', dataDir])).status).toBe(0);
    const other = await runCli(['import', people, '--org', 'contoso', '--catalog', TIERS, '--data-dir', dataDir]);
    expect(other.stderr).toBe('');
    expect(other.status).toBe(0);
    const whole = await runCli([
      'import',
      inTier(CONTOSO, 'load-3', 'tier-2'),
      '--org',
      'load-3',
      '--catalog',
      TIERS,
      '--data-dir',
      dataDir,
    ]);
    expect(whole.stderr).toBe('');
    expect(whole.status).toBe(0);
    const imported = await runCli(['evaluate', '--org', 'load-3', '--catalog', TIERS, '--data-dir', dataDir, '--format', 'json']);
    expect(JSON.parse(imported.stdout).market).toBe('tier-2');
    // Refused on the way in with the catalog's markets, before anything is written.
    const refused = await runCli(['load', CONTOSO, '--catalog', TIERS, '--data-dir', dataDir]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('tier-1|tier-2');
  }, 60_000);
});

describe('the API with a catalog that declares other markets', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let secret = '';
  beforeAll(async () => {
    store = await openStore({ dataDir: path.join(dir, 'api') });
    secret = (await store.createToken({ role: 'admin', org: null }, { kind: 'system', id: 'test' })).secret;
    // The compute threads load the catalog file themselves and read organizations by its markets.
    app = createApp({ store, catalog: tiers, catalogSource: { file: TIERS } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });
  const call = (route: string, init: RequestInit = {}) =>
    app.request(route, { ...init, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' } });

  it('stores an organization of one of them with PUT and POST, evaluates it, and refuses other markets', async () => {
    const document = JSON.parse(readFileSync(CONTOSO, 'utf8'));
    const put = await call('/api/orgs/api-1', {
      method: 'PUT',
      body: JSON.stringify({ ...document, id: 'api-1', market: 'tier-1' }),
    });
    expect(put.status, await put.clone().text()).toBeLessThan(300);
    const post = await call('/api/orgs', {
      method: 'POST',
      body: JSON.stringify({
        organizations: [
          { ...document, id: 'api-2', market: 'tier-2' },
          { ...document, id: 'api-3' },
        ],
      }),
    });
    expect(post.status).toBeLessThan(300);
    const outcomes = ((await post.json()) as { outcomes: { status: string; error?: { issues: unknown[] } }[] }).outcomes;
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'refused']);
    expect(outcomes[1]?.error?.issues).toEqual([
      expect.objectContaining({ code: 'org.enum', path: '$.market', params: { expected: 'tier-1|tier-2', actual: 'developed' } }),
    ]);

    const evaluation = await call(`/api/orgs/api-1/evaluation?asOf=${asOf}`);
    expect(evaluation.status).toBe(200);
    const body = (await evaluation.json()) as { market: string; results: { attained: boolean }[] };
    expect(body.market).toBe('tier-1');
    expect(body.results.some((r) => r.attained)).toBe(true);

    const refused = await call('/api/orgs/api-4', { method: 'PUT', body: JSON.stringify({ ...document, id: 'api-4' }) });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('tier-1|tier-2');
  }, 60_000);
});
