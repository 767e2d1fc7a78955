/**
 * What an import file can hold. `org` replaces an organization whole; every other kind adds records to an
 * existing one. The `partner-center-*` kinds are Partner Center Insights CSV exports and reports, and
 * `dynamics-365-usage` the Dynamics 365 usage report, read as Microsoft writes them.
 */
export const IMPORT_KINDS = [
  'org',
  'exams',
  'customers',
  'revenue',
  'partner-center-trainings',
  'partner-center-revenue',
  'partner-center-subscriptions',
  'dynamics-365-usage',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}
