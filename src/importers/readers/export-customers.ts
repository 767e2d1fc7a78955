import type { Day } from '../../core/day.js';
import type { Customer } from '../../engine/organization.js';
import type { CsvSheet } from '../csv-sheet.js';

/**
 * The customers an export's rows name by tenant id, with the name and country (`CustomerName`,
 * `CustomerTenantCountry`) of their latest month, or of their last row when the export has no month: they only fill
 * in what the organization lacks.
 */
export class ExportCustomers {
  private readonly customers = new Map<string, { name: string | null; country: string | null; month: Day }>();
  private readonly nameAt: number;
  private readonly countryAt: number;

  constructor(private readonly sheet: CsvSheet) {
    this.nameAt = sheet.column('CustomerName');
    this.countryAt = sheet.column('CustomerTenantCountry');
  }

  add(row: Parameters<CsvSheet['cell']>[0], tenant: string, month: Day | undefined): void {
    const name = this.sheet.cell(row, this.nameAt);
    const country = this.sheet.cell(row, this.countryAt);
    const at = month ?? Number.MAX_SAFE_INTEGER;
    const known = this.customers.get(tenant);
    if (!known) {
      this.customers.set(tenant, { name: name === '' ? null : name, country: country === '' ? null : country, month: at });
    } else if (at >= known.month) {
      if (name !== '') known.name = name;
      if (country !== '') known.country = country;
      known.month = at;
    }
  }

  list(): Omit<Customer, 'dpor' | 'associations'>[] {
    return [...this.customers].map(([id, c]) => ({ id, name: c.name, ...(c.country !== null && { country: c.country }) }));
  }
}
