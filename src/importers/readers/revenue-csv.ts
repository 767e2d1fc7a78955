import { ASSOCIATION_TYPES, type RevenueRecord } from '../../engine/organization.js';
import { parseAmount, parseFlag } from '../cell-values.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { ProductResolver } from '../product-names.js';
import { attributionType } from './partner-attribution.js';

/**
 * `customer_id,product,date,amount,currency,net_new,attribution`: one revenue record per row; `net_new` empty or
 * absent is true; `attribution` (optional) is an association type of the organization format (`dpor`, `cpor`,
 * `transacting-partner`, `delegated-admin`, `fasttrack`, `pal`) or a Partner Center attribution ("CSP T1").
 */
export const REVENUE_COLUMNS: ColumnSpec = {
  required: ['customer_id', 'product', 'date', 'amount', 'currency'],
  optional: ['net_new', 'attribution'],
  otherColumns: 'refuse',
};

/**
 * Every row needs a customer the organization already has: a revenue file carries no customer names or DPOR
 * periods, and revenue of a customer without a period would never count, so a new id is far more likely a typo than
 * a customer. Import customers first. Products must be in the catalog's registry (an id, an alias, or an export
 * name): revenue on anything else can never count toward a requirement.
 */
export function readRevenueCsv(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const at = (name: string) => sheet.column(name);
  const customerAt = at('customer_id');
  const productAt = at('product');
  const dateAt = at('date');
  const amountAt = at('amount');
  const currencyAt = at('currency');
  const netNewAt = at('net_new');
  const attributionAt = at('attribution');
  // Ids and currencies map to the organization's own strings, so that 100,000 records share a few hundred of them
  // instead of each keeping a fresh piece of the file.
  const customers = new Map(ctx.existing?.customers.map((c) => [c.id, c.id]));
  const currencies = new Map([...acceptedCurrencies(ctx)].map((c) => [c, c]));
  const products = new ProductResolver(ctx.catalog);
  const revenue: RevenueRecord[] = [];
  for (const row of sheet.rows()) {
    const customerText = sheet.cell(row, customerAt);
    const customer = customers.get(customerText);
    const productText = sheet.cell(row, productAt);
    const dateText = sheet.cell(row, dateAt);
    const amountText = sheet.cell(row, amountAt);
    const currencyText = sheet.cell(row, currencyAt).toUpperCase();
    const currency = currencies.get(currencyText);
    const netNewText = sheet.cell(row, netNewAt);
    let ok = true;
    if (customerText === '') ok = required(sheet, row, customerAt, 'customer_id');
    else if (customer === undefined) ok = bad(sheet, 'import.customer.unknown', row, customerAt, customerText);
    const product = productText === '' ? undefined : products.resolve(productText);
    if (productText === '') ok = required(sheet, row, productAt, 'product');
    else if (product === undefined) ok = bad(sheet, 'import.product.unknown', row, productAt, productText);
    const date = dateText === '' ? undefined : ctx.days.date(dateText);
    if (dateText === '') ok = required(sheet, row, dateAt, 'date');
    else if (typeof date === 'string') {
      sheet.reportDay(row, dateAt, dateText, date, 'import.date.invalid', 'YYYY-MM-DD');
      ok = false;
    }
    const amount = amountText === '' ? undefined : parseAmount(amountText);
    if (amountText === '') ok = required(sheet, row, amountAt, 'amount');
    else if (typeof amount === 'string') {
      sheet.reportAmount(row, amountAt, amountText, amount);
      ok = false;
    }
    if (currencyText === '') ok = required(sheet, row, currencyAt, 'currency');
    else if (currency === undefined) {
      sheet.report('import.fx.missing', row, currencyAt, {
        value: currencyText,
        currency: currencyText,
        base: ctx.catalog.currency,
      });
      ok = false;
    }
    const netNew = netNewText === '' ? true : parseFlag(netNewText);
    if (netNew === undefined) ok = bad(sheet, 'import.boolean.invalid', row, netNewAt, netNewText);
    const attributionText = sheet.cell(row, attributionAt);
    const attribution =
      attributionText === ''
        ? undefined
        : (ASSOCIATION_TYPES.find((t) => t === attributionText) ?? attributionType(attributionText) ?? null);
    if (attribution === null) {
      sheet.report('import.attribution.unknown', row, attributionAt, {
        value: attributionText,
        expected: ASSOCIATION_TYPES.join(', '),
      });
      ok = false;
    }
    if (
      ok &&
      customer !== undefined &&
      product !== undefined &&
      typeof date === 'number' &&
      typeof amount === 'object' &&
      currency !== undefined &&
      netNew !== undefined &&
      attribution !== null
    ) {
      revenue.push({ customer, product, date, amount, currency, netNew, ...(attribution !== undefined && { attribution }) });
    }
  }
  return {
    ...emptyIncoming('replace'),
    revenue,
    rows: sheet.rowCount,
  };
}

/** The catalog's currency, and every currency the organization has an exchange rate for. */
export function acceptedCurrencies(ctx: ImportContext): ReadonlySet<string> {
  return new Set([ctx.catalog.currency.toUpperCase(), ...(ctx.existing?.fx.keys() ?? [])]);
}

function required(sheet: CsvSheet, row: Parameters<CsvSheet['cell']>[0], column: number, name: string): false {
  sheet.report('import.required', row, column, { value: '', field: name });
  return false;
}

function bad(sheet: CsvSheet, code: string, row: Parameters<CsvSheet['cell']>[0], column: number, value: string): false {
  sheet.report(code, row, column, { value });
  return false;
}
