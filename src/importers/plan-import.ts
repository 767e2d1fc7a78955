import type { Catalog } from '../catalog/catalog-types.js';
import { isAttainError } from '../core/attain-error.js';
import { positionOf } from '../core/position-of.js';
import { shownParams } from '../core/shown-value.js';
import type { Organization } from '../engine/organization.js';
import { applyAdditions } from './apply-additions.js';
import { DayParser } from './cell-values.js';
import { type ColumnSpec, CsvSheet, checkCsvHeader, withoutRows } from './csv-sheet.js';
import { detectCsvKind, detectJsonKind, type InputFormat, sniffFormat } from './detect-import-kind.js';
import { ImportIssues } from './import-issues.js';
import { IMPORT_KINDS, type ImportKind } from './import-kinds.js';
import type { ImportPlan, LeftOutRows } from './import-plan.js';
import type { ImportContext, IncomingRecords } from './incoming-records.js';
import { mergeIncoming } from './merge-incoming.js';
import { type CsvTable, readCsv } from './read-csv.js';
import { CUSTOMERS_COLUMNS, readCustomersCsv } from './readers/customers-csv.js';
import { DYNAMICS_USAGE_COLUMNS, readDynamicsUsage } from './readers/dynamics-usage.js';
import { EXAMS_COLUMNS, readExamsCsv } from './readers/exams-csv.js';
import { readJsonRecords } from './readers/json-records.js';
import { readOrganizationImport } from './readers/organization-import.js';
import { PARTNER_CENTER_REVENUE_COLUMNS, readPartnerCenterRevenue } from './readers/partner-center-revenue.js';
import { PARTNER_CENTER_SUBSCRIPTIONS_COLUMNS, readPartnerCenterSubscriptions } from './readers/partner-center-subscriptions.js';
import { PARTNER_CENTER_TRAININGS_COLUMNS, readPartnerCenterTrainings } from './readers/partner-center-trainings.js';
import { REVENUE_COLUMNS, readRevenueCsv } from './readers/revenue-csv.js';
import { replacementSummary } from './replacement-summary.js';
import { parseJsonText, parseYamlText, type StructuredText } from './structured-text.js';

export interface ImportInput {
  /** The organization as it is, or undefined when it does not exist yet (only an `org` import can create one). */
  readonly existing: Organization | undefined;
  /** The organization imported into, as the URL or the command line names it. */
  readonly orgId: string;
  /** Detected from the file when not given. */
  readonly kind?: ImportKind;
  readonly text: string;
  /** The file's name, for messages and to tell YAML from CSV. */
  readonly file?: string;
  readonly catalog: Catalog;
  /**
   * Leave out the rows with a problem and import the others, instead of refusing the file. Only problems in rows
   * can be left out: a file whose header or size is wrong is refused all the same.
   */
  readonly skipInvalid?: boolean;
}

/** A file as read: CSV bound later to its kind's columns, or a parsed JSON or YAML document. */
type Source = { readonly format: 'csv'; readonly table: CsvTable } | ({ readonly format: 'json' | 'yaml' } & StructuredText);

/** How each kind reads each format it accepts. A new kind does not compile until it is listed here. */
const READERS: { readonly [K in ImportKind]: Partial<Record<InputFormat, (source: Source, ctx: ImportContext) => Read>> } = {
  org: { json: (s, ctx) => replace(s, ctx), yaml: (s, ctx) => replace(s, ctx) },
  exams: { csv: csv(EXAMS_COLUMNS, readExamsCsv), json: json('exams') },
  customers: { csv: csv(CUSTOMERS_COLUMNS, readCustomersCsv), json: json('customers') },
  revenue: { csv: csv(REVENUE_COLUMNS, readRevenueCsv), json: json('revenue') },
  'partner-center-trainings': { csv: csv(PARTNER_CENTER_TRAININGS_COLUMNS, readPartnerCenterTrainings) },
  'partner-center-revenue': { csv: csv(PARTNER_CENTER_REVENUE_COLUMNS, readPartnerCenterRevenue) },
  'partner-center-subscriptions': { csv: csv(PARTNER_CENTER_SUBSCRIPTIONS_COLUMNS, readPartnerCenterSubscriptions) },
  'dynamics-365-usage': { csv: csv(DYNAMICS_USAGE_COLUMNS, readDynamicsUsage) },
};

type Read = { readonly replacement: Organization } | { readonly incoming: IncomingRecords };

/**
 * Plans an import: reads and validates the whole file, and computes what it would change, without any I/O. The CLI
 * (`--dry-run`) and the API (`?dryRun=true`) show the plan; a real import applies it (`replace` →
 * `Store.replaceOrganization(plan.organization)`, else `Store.addToOrganization(orgId, plan.additions)`).
 *
 * All or nothing: a file with any bad row throws one `AttainError` (`import.invalid`) listing every problem (up to
 * 1000) with its path (the CSV column, or `$[3].amount` in JSON) and its line and column; nothing is half-imported.
 * Rows that are valid but deliberately not imported (a course in a trainings export) are listed in `skipped`.
 * Asked to (`skipInvalid`), it leaves out the rows with a problem instead, imports the others and says which it left
 * out and why (`leftOut`); the plan is still written in one transaction, or not at all.
 */
export function planImport(input: ImportInput): ImportPlan {
  const issues = new ImportIssues(input.file);
  const { existing, orgId, catalog } = input;
  if (orgId.trim() === '') issues.fail('import.required', '$', { value: '', field: 'orgId' });
  if (existing && existing.id !== orgId) issues.fail('import.org.id-mismatch', '$', { value: existing.id, expected: orgId });
  // A byte order mark is how Excel marks a UTF-8 CSV; it is not part of the first column's name.
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  if (text.trim() === '') issues.fail('import.empty', '$');
  // No format attain reads has a NUL in it, and no store keeps one in text: refused wherever it is.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) issues.fail('input.nul', '$', { ...positionOf(text, nul) });

  const source = readSource(text, input.file, input.kind, issues);
  const kind = input.kind ?? detectKind(source, issues);
  const read = READERS[kind][source.format];
  if (!read) return issues.fail('import.kind.format', '$', { kind, format: source.format });
  if (kind !== 'org' && !existing) issues.fail('import.org.missing', '$', { org: orgId });

  const ctx: ImportContext = { existing, orgId, catalog, issues, days: new DayParser(), file: input.file };
  let result: Read;
  let leftOut: LeftOutRows | undefined;
  try {
    result = read(source, ctx);
    issues.throwIfAny();
  } catch (error) {
    if (!input.skipInvalid || !issues.onlyRows || !isAttainError(error) || error.code !== 'import.invalid') throw error;
    // The file is read again without its bad rows, by the same readers, so that what is imported is exactly what a
    // file of the good rows alone would import (a customer's DPOR months, a person's latest name).
    const again = new ImportIssues(input.file);
    result = read(sourceWithout(source, issues.badRows), { ...ctx, issues: again, days: new DayParser() });
    again.throwIfAny();
    const listed = issues.listed();
    leftOut = { rows: issues.badRows.size, problems: issues.count, issues: listed, groups: issues.groups() };
  }
  if ('replacement' in result) {
    const summary = replacementSummary(existing, result.replacement, catalog);
    return {
      kind,
      replace: true,
      organization: result.replacement,
      additions: { people: [], exams: [], customers: [], dpor: [], revenue: [] },
      summary: summary.counts,
      rows: 1,
      skipped: [],
      notices: [],
      changed: summary.changed,
    };
  }
  const base = existing as Organization;
  const { additions, summary, notices } = mergeIncoming(base, result.incoming, catalog);
  const changed = Object.values(additions).some((list: readonly unknown[] | undefined) => (list?.length ?? 0) > 0);
  return {
    kind,
    replace: false,
    organization: changed ? applyAdditions(base, additions) : base,
    additions,
    summary,
    rows: result.incoming.rows + (leftOut?.rows ?? 0),
    // A skipped row is named by its cells (a training's title): cut as every value repeated back is.
    skipped: result.incoming.skipped.map((row) => {
      const params = shownParams(row.params);
      return params === row.params ? row : { ...row, params };
    }),
    notices,
    ...(leftOut && { leftOut }),
    changed,
  };
}

/** The file without the rows at the given keys: CSV records by their offsets, JSON records by their indexes. */
function sourceWithout(source: Source, rows: ReadonlySet<number>): Source {
  if (source.format === 'csv') return { format: 'csv', table: withoutRows(source.table, rows) };
  if (!Array.isArray(source.value)) return source;
  return { ...source, value: source.value.filter((_, i) => !rows.has(i)) };
}

function readSource(text: string, file: string | undefined, kind: ImportKind | undefined, issues: ImportIssues): Source {
  let format = sniffFormat(text, file);
  if (kind) {
    // The kind settles what the sniffing cannot: an organization file without a YAML-looking first line is still
    // YAML, and a trainings export named `.yaml` is still CSV. JSON is unmistakable and stays JSON.
    const formats = READERS[kind];
    if (!formats[format] && format !== 'json') format = formats.yaml ? 'yaml' : 'csv';
  }
  if (format === 'csv') {
    const table = readCsv(text);
    checkCsvHeader(table, issues);
    return { format, table };
  }
  if (format === 'json') return { format, ...parseJsonText(text, issues) };
  return { format, ...parseYamlText(text, issues) };
}

function detectKind(source: Source, issues: ImportIssues): ImportKind {
  const kinds = IMPORT_KINDS.join(', ');
  if (source.format !== 'csv') {
    const detected = source.format === 'yaml' ? yamlKind(source.value) : detectJsonKind(source.value);
    return detected ?? issues.fail('import.kind.undetected', '$', { format: source.format, header: '', kinds });
  }
  const header = source.table.header?.fields ?? [];
  const kind = source.table.header?.problems ? undefined : detectCsvKind(header);
  if (kind) return kind;
  const shown = header.slice(0, 6).join(',').slice(0, 120);
  return issues.fail('import.kind.undetected', '$', { format: 'csv', header: shown, kinds, line: 1, column: 1 });
}

/** A YAML document is an organization file when it is a mapping. */
function yamlKind(value: unknown): ImportKind | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? 'org' : undefined;
}

function csv(
  columns: ColumnSpec,
  reader: (sheet: CsvSheet, ctx: ImportContext) => IncomingRecords,
): (source: Source, ctx: ImportContext) => Read {
  return (source, ctx) => {
    if (source.format !== 'csv') throw new Error('a CSV reader was given another format');
    return { incoming: reader(CsvSheet.bind(source.table, columns, ctx.issues), ctx) };
  };
}

function json(kind: 'exams' | 'customers' | 'revenue'): (source: Source, ctx: ImportContext) => Read {
  return (source, ctx) => {
    if (source.format === 'csv') throw new Error('a JSON reader was given CSV');
    return { incoming: readJsonRecords(kind, source, ctx) };
  };
}

function replace(source: Source, ctx: ImportContext): Read {
  if (source.format === 'csv') throw new Error('an organization reader was given CSV');
  return { replacement: readOrganizationImport(source, ctx) };
}
