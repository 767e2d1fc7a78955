import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import type { Evaluation } from '../src/engine/evaluation-types.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import type { Plan } from '../src/planner/plan-types.js';
import { createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

/**
 * The HTTP API on the shipped Data & AI catalog: an organization's evaluation carries its score per metric, its plan
 * the cheapest moves, and /api/catalog the designation the dashboard draws. (What the store keeps of consumption and
 * customer associations is the store's; the score's shape is the same whatever it keeps.)
 */
const catalog = await loadShippedCatalog('data-ai-2022');
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-points-api-'));
let store: Store;
let app: ReturnType<typeof createApp>;
let admin = '';

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(dir, 'data') });
  await store.replaceOrganization(await readOrganizationFile('examples/data-ai-partner.yaml'), SYSTEM);
  admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  const catalogDocument = JSON.parse(readFileSync('dist/catalogs/data-ai-2022.json', 'utf8'));
  app = createApp({ store, catalog, catalogDocument });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (route: string) => {
  const response = await app.request(route, { headers: { authorization: `Bearer ${admin}` } });
  expect(response.status, route).toBe(200);
  return response.json();
};

describe('the API on a points-based catalog', () => {
  it('serves the score per metric, the cheapest moves and the catalog with its points requirement', async () => {
    const evaluation = (await get('/api/orgs/northwind-data/evaluation?asOf=2023-03-15')) as Evaluation;
    const [level] = evaluation.results;
    expect(`${level?.competency}/${level?.option}/${level?.level}`).toBe('data-ai/azure/designation');
    const [score] = level?.requirements ?? [];
    expect(score?.kind).toBe('points');
    if (score?.kind !== 'points') return;
    expect(score.metrics.map((m) => `${m.id}/${m.max}`)).toEqual([
      'net-customer-adds/30',
      'skilling/40',
      'usage-growth/20',
      'deployments/10',
    ]);
    expect(score.passMark).toBe(70);
    const plan = (await get('/api/orgs/northwind-data/plan?asOf=2023-04-01&target=data-ai/azure/designation')) as Plan;
    const [points] = plan.points ?? [];
    expect(points?.requirement).toBe('partner-capability-score');
    expect(points?.reachable).toBe(true);
    expect((points?.score ?? 0) + (points?.gain ?? 0)).toBeGreaterThanOrEqual(70);
    const served = (await get('/api/catalog')) as {
      competencies: { versions: { options: { levels: { requirements: { kind: string }[] }[] }[] }[] }[];
    };
    expect(served.competencies[0]?.versions[0]?.options[0]?.levels[0]?.requirements[0]?.kind).toBe('points');
  });
});
