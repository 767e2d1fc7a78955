/** The kinds of an organization's records the data page lists. */
export const RECORD_KINDS = ['people', 'customers', 'revenue'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Each kind's sorts; `file` is the organization file's order, which every sort falls back to. Apart from the store's
 * queries, so that the dashboard can list them without the SQL builder.
 */
export const RECORD_SORTS = {
  people: ['file', 'id', 'name', 'exams'],
  customers: ['file', 'id', 'name'],
  revenue: ['file', 'date', 'customer', 'product', 'amount'],
} as const satisfies Readonly<Record<RecordKind, readonly string[]>>;
export type RecordSort<K extends RecordKind> = (typeof RECORD_SORTS)[K][number];
