import type { Day } from '../../core/day.js';
import type { Period, RevenueRecord } from '../../engine/organization.js';
import { parseAmount } from '../cell-values.js';
import { type ColumnSpec, type CsvSheet, columnKey } from '../csv-sheet.js';
import type { SkippedRow } from '../import-plan.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { ProductResolver } from '../product-names.js';
import { acceptedCurrencies } from './revenue-csv.js';

/** Partner Center Insights "Customers and revenue" export; only the columns read are required. */
export const PARTNER_CENTER_REVENUE_COLUMNS: ColumnSpec = {
  required: ['CustomerTenantId', 'CustomerName', 'Product', 'Month', 'PartnerAttributionType', 'BilledRevenueUSD'],
  optional: [
    'PGAMpnID',
    'CustomerMarket',
    'CustomerTenantCountry',
    'RawProductName',
    'SKU',
    'MPNId',
    'PartnerName',
    'PartnerLocation',
    'SalesChannel',
  ],
  otherColumns: 'ignore',
};

const DPOR = 'dpor';

/**
 * Reads billed revenue. Decisions, and why:
 * - DPOR: only rows whose PartnerAttributionType is DPOR are imported. The program credits a subscription's revenue
 *   to its Digital Partner of Record, and the export lists the same billing once per attribution (DPOR, CSP T1, PAL…),
 *   so importing the other rows would count one billing several times. The others are skipped, with their type.
 * - A DPOR row is also evidence of the association in that month: each customer gets a DPOR period for every run of
 *   consecutive months the file shows, unless its known periods already cover them (then nothing changes). The
 *   export cannot say when an association began or whether it is still open; a partner admin who knows the dates
 *   imports them as a customers CSV, and those periods stand beside these.
 * - Month becomes the month's last day: a month's billing is complete only then, so an evaluation in mid-month does
 *   not count a month in progress, and twelve whole months fall in a trailing-twelve-month window ending on a month's
 *   last day. The month's periods run from its first to its last day, so the record lies inside them.
 * - Customer: the CustomerTenantId (lower case), stable across renames; the name on its latest month fills in a name
 *   the organization lacks. A new customer named like an existing one is reported as a notice.
 * - Product: Product, else RawProductName, matched against the product registry's export names (`matches`). Another
 *   product is an unknown reference, refused as in every other kind (`import.product.unknown`) unless the import
 *   leaves such rows out: no requirement could count it.
 * - Amount: BilledRevenueUSD in USD, credits negative; net new (the program's net new revenue is billings minus
 *   credits, which is what these rows add up to).
 */
export function readPartnerCenterRevenue(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const at = (name: string) => sheet.column(name);
  const tenantAt = at('CustomerTenantId');
  const nameAt = at('CustomerName');
  const productAt = at('Product');
  const rawProductAt = at('RawProductName');
  const monthAt = at('Month');
  const attributionAt = at('PartnerAttributionType');
  const amountAt = at('BilledRevenueUSD');
  const products = new ProductResolver(ctx.catalog);
  const usdAccepted = acceptedCurrencies(ctx).has('USD');
  let usdReported = false;

  // An export repeats a handful of attribution types on every row: each is classified once.
  const isDpor = new Map<string, boolean>();
  const skipped: SkippedRow[] = [];
  const customers = new Map<string, { name: string | null; month: Day }>();
  const months = new Map<string, Set<Day>>();
  const revenue: RevenueRecord[] = [];
  for (const row of sheet.rows()) {
    const attribution = sheet.cell(row, attributionAt);
    let dpor = isDpor.get(attribution);
    if (dpor === undefined) {
      dpor = columnKey(attribution) === DPOR;
      isDpor.set(attribution, dpor);
    }
    if (!dpor) {
      skipped.push({ line: sheet.line(row), reason: 'import.skip.not-dpor', params: { attribution } });
      continue;
    }
    const productText = sheet.cell(row, productAt);
    // RawProductName is read only when Product does not match: most rows match by Product.
    const rawProduct = products.byExportName(productText) === undefined ? sheet.cell(row, rawProductAt) : '';
    const product = products.byExportName(productText) ?? (rawProduct === '' ? undefined : products.byExportName(rawProduct));
    if (product === undefined) {
      const params =
        rawProduct === '' || rawProduct === productText ? { value: productText } : { value: productText, rawProduct };
      sheet.report('import.product.unknown', row, productAt, params);
      continue;
    }
    const tenant = sheet.cell(row, tenantAt).toLowerCase();
    const monthText = sheet.cell(row, monthAt);
    const amountText = sheet.cell(row, amountAt);
    if (tenant === '') sheet.report('import.required', row, tenantAt, { value: '', field: 'CustomerTenantId' });
    const monthReading = monthText === '' ? 'invalid' : ctx.days.month(monthText);
    if (typeof monthReading === 'string')
      sheet.reportDay(row, monthAt, monthText, monthReading, 'import.month.invalid', 'YYYY-MM, YYYY-MM-DD, M/D/YYYY');
    const month = typeof monthReading === 'object' ? monthReading : undefined;
    const amountReading = amountText === '' ? 'invalid' : parseAmount(amountText);
    if (typeof amountReading === 'string') sheet.reportAmount(row, amountAt, amountText, amountReading);
    const amount = typeof amountReading === 'object' ? amountReading : undefined;
    if (!usdAccepted && !usdReported) {
      // One problem for the file, not one per row: it is a fact about the organization, not about a row.
      sheet.report('import.fx.missing', row, amountAt, { value: 'USD', currency: 'USD', base: ctx.catalog.currency }, false);
      usdReported = true;
    }
    if (tenant === '' || month === undefined || amount === undefined || !usdAccepted) continue;
    revenue.push({ customer: tenant, product, date: month.last, amount, currency: 'USD', netNew: true });
    const name = sheet.cell(row, nameAt);
    const known = customers.get(tenant);
    if (!known) customers.set(tenant, { name: name === '' ? null : name, month: month.first });
    else if (name !== '' && month.first >= known.month) {
      known.name = name;
      known.month = month.first;
    }
    let seen = months.get(tenant);
    if (!seen) {
      seen = new Set();
      months.set(tenant, seen);
    }
    seen.add(month.first);
  }
  const dpor: (Period & { customer: string })[] = [];
  for (const [customer, firsts] of months) for (const period of monthRuns(firsts)) dpor.push({ customer, ...period });
  return {
    ...emptyIncoming('fill-missing'),
    customers: [...customers].map(([id, c]) => ({ id, name: c.name })),
    dpor,
    dporInferred: true,
    revenue,
    rows: sheet.rowCount,
    skipped,
  };
}

/** Runs of consecutive months, each from its first month's first day to its last month's last day. */
function monthRuns(firsts: ReadonlySet<Day>): Period[] {
  const sorted = [...firsts].sort((a, b) => a - b);
  const runs: Period[] = [];
  let from: Day | undefined;
  let to: Day = 0;
  for (const first of sorted) {
    if (from !== undefined && first === to + 1) {
      to = lastDayOfMonth(first);
      continue;
    }
    if (from !== undefined) runs.push({ from, to });
    from = first;
    to = lastDayOfMonth(first);
  }
  if (from !== undefined) runs.push({ from, to });
  return runs;
}

function lastDayOfMonth(first: Day): Day {
  const date = new Date(first * 86_400_000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
}
