import type { Period } from '../../engine/organization.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { NamedRecords } from './named-records.js';

/**
 * `customer_id,name,dpor_from,dpor_to`: a customer and one DPOR period per row (both ends inclusive, an empty
 * `dpor_to` for a period still open); a row without dates only adds or renames the customer.
 */
export const CUSTOMERS_COLUMNS: ColumnSpec = {
  required: ['customer_id'],
  optional: ['name', 'dpor_from', 'dpor_to'],
  otherColumns: 'refuse',
};

export function readCustomersCsv(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const [idAt, nameAt, fromAt, toAt] = ['customer_id', 'name', 'dpor_from', 'dpor_to'].map((c) => sheet.column(c)) as [
    number,
    number,
    number,
    number,
  ];
  const customers = new NamedRecords(sheet);
  const dpor: (Period & { customer: string })[] = [];
  for (const row of sheet.rows()) {
    const customer = sheet.cell(row, idAt);
    const fromText = sheet.cell(row, fromAt);
    const toText = sheet.cell(row, toAt);
    if (customer === '') sheet.report('import.required', row, idAt, { value: '', field: 'customer_id' });
    const fromReading = fromText === '' ? undefined : ctx.days.date(fromText);
    const toReading = toText === '' ? null : ctx.days.date(toText);
    if (typeof fromReading === 'string') sheet.reportDay(row, fromAt, fromText, fromReading, 'import.date.invalid', 'YYYY-MM-DD');
    if (typeof toReading === 'string') sheet.reportDay(row, toAt, toText, toReading, 'import.date.invalid', 'YYYY-MM-DD');
    const from = typeof fromReading === 'number' ? fromReading : undefined;
    const to = typeof toReading === 'string' ? undefined : toReading;
    if (fromText === '' && toText !== '') sheet.report('import.period.incomplete', row, toAt, { value: toText });
    if (from !== undefined && to !== undefined && to !== null && to < from) {
      sheet.report('import.period.reversed', row, toAt, { value: toText, from: fromText, to: toText });
    }
    if (customer === '') continue;
    customers.add(customer, sheet.cell(row, nameAt), row, nameAt);
    if (from !== undefined && to !== undefined && (to === null || to >= from)) dpor.push({ customer, from, to });
  }
  return {
    ...emptyIncoming('replace'),
    customers: customers.list(),
    dpor,
    rows: sheet.rowCount,
  };
}
