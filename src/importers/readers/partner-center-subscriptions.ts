import type { Day } from '../../core/day.js';
import type { Subscription } from '../../engine/organization.js';
import { parseCount } from '../cell-values.js';
import { type ColumnSpec, type CsvSheet, columnKey } from '../csv-sheet.js';
import type { SkippedRow } from '../import-plan.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { ProductResolver } from '../product-names.js';
import { ExportCustomers } from './export-customers.js';

/**
 * Partner Center's subscription report. Its documented columns are `SubscriptionId, SubscriptionStartDate,
 * SubscriptionEndDate, SubscriptionState` beside the customer and product columns of the revenue export, with the
 * seats as `AvailableSeats`; the report's exact spellings are not documented, so these names are what is read (in any
 * case, spaces or underscores, as every header).
 */
export const PARTNER_CENTER_SUBSCRIPTIONS_COLUMNS: ColumnSpec = {
  required: ['CustomerTenantId', 'Product', 'SubscriptionId', 'SubscriptionStartDate', 'AvailableSeats'],
  optional: [
    'CustomerName',
    'CustomerTenantCountry',
    'RawProductName',
    'SKU',
    'SubscriptionEndDate',
    'SubscriptionState',
    'PGAMpnID',
    'MPNId',
    'PartnerName',
    'CustomerMarket',
  ],
  otherColumns: 'ignore',
};

/** What a `SubscriptionState` says: counted, counted as a trial (never an active entitlement), or ended. */
const STATES: ReadonlyMap<string, 'active' | 'trial' | 'ended'> = new Map([
  ['active', 'active'],
  ['pending', 'active'],
  ['trial', 'trial'],
  ['intrial', 'trial'],
  ['suspended', 'ended'],
  ['disabled', 'ended'],
  ['deleted', 'ended'],
  ['expired', 'ended'],
  ['cancelled', 'ended'],
  ['canceled', 'ended'],
]);
const KNOWN_STATES = 'Active, Pending, Trial, Suspended, Disabled, Deleted, Expired, Cancelled';

/**
 * Reads subscriptions. Decisions, and why:
 * - A subscription is its SubscriptionId (lower case, as tenant ids are): importing a later report adds the new ones
 *   and leaves a stored one as it is, said in a notice when the report gives it other seats or dates (an import only
 *   adds; replace the organization to change one). One id on two rows of a file must say the same.
 * - Seats: AvailableSeats, the seats bought; a whole number of zero or more.
 * - Dates: SubscriptionStartDate to SubscriptionEndDate (both inclusive; empty end: still running), as the revenue
 *   export writes dates (`YYYY-MM-DD` with an optional time, or `M/D/YYYY`).
 * - SubscriptionState: Trial is a trial (never counted as an active entitlement); Suspended, Disabled, Deleted,
 *   Expired and Cancelled ended on the end date, so such a row without one is skipped (no day to end it on); Active,
 *   Pending and an empty state count from the dates. Another state is refused (`import.state.unknown`).
 * - Customer and product as in the revenue export: the tenant id, its name and country filling in missing ones; a
 *   product of the registry by its export names (Product, else RawProductName), another one refused.
 */
export function readPartnerCenterSubscriptions(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const at = (name: string) => sheet.column(name);
  const idAt = at('SubscriptionId');
  const tenantAt = at('CustomerTenantId');
  const productAt = at('Product');
  const rawProductAt = at('RawProductName');
  const startAt = at('SubscriptionStartDate');
  const endAt = at('SubscriptionEndDate');
  const stateAt = at('SubscriptionState');
  const seatsAt = at('AvailableSeats');
  const products = new ProductResolver(ctx.catalog);
  const customers = new ExportCustomers(sheet);
  const skipped: SkippedRow[] = [];
  const byId = new Map<string, { subscription: Subscription; line: number }>();
  for (const row of sheet.rows()) {
    const id = sheet.cell(row, idAt).toLowerCase();
    const tenant = sheet.cell(row, tenantAt).toLowerCase();
    const productText = sheet.cell(row, productAt);
    const rawProduct = sheet.cell(row, rawProductAt);
    const product = products.byExportName(productText) ?? (rawProduct === '' ? undefined : products.byExportName(rawProduct));
    const stateText = sheet.cell(row, stateAt);
    const state = stateText === '' ? 'active' : STATES.get(columnKey(stateText));
    const seatsText = sheet.cell(row, seatsAt);
    const seats = parseCount(seatsText);
    if (id === '') sheet.report('import.required', row, idAt, { value: '', field: 'SubscriptionId' });
    if (tenant === '') sheet.report('import.required', row, tenantAt, { value: '', field: 'CustomerTenantId' });
    if (product === undefined) {
      const params =
        rawProduct === '' || rawProduct === productText ? { value: productText } : { value: productText, rawProduct };
      sheet.report('import.product.unknown', row, productAt, params);
    }
    if (state === undefined) sheet.report('import.state.unknown', row, stateAt, { value: stateText, expected: KNOWN_STATES });
    if (seats === undefined) sheet.report('import.count.invalid', row, seatsAt, { value: seatsText });
    const from = readDate(sheet, ctx, row, startAt, true);
    const to = readDate(sheet, ctx, row, endAt, false);
    if (typeof from === 'number' && typeof to === 'number' && to < from) {
      const [fromText, toText] = [sheet.cell(row, startAt), sheet.cell(row, endAt)];
      sheet.report('import.dates.reversed', row, endAt, { value: toText, from: fromText, to: toText });
    }
    if (id === '' || tenant === '' || product === undefined || state === undefined || seats === undefined) continue;
    if (typeof from !== 'number' || to === undefined || (to !== null && to < from)) continue;
    if (state === 'ended' && to === null) {
      skipped.push({ line: sheet.line(row), reason: 'import.skip.no-end-date', params: { id, status: stateText } });
      continue;
    }
    const subscription: Subscription = { id, customer: tenant, product, seats, from, to, trial: state === 'trial' };
    const earlier = byId.get(id);
    if (earlier !== undefined) {
      const same = JSON.stringify(earlier.subscription) === JSON.stringify(subscription);
      if (!same) sheet.report('import.subscription.conflict', row, idAt, { value: id, otherLine: earlier.line });
      continue;
    }
    byId.set(id, { subscription, line: sheet.line(row) });
    customers.add(row, tenant, undefined);
  }
  return {
    ...emptyIncoming('fill-missing'),
    customers: customers.list(),
    subscriptions: [...byId.values()].map((s) => s.subscription),
    rows: sheet.rowCount,
    skipped,
  };
}

/** A date cell of an export: its day, null when empty and optional, undefined when reported. */
function readDate(
  sheet: CsvSheet,
  ctx: ImportContext,
  row: Parameters<CsvSheet['cell']>[0],
  column: number,
  required: boolean,
): Day | null | undefined {
  const text = sheet.cell(row, column);
  if (text === '') {
    if (!required) return null;
    sheet.report('import.required', row, column, { value: '', field: 'SubscriptionStartDate' });
    return undefined;
  }
  const reading = ctx.days.exportDate(text);
  if (typeof reading === 'number') return reading;
  sheet.reportDay(row, column, text, reading, 'import.date.invalid', 'YYYY-MM-DD, M/D/YYYY');
  return undefined;
}
