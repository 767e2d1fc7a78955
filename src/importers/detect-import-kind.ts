import { columnKey } from './csv-sheet.js';
import type { ImportKind } from './import-kinds.js';

/** How a file is written; each kind accepts some of these. */
export type InputFormat = 'csv' | 'json' | 'yaml';

const YAML_START = /^(?:#|---|%YAML|[A-Za-z_][\w-]*:(?:\s|$))/;

/**
 * The format, from the text first (a JSON document starts with `{` or `[`), then the file name, then a YAML-looking
 * first line (`id: contoso`, a comment); anything else is read as CSV.
 */
export function sniffFormat(text: string, file: string | undefined): InputFormat {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (file && /\.ya?ml$/i.test(file)) return 'yaml';
  if (file && /\.json$/i.test(file)) return 'json';
  if (file && /\.csv$/i.test(file)) return 'csv';
  return YAML_START.test(start) ? 'yaml' : 'csv';
}

/**
 * The kind of a CSV file from its header: a column only that kind has decides it. Partner Center exports are
 * recognized by their own column names (`TrainingTitle`; `SubscriptionId`; `AssignedSeats` or `ActiveSeats`;
 * `PartnerAttributionType` or `BilledRevenueUSD`).
 */
export function detectCsvKind(header: readonly string[]): ImportKind | undefined {
  const columns = new Set(header.map(columnKey));
  if (columns.has('trainingtitle')) return 'partner-center-trainings';
  // Before the revenue export's columns, which a report may carry beside its own.
  if (columns.has('subscriptionid')) return 'partner-center-subscriptions';
  if (columns.has('assignedseats') || columns.has('activeseats')) return 'dynamics-365-usage';
  if (columns.has('partnerattributiontype') || columns.has('billedrevenueusd')) return 'partner-center-revenue';
  if (columns.has('personid')) return 'exams';
  if (columns.has('customerid') && (columns.has('product') || columns.has('amount'))) return 'revenue';
  if (columns.has('customerid')) return 'customers';
  return undefined;
}

/**
 * The kind of a JSON document: an object is an organization file; an array holds the organization file's records,
 * told apart by a field only that record has (`exams`, `dpor`, `amount`).
 */
export function detectJsonKind(value: unknown): ImportKind | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return 'org';
  if (!Array.isArray(value)) return undefined;
  const first = value.find((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
  if (!first) return undefined;
  if ('exams' in first) return 'exams';
  if ('dpor' in first) return 'customers';
  if ('amount' in first || 'customer' in first || 'product' in first) return 'revenue';
  return undefined;
}
