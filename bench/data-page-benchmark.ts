/**
 * The data page's transfer on a large organization (issue 15, item 8), run by `npm run bench`: what the dashboard's
 * data page downloaded before it asked for pages (the organization file and its evaluation) against what it asks for
 * now (one page of people with what does not count), in bytes as sent (gzip, as a browser asks) and uncompressed, and
 * the time to answer, on the real app over PGlite. Also a revenue page deep in the file and one filtered and sorted,
 * the requests that read most of the revenue. `tsx bench/data-page-benchmark.ts` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOrganization } from './generate-organization.js';
import { median, round } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const AS_OF = '2018-03-31';
const ROUNDS = 5;

export interface TransferResult {
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Median of warm requests, in ms; the first (cold) apart. */
  readonly ms: number;
  readonly firstMs: number;
}

export interface DataPageResult {
  readonly people: number;
  readonly revenue: number;
  readonly before: TransferResult;
  readonly after: TransferResult;
  readonly deepRevenue: TransferResult;
  readonly filteredRevenue: TransferResult;
  /** After's gzipped bytes as a share of before's. */
  readonly ratio: number;
}

type App = { request(url: string, init?: RequestInit): Promise<Response> | Response; close(): Promise<void> };

export async function benchDataPage(size: { people: number; revenue: number; seed: number }): Promise<DataPageResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attain-data-page-'));
  const load = (module: string) => import(pathToFileURL(path.join(ROOT, 'dist', module)).href);
  const [{ loadShippedCatalog }, { parseOrganization }, { openStore }, { createApp }] = await Promise.all([
    load('catalog/shipped-catalog.js'),
    load('engine/parse-organization.js'),
    load('store/open-store.js'),
    load('server/create-app.js'),
  ]);
  const catalog = await loadShippedCatalog();
  const store = await openStore({ dataDir: path.join(dir, 'data') });
  let app: App | undefined;
  try {
    const organization = parseOrganization(generateOrganization(size), catalog);
    const actor = { kind: 'system', id: 'bench' } as const;
    await store.replaceOrganization(organization, actor);
    const { secret } = await store.createToken({ role: 'admin', org: null }, actor);
    app = createApp({ store, catalog }) as App;
    const org = encodeURIComponent(organization.id);
    const measure = async (urls: readonly string[]): Promise<TransferResult> => {
      const once = async (gzip: boolean) => {
        let bytes = 0;
        const start = performance.now();
        for (const url of urls) {
          const headers = { authorization: `Bearer ${secret}`, ...(gzip && { 'accept-encoding': 'gzip' }) };
          const response = await (app as App).request(url, { headers });
          if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
          bytes += (await response.arrayBuffer()).byteLength;
        }
        return { bytes, ms: performance.now() - start };
      };
      const first = await once(true);
      const warm: number[] = [];
      for (let i = 0; i < ROUNDS; i++) warm.push((await once(true)).ms);
      const plain = await once(false);
      return { bytes: plain.bytes, gzipBytes: first.bytes, ms: round(median(warm), 1), firstMs: round(first.ms, 1) };
    };
    // The new pages first, so that their first request computes what counts itself rather than finding it cached.
    const after = await measure([`/api/orgs/${org}/people?asOf=${AS_OF}&limit=25`]);
    const deepRevenue = await measure([`/api/orgs/${org}/revenue?asOf=${AS_OF}&offset=75000&limit=25`]);
    const filteredRevenue = await measure([`/api/orgs/${org}/revenue?asOf=${AS_OF}&q=2017-11&sort=amount&desc=true&limit=25`]);
    const before = await measure([`/api/orgs/${org}`, `/api/orgs/${org}/evaluation?asOf=${AS_OF}`]);
    return {
      people: size.people,
      revenue: size.revenue,
      before,
      after,
      deepRevenue,
      filteredRevenue,
      ratio: round(after.gzipBytes / before.gzipBytes, 5),
    };
  } finally {
    await app?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table rows `npm run bench` prints: benchmark, result, baseline, ratio, goal, verdict. */
export function dataPageRows(result: DataPageResult): string[][] {
  const kb = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
  const size = `${result.people.toLocaleString('en')} people / ${result.revenue.toLocaleString('en')} records`;
  const shown = (r: TransferResult) => `${kb(r.gzipBytes)} gzip (${kb(r.bytes)}), ${r.ms} ms (first ${r.firstMs} ms)`;
  return [
    [
      `data page: one page of people, ${size}`,
      shown(result.after),
      `file + evaluation: ${shown(result.before)}`,
      `${result.ratio}× bytes`,
      '',
      '',
    ],
    ['data page: revenue page at record 75,000', shown(result.deepRevenue), '', '', '', ''],
    ['data page: revenue filtered and sorted', shown(result.filteredRevenue), '', '', '', ''],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchDataPage({ people: 10_000, revenue: 100_000, seed: 1 });
  for (const row of dataPageRows(result)) process.stdout.write(`${row.filter((cell) => cell).join(' | ')}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
