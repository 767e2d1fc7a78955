import type { CsvSheet } from '../csv-sheet.js';
import type { CsvRecord } from '../read-csv.js';

/**
 * People or customers as a file names them, one per id. In attain's own formats one id with two different names is
 * a conflict (which one did the partner mean?); an empty name cell says nothing.
 */
export class NamedRecords {
  private readonly records = new Map<string, { name: string | null; row: CsvRecord }>();

  constructor(private readonly sheet: CsvSheet) {}

  add(id: string, name: string, row: CsvRecord, nameColumn: number): void {
    const known = this.records.get(id);
    if (!known) {
      this.records.set(id, { name: name === '' ? null : name, row });
      return;
    }
    if (name === '') return;
    if (known.name === null) known.name = name;
    else if (known.name !== name) {
      this.sheet.report('import.conflict', row, nameColumn, {
        value: name,
        id,
        other: known.name,
        otherLine: this.sheet.line(known.row),
      });
    }
  }

  list(): { readonly id: string; readonly name: string | null }[] {
    return [...this.records].map(([id, r]) => ({ id, name: r.name }));
  }
}
