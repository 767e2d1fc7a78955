import { ASSOCIATION_TYPES, type Association, type AssociationType, type Period } from '../../engine/organization.js';
import type { ColumnSpec, CsvSheet } from '../csv-sheet.js';
import { emptyIncoming, type ImportContext, type IncomingRecords } from '../incoming-records.js';
import { NamedRecords } from './named-records.js';

/**
 * `customer_id,name,dpor_from,dpor_to[,country][,association]`: a customer and one DPOR period per row (both ends
 * inclusive, an empty `dpor_to` for a period still open); a row without dates only adds or renames the customer.
 * `association` names another association type for the row's period (`transacting-partner`, `pal`…; empty: DPOR), and
 * `country` the customer's country (the last one given).
 */
export const CUSTOMERS_COLUMNS: ColumnSpec = {
  required: ['customer_id'],
  optional: ['name', 'dpor_from', 'dpor_to', 'country', 'association'],
  otherColumns: 'refuse',
};

export function readCustomersCsv(sheet: CsvSheet, ctx: ImportContext): IncomingRecords {
  const [idAt, nameAt, fromAt, toAt] = ['customer_id', 'name', 'dpor_from', 'dpor_to'].map((c) => sheet.column(c)) as [
    number,
    number,
    number,
    number,
  ];
  const countryAt = sheet.column('country');
  const associationAt = sheet.column('association');
  const customers = new NamedRecords(sheet);
  const countries = new Map<string, string>();
  const dpor: (Period & { customer: string })[] = [];
  const associations: (Association & { customer: string })[] = [];
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
    const typeText = sheet.cell(row, associationAt);
    const type: AssociationType | undefined =
      typeText === '' ? 'dpor' : ASSOCIATION_TYPES.find((t) => t === typeText.toLowerCase());
    if (type === undefined) {
      sheet.report('import.attribution.unknown', row, associationAt, { value: typeText, expected: ASSOCIATION_TYPES.join(', ') });
    }
    if (customer === '' || type === undefined) continue;
    customers.add(customer, sheet.cell(row, nameAt), row, nameAt);
    const country = sheet.cell(row, countryAt);
    if (country !== '') countries.set(customer, country);
    if (from !== undefined && to !== undefined && (to === null || to >= from)) {
      if (type === 'dpor') dpor.push({ customer, from, to });
      else associations.push({ customer, type, from, to });
    }
  }
  return {
    ...emptyIncoming('replace'),
    customers: customers.list().map((c) => {
      const country = countries.get(c.id);
      return country === undefined ? c : { ...c, country };
    }),
    dpor,
    associations,
    rows: sheet.rowCount,
  };
}
