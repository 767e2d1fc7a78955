/**
 * What an import file can hold. `org` replaces an organization whole; every other kind adds records to an
 * existing one. The two `partner-center-*` kinds are Partner Center Insights CSV exports, read as Microsoft writes them.
 */
export const IMPORT_KINDS = [
  'org',
  'exams',
  'customers',
  'revenue',
  'partner-center-trainings',
  'partner-center-revenue',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}
