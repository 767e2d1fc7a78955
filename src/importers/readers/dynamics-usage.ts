import type { Subscription } from '../../engine/organization.js';
import { parseCount } from '../cell-values.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { ProductResolver } from '../product-names.js';
import { ExportCustomers } from './export-customers.js';

/**
 * The Dynamics 365 usage report. Its documented seat columns are `AvailableSeats, AssignedSeats, ActiveSeats`; the
 * customer, product and month columns are read by the revenue export's names (`CustomerTenantId`, `Product`, `Month`),
 * since the report's own spellings are not documented (any case, spaces or underscores, as every header).
 */
export const DYNAMICS_USAGE_COLUMNS: ColumnSpec = {
  required: ['CustomerTenantId', 'Product', 'Month', 'AssignedSeats'],
  optional: [
    'CustomerName',
    'CustomerTenantCountry',
    'RawProductName',
    'SKU',
    'AvailableSeats',
    'ActiveSeats',
    'PGAMpnID',
    'MPNId',
    'PartnerName',
    'CustomerMarket',
  ],
  otherColumns: 'ignore',
};

/**
 * Reads the seats deployed each month. Decisions, and why:
 * - Seats: AssignedSeats, the licences assigned to users: "deployed" seats, which is what the program's seat
 *   requirements count (Power BI's "250 deployed seats", EMS's "deploy 500 active entitlements"). AvailableSeats
 *   (bought; the subscription report holds them) and ActiveSeats (used that month) are not what any of them counts,
 *   so they are not read. Zero seats add nothing.
 * - Each row is the customer's seats of the product (and SKU) for the month: a subscription without an id from the
 *   month's first day to its last, never a trial. Two rows of one customer, product, SKU and month give the larger.
 * - Customer and product as in the revenue export.
 */
export function readDynamicsUsage(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const at = (name: string) => sheet.column(name);
  const tenantAt = at('CustomerTenantId');
  const productAt = at('Product');
  const rawProductAt = at('RawProductName');
  const skuAt = at('SKU');
  const monthAt = at('Month');
  const seatsAt = at('AssignedSeats');
  const products = new ProductResolver(ctx.catalog);
  const customers = new ExportCustomers(sheet);
  const seats = new Map<string, Subscription>();
  for (const row of sheet.rows()) {
    const tenant = sheet.cell(row, tenantAt).toLowerCase();
    const productText = sheet.cell(row, productAt);
    const rawProduct = sheet.cell(row, rawProductAt);
    const product = products.byExportName(productText) ?? (rawProduct === '' ? undefined : products.byExportName(rawProduct));
    const monthText = sheet.cell(row, monthAt);
    const monthReading = monthText === '' ? 'invalid' : ctx.days.month(monthText);
    const seatsText = sheet.cell(row, seatsAt);
    const count = parseCount(seatsText);
    if (tenant === '') sheet.report('import.required', row, tenantAt, { value: '', field: 'CustomerTenantId' });
    if (product === undefined) {
      const params =
        rawProduct === '' || rawProduct === productText ? { value: productText } : { value: productText, rawProduct };
      sheet.report('import.product.unknown', row, productAt, params);
    }
    if (typeof monthReading === 'string')
      sheet.reportDay(row, monthAt, monthText, monthReading, 'import.month.invalid', 'YYYY-MM, YYYY-MM-DD, M/D/YYYY');
    if (count === undefined) sheet.report('import.count.invalid', row, seatsAt, { value: seatsText });
    if (tenant === '' || product === undefined || typeof monthReading === 'string' || count === undefined) continue;
    customers.add(row, tenant, monthReading.first);
    if (count === 0) continue;
    const key = [tenant, product, sheet.cell(row, skuAt), monthReading.first].join('\u0000');
    const held = seats.get(key);
    if (held === undefined || held.seats < count) {
      seats.set(key, {
        id: null,
        customer: tenant,
        product,
        seats: count,
        from: monthReading.first,
        to: monthReading.last,
        trial: false,
      });
    }
  }
  return {
    ...emptyIncoming('fill-missing'),
    customers: customers.list(),
    subscriptions: [...seats.values()],
    rows: sheet.rowCount,
  };
}
