/**
 * How fast an import is planned: a 100,000-row revenue file, in each format a partner would send it. Exported for
 * bench/run-benchmarks.ts; also runs on its own:
 *
 *   tsx bench/import-parse-bench.ts [--rows 100000] [--runs 5]
 *
 * Each case times `planImport` on text already in memory (reading the file is the caller's), into an organization
 * that has the customers the rows name: first into one without the rows, then again into the result, which must
 * change nothing (the idempotent re-import, where every row is matched against 100,000 existing records).
 */
import { parseArgs } from 'node:util';
import type { Catalog } from '../src/catalog/catalog-types.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { Decimal } from '../src/core/decimal.js';
import type { Organization } from '../src/engine/organization.js';
import type { ImportKind } from '../src/importers/import-kinds.js';
import { planImport } from '../src/importers/plan-import.js';
import { mulberry32 } from './generate-organization.js';

export interface ImportBenchCase {
  readonly name: string;
  readonly kind: ImportKind;
  readonly rows: number;
  readonly bytes: number;
  /** Milliseconds per plan, median and fastest of the runs. */
  readonly firstImport: { readonly medianMs: number; readonly minMs: number };
  readonly reimport: { readonly medianMs: number; readonly minMs: number };
  readonly rowsPerSecond: number;
  /**
   * The same text split into lines and fields (`split`), or `JSON.parse`d, timed alongside: the least any import
   * does. Shared machines vary several-fold from minute to minute; the ratio does not.
   */
  readonly baseline: { readonly medianMs: number; readonly minMs: number };
  readonly ratioToBaseline: number;
}

export interface ImportBenchOptions {
  readonly rows?: number;
  readonly runs?: number;
  readonly seed?: number;
  /** The implementation to time; the sources by default, or the compiled library's. */
  readonly planImport?: typeof planImport;
  readonly catalog?: Catalog;
}

const CUSTOMERS = 500;
const PRODUCTS = ['crm-online', 'd365-plan-1', 'd365-customer-engagement-plan', 'Dynamics 365 for Sales', 'd365-enterprise-plan'];
const EXPORT_PRODUCTS = [
  'Dynamics 365 for Sales',
  'Microsoft Dynamics CRM Online',
  'Dynamics 365 Customer Engagement Plan',
  'Office 365',
];
const ATTRIBUTIONS = ['DPOR', 'DPOR', 'DPOR', 'CSP T1', 'PAL'];

/** The organization the rows are imported into: the customers they name, with an open DPOR period, and a EUR rate. */
export function benchOrganization(): Organization {
  return {
    id: 'bench',
    name: 'Bench',
    market: 'developed',
    country: null,
    people: [],
    customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `c${i}`,
      name: `Customer ${i}`,
      dpor: [{ from: 0, to: null }],
    })),
    revenue: [],
    subscriptions: [],
    consumption: [],
    devices: [],
    fx: new Map([['EUR', Decimal.parse('1.1993') as Decimal]]),
  };
}

/** An attain revenue CSV: `customer_id,product,date,amount,currency,net_new`. */
export function revenueCsv(rows: number, seed = 1): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const lines = ['customer_id,product,date,amount,currency,net_new'];
  for (let i = 0; i < rows; i++) {
    const month = 1 + Math.floor(random() * 12);
    const date = `2017-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const amount = (Math.floor(random() * 10_000_000) / 100).toFixed(2);
    lines.push(
      `c${Math.floor(random() * CUSTOMERS)},${pick(PRODUCTS)},${date},${amount},${random() < 0.9 ? 'USD' : 'EUR'},${random() < 0.8}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A Partner Center "Customers and revenue" export with the same number of rows. */
export function partnerCenterRevenueCsv(rows: number, seed = 1): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const lines = [
    'PGAMpnID,CustomerName,CustomerTenantId,CustomerMarket,CustomerTenantCountry,Product,RawProductName,SKU,Month,MPNId,PartnerName,PartnerLocation,PartnerAttributionType,SalesChannel,BilledRevenueUSD',
  ];
  for (let i = 0; i < rows; i++) {
    const customer = Math.floor(random() * CUSTOMERS);
    const tenant = `${customer.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const month = `2017-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    const amount = (Math.floor(random() * 10_000_000) / 100 - 5000).toFixed(2);
    const product = pick(EXPORT_PRODUCTS);
    lines.push(
      `4213371,"Customer ${customer}, Ltd.",${tenant},TW,TW,${product},${product},SKU,${month},4213380,"Contoso, Ltd.",Taipei,${pick(ATTRIBUTIONS)},Direct,${amount}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The same records as a JSON array of the organization file's revenue records. */
export function revenueJson(rows: number, seed = 1): string {
  const [, ...lines] = revenueCsv(rows, seed).trimEnd().split('\n');
  const records = lines.map((line) => {
    const [customer, product, date, amount, currency, netNew] = line.split(',');
    return { customer, product, date, amount, currency, netNew: netNew === 'true' };
  });
  return JSON.stringify(records);
}

/** Times planning each format; throws when a re-import would change anything, since then it measured the wrong thing. */
export async function runImportParseBench(options: ImportBenchOptions = {}): Promise<readonly ImportBenchCase[]> {
  const rows = options.rows ?? 100_000;
  const runs = options.runs ?? 5;
  const plan = options.planImport ?? planImport;
  const catalog = options.catalog ?? (await loadShippedCatalog());
  const splitFields = (text: string) => text.split('\n').map((line) => line.split(','));
  const cases: readonly [string, ImportKind, string, (text: string) => unknown][] = [
    ['revenue CSV', 'revenue', revenueCsv(rows, options.seed), splitFields],
    ['Partner Center revenue export', 'partner-center-revenue', partnerCenterRevenueCsv(rows, options.seed), splitFields],
    ['revenue JSON records', 'revenue', revenueJson(rows, options.seed), JSON.parse],
  ];
  const results: ImportBenchCase[] = [];
  for (const [name, kind, text, least] of cases) {
    const existing = benchOrganization();
    const baseline = time(runs, () => least(text));
    // The export names Office 365, which no requirement counts: left out, as a partner imports such an export.
    const skipInvalid = kind === 'partner-center-revenue';
    const first = time(runs, () => plan({ existing, orgId: 'bench', text, catalog, skipInvalid }));
    if (first.result.kind !== kind) throw new Error(`${name} was read as ${first.result.kind}`);
    const imported = first.result.organization;
    const again = time(runs, () => plan({ existing: imported, orgId: 'bench', text, catalog, skipInvalid }));
    if (again.result.changed) throw new Error(`importing the ${name} again changed the organization`);
    results.push({
      name,
      kind,
      rows,
      bytes: Buffer.byteLength(text),
      firstImport: first.stats,
      reimport: again.stats,
      rowsPerSecond: Math.round(rows / (first.stats.medianMs / 1000)),
      baseline: baseline.stats,
      ratioToBaseline: Math.round((first.stats.medianMs / baseline.stats.medianMs) * 10) / 10,
    });
  }
  return results;
}

function time<T>(runs: number, task: () => T): { result: T; stats: { medianMs: number; minMs: number } } {
  let result = task(); // warm-up, and the result to check
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = task();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const medianMs = samples[Math.floor(samples.length / 2)] as number;
  return { result, stats: { medianMs: round(medianMs), minMs: round(samples[0] as number) } };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, runs: { type: 'string' } } });
  const results = await runImportParseBench({
    ...(values.rows && { rows: Number(values.rows) }),
    ...(values.runs && { runs: Number(values.runs) }),
  });
  for (const r of results) {
    process.stdout.write(
      `${r.name}: ${r.rows.toLocaleString('en')} rows (${(r.bytes / 1e6).toFixed(1)} MB): first import ${r.firstImport.medianMs} ms (min ${r.firstImport.minMs}), re-import ${r.reimport.medianMs} ms (min ${r.reimport.minMs}), ${r.rowsPerSecond.toLocaleString('en')} rows/s; baseline ${r.baseline.medianMs} ms, ${r.ratioToBaseline}×\n`,
    );
  }
}
