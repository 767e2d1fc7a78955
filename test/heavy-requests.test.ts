import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganization } from '../bench/generate-organization.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { parseDay } from '../src/core/day.js';
import { parseOrganization } from '../src/engine/parse-organization.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import { evaluateJointly } from '../src/planner/evaluate-jointly.js';
import { planLevel } from '../src/planner/plan-level.js';
import { type AttainApp, createApp } from '../src/server/create-app.js';
import { atRiskReport, forecastReport } from '../src/service/forecast-report.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

// Heavy requests run on worker threads (src/server/compute), which run the build: `npm test` builds first.
const catalog = await loadShippedCatalog();
const SYSTEM = { kind: 'system', id: 'test' } as const;
const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-heavy-'));
const CAPPED_PLAN =
  '/api/orgs/large/plan?target=cloud-business-applications/enterprise-customer-engagement/gold&asOf=2016-06-30&maxExamsPerPerson=2';
const large = parseOrganization(
  { ...generateOrganization({ people: 10_000, revenue: 20_000, seed: 42 }), id: 'large' },
  catalog.currency,
);
let store: Store;
let app: AttainApp;
let admin = '';

beforeAll(async () => {
  store = await openStore({ dataDir: path.join(dir, 'data') });
  await store.replaceOrganization(large, SYSTEM);
  await store.replaceOrganization(await readOrganizationFile('examples/contoso-dynamics.json'), SYSTEM);
  admin = (await store.createToken({ role: 'admin', org: null }, SYSTEM)).secret;
  const catalogDocument = JSON.parse(readFileSync('dist/catalogs/mpn-2017.json', 'utf8'));
  app = createApp({ store, catalog, catalogDocument, cacheMs: 0 });
}, 120_000);

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (target: AttainApp, route: string) => target.request(route, { headers: { authorization: `Bearer ${admin}` } });

/** Asks for health one request after another until `until()` and at least `times` times; each answer's time in ms. */
async function pollHealth(times: number, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (latencies.length < times || !until()) {
    const start = performance.now();
    const response = await app.request('/api/health');
    latencies.push(performance.now() - start);
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

describe('heavy requests run off the event loop', () => {
  it('health answers within 100 ms, every time, while a capped plan and an evaluation of 10,000 people run', async () => {
    await get(app, '/api/orgs/contoso/evaluation?asOf=2018-03-31'); // starts the thread and loads the catalog, untimed
    let done = false;
    let during = 0;
    const heavy = Promise.all([
      get(app, CAPPED_PLAN),
      get(app, '/api/orgs/large/evaluation?asOf=2018-03-31'),
      get(app, '/api/orgs/large/forecast?from=2018-03-31&to=2019-03-31'),
    ]).finally(() => {
      done = true;
    });
    const latencies = await pollHealth(20, () => {
      if (!done) during += 1;
      return done;
    });
    const responses = await heavy;
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(Math.max(...latencies)).toBeLessThan(100);
    // Most answers came while the heavy requests ran; otherwise this would prove nothing.
    expect(during).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('past its time limit a request gets 503 compute.timeout, and the server keeps answering', async () => {
    const hasty = createApp({ store, catalog, catalogSource: { shipped: catalog.id }, timeLimits: { plan: 1, evaluate: 1 } });
    try {
      for (const route of [CAPPED_PLAN, '/api/orgs/large/evaluation?asOf=2018-03-31']) {
        const response = await get(hasty, route);
        expect(response.status).toBe(503);
        const body = (await response.json()) as { error: { code: string; message: string; issues: { message: string }[] } };
        expect(body.error.code).toBe('compute.timeout');
        expect(body.error.issues[0]?.message).toMatch(/longer than the server allows/);
        expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
      }
      expect((await hasty.request('/api/health')).status).toBe(200);
      // The aborted thread was ended; the pool starts another for what comes next.
      expect((await get(hasty, '/api/orgs/contoso/forecast?from=2018-03-31&to=2018-06-30')).status).toBe(200);
    } finally {
      await hasty.close();
    }
  }, 60_000);

  it('answers exactly what the library computes in-process', async () => {
    const asOf = parseDay('2016-06-30') as number;
    const from = parseDay('2018-03-31') as number;
    const text = async (route: string) => {
      const response = await get(app, route);
      expect(response.status).toBe(200);
      return await response.text();
    };
    expect(await text(CAPPED_PLAN)).toBe(
      JSON.stringify(
        await planLevel(catalog, large, 'cloud-business-applications/enterprise-customer-engagement/gold', {
          asOf,
          maxExamsPerPerson: 2,
          exclude: [],
          noHire: false,
        }),
      ),
    );
    expect(await text('/api/orgs/large/evaluation?asOf=2016-06-30')).toBe(
      JSON.stringify(await evaluateJointly(catalog, large, { asOf })),
    );
    const range = { from, to: from + 365 };
    expect(await text('/api/orgs/large/forecast?from=2018-03-31&to=2019-03-31&lang=ko-KR')).toBe(
      JSON.stringify((await forecastReport(catalog, large, range, 'ko-KR')).report),
    );
    expect(await text('/api/orgs/large/forecast?from=2018-03-31&atRisk=365')).toBe(
      JSON.stringify(await atRiskReport(catalog, large, range, 'en')),
    );
  }, 120_000);

  it('an error of the request itself comes back as the same coded error', async () => {
    const response = await get(app, '/api/orgs/large/plan?target=nope/nope/gold');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('plan.unknown-target');
  });
});
