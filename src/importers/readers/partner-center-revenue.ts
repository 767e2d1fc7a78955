import type { Day } from '../../core/day.js';
import type {
  Association,
  AssociationType,
  ConsumptionRecord,
  Period,
  RevenueRecord,
  Subscription,
} from '../../engine/organization.js';
import { parseAmount, parseCount } from '../cell-values.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import type { SkippedRow } from '../import-plan.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { ProductResolver } from '../product-names.js';
import { ExportCustomers } from './export-customers.js';
import { attributionType, KNOWN_ATTRIBUTIONS } from './partner-attribution.js';
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
    'AvailableSeats',
    'AzureConsumedRevenueUSD',
  ],
  otherColumns: 'ignore',
};

/**
 * Reads billed revenue, and the seats, consumption and countries the export carries beside it. Decisions, and why:
 * - Attribution: PartnerAttributionType names how the partner was credited for the row (see `partner-attribution.ts`
 *   for the values read, and which association each is). The export lists the same billing once per attribution
 *   (DPOR, CSP T1, PAL…), and each requirement of the program names the associations it accepts, so every row is
 *   imported with its attribution: a requirement counts the rows of the associations it accepts, and a billing once
 *   for each. DPOR rows carry no attribution, so that they stay the records earlier imports of the same file made;
 *   DPOR is what a record without one means. An unknown value is an unknown reference (`import.attribution.unknown`).
 * - A row is also evidence of its association in that month: each customer gets a period of the row's association
 *   (DPOR periods, other associations) for every run of consecutive months the file shows, unless its known periods
 *   of that association already cover them (then nothing changes). The export cannot say when an association began
 *   or whether it is still open; a partner admin who knows the dates imports them as a customers CSV, and those
 *   periods stand beside these.
 * - Month becomes the month's last day: a month's billing is complete only then, so an evaluation in mid-month does
 *   not count a month in progress, and twelve whole months fall in a trailing-twelve-month window ending on a month's
 *   last day. The month's periods run from its first to its last day, so the record lies inside them.
 * - Customer: the CustomerTenantId (lower case), stable across renames; the name and CustomerTenantCountry on its
 *   latest month fill in a name or country the organization lacks. A new customer named like an existing one is
 *   reported as a notice.
 * - Product: Product, else RawProductName, matched against the product registry's export names (`matches`). Another
 *   product is an unknown reference, refused as in every other kind (`import.product.unknown`) unless the import
 *   leaves such rows out: no requirement could count it. A row of such a product that has consumption imports its
 *   consumption only (consumption names no product), and is listed as skipped for the rest.
 * - Amount: BilledRevenueUSD in USD, credits negative; net new (the program's net new revenue is billings minus
 *   credits, which is what these rows add up to).
 * - AvailableSeats: the seats the customer held of the row's product (and SKU) that month, a subscription from the
 *   month's first day to its last; the rows of one billing under several attributions give it once.
 * - AzureConsumedRevenueUSD: the customer's consumption that month (dated the month's first day, as the format says),
 *   not revenue; the product is its service. Zero and empty cells add nothing. Given once per billing, as seats are.
 */
export function readPartnerCenterRevenue(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const at = (name: string) => sheet.column(name);
  const tenantAt = at('CustomerTenantId');
  const productAt = at('Product');
  const rawProductAt = at('RawProductName');
  const skuAt = at('SKU');
  const monthAt = at('Month');
  const attributionAt = at('PartnerAttributionType');
  const amountAt = at('BilledRevenueUSD');
  const seatsAt = at('AvailableSeats');
  const consumedAt = at('AzureConsumedRevenueUSD');
  const products = new ProductResolver(ctx.catalog);
  const usdAccepted = acceptedCurrencies(ctx).has('USD');
  let usdReported = false;

  // An export repeats a handful of attribution types on every row: each is classified once.
  const types = new Map<string, AssociationType | null>();
  const skipped: SkippedRow[] = [];
  const customers = new ExportCustomers(sheet);
  /** The months each customer shows under each association: DPOR's by tenant, the others' by type and tenant. */
  const months = new Map<string, Set<Day>>();
  const revenue: RevenueRecord[] = [];
  const seats = new Map<string, Subscription>();
  const consumption = new Map<string, ConsumptionRecord>();
  for (const row of sheet.rows()) {
    const attribution = sheet.cell(row, attributionAt);
    let type = types.get(attribution);
    if (type === undefined) {
      type = attributionType(attribution) ?? null;
      types.set(attribution, type);
    }
    if (type === null) {
      sheet.report('import.attribution.unknown', row, attributionAt, { value: attribution, expected: KNOWN_ATTRIBUTIONS });
      continue;
    }
    const productText = sheet.cell(row, productAt);
    // RawProductName is read only when Product does not match: most rows match by Product.
    const rawProduct = products.byExportName(productText) === undefined ? sheet.cell(row, rawProductAt) : '';
    const product = products.byExportName(productText) ?? (rawProduct === '' ? undefined : products.byExportName(rawProduct));
    const consumedText = sheet.cell(row, consumedAt);
    const consumedReading = consumedText === '' ? undefined : parseAmount(consumedText);
    if (typeof consumedReading === 'string') sheet.reportAmount(row, consumedAt, consumedText, consumedReading);
    const consumed = typeof consumedReading === 'object' && !consumedReading.isZero() ? consumedReading : undefined;
    if (product === undefined && consumed === undefined) {
      const params =
        rawProduct === '' || rawProduct === productText ? { value: productText } : { value: productText, rawProduct };
      sheet.report('import.product.unknown', row, productAt, params);
      continue;
    }
    const tenant = sheet.cell(row, tenantAt).toLowerCase();
    const monthText = sheet.cell(row, monthAt);
    const amountText = sheet.cell(row, amountAt);
    const seatsText = sheet.cell(row, seatsAt);
    if (tenant === '') sheet.report('import.required', row, tenantAt, { value: '', field: 'CustomerTenantId' });
    const monthReading = monthText === '' ? 'invalid' : ctx.days.month(monthText);
    if (typeof monthReading === 'string')
      sheet.reportDay(row, monthAt, monthText, monthReading, 'import.month.invalid', 'YYYY-MM, YYYY-MM-DD, M/D/YYYY');
    const month = typeof monthReading === 'object' ? monthReading : undefined;
    const amountReading = amountText === '' ? 'invalid' : parseAmount(amountText);
    if (typeof amountReading === 'string') sheet.reportAmount(row, amountAt, amountText, amountReading);
    const amount = typeof amountReading === 'object' ? amountReading : undefined;
    const seatCount = seatsText === '' ? 0 : parseCount(seatsText);
    if (seatCount === undefined) sheet.report('import.count.invalid', row, seatsAt, { value: seatsText });
    if (!usdAccepted && !usdReported) {
      // One problem for the file, not one per row: it is a fact about the organization, not about a row.
      sheet.report('import.fx.missing', row, amountAt, { value: 'USD', currency: 'USD', base: ctx.catalog.currency }, false);
      usdReported = true;
    }
    if (tenant === '' || month === undefined || amount === undefined || seatCount === undefined || !usdAccepted) continue;
    if (typeof consumedReading === 'string') continue;
    const billing = [tenant, productText, sheet.cell(row, skuAt), month.first].join('\u0000');
    if (consumed !== undefined && !consumption.has(billing)) {
      consumption.set(billing, { customer: tenant, date: month.first, amount: consumed, currency: 'USD', service: productText });
    }
    if (product === undefined) {
      skipped.push({ line: sheet.line(row), reason: 'import.skip.consumption-only', params: { value: productText } });
    } else {
      revenue.push({
        customer: tenant,
        product,
        date: month.last,
        amount,
        currency: 'USD',
        netNew: true,
        ...(type !== 'dpor' && { attribution: type }),
      });
      const held = seats.get(billing);
      if (seatCount > 0 && (held === undefined || held.seats < seatCount)) {
        seats.set(billing, {
          id: null,
          customer: tenant,
          product,
          seats: seatCount,
          from: month.first,
          to: month.last,
          trial: false,
        });
      }
    }
    customers.add(row, tenant, month.first);
    const key = type === 'dpor' ? tenant : `${type}\u0000${tenant}`;
    let seen = months.get(key);
    if (!seen) {
      seen = new Set();
      months.set(key, seen);
    }
    seen.add(month.first);
  }
  const dpor: (Period & { customer: string })[] = [];
  const associations: (Association & { customer: string })[] = [];
  for (const [key, firsts] of months) {
    const split = key.indexOf('\u0000');
    const customer = split < 0 ? key : key.slice(split + 1);
    for (const period of monthRuns(firsts)) {
      if (split < 0) dpor.push({ customer, ...period });
      else associations.push({ customer, type: key.slice(0, split) as Association['type'], ...period });
    }
  }
  return {
    ...emptyIncoming('fill-missing'),
    customers: customers.list(),
    dpor,
    associations,
    dporInferred: true,
    revenue,
    subscriptions: [...seats.values()],
    consumption: [...consumption.values()],
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
