import type { ProgramFilter } from '../store/program-store.js';
import type { Store } from '../store/store.js';

/** The export's columns, in order. */
export const PROGRAM_CSV_HEADER = [
  'org_id',
  'name',
  'market',
  'as_of',
  'competency',
  'option',
  'level',
  'status',
  'lifecycle',
  'at_risk_date',
  'next_change_date',
  'anniversary',
] as const;

/** The operator's filtered list as CSV: one line per organization and level, quoted where a value needs it. */
export async function programCsv(store: Store, filter: ProgramFilter): Promise<string> {
  const rows = await store.program.exportRows(filter);
  const lines: string[] = [PROGRAM_CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        r.name,
        r.market,
        r.as_of,
        r.competency,
        r.option,
        r.level,
        r.status,
        r.lifecycle,
        r.at_risk_date,
        r.next_change_date,
        r.anniversary,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A CSV cell; a leading =, +, - or @ is prefixed with ' so that a spreadsheet never runs it as a formula. */
function cell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
