import { type Kysely, type RawBuilder, sql } from 'kysely';
import { formatDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import type { StoreDatabase } from './store-database.js';

/** One column of rows to insert, with the PostgreSQL type its array parameter is cast to. */
export interface BulkColumn {
  readonly name: string;
  readonly type: 'text' | 'date' | 'numeric' | 'boolean' | 'integer';
  /**
   * Numerics as Decimals or their text, dates as attain's days or their text: COPY encodes a Decimal from its
   * digits and a day from its number, without writing either out first.
   */
  readonly values: readonly (string | number | boolean | Decimal | null)[];
}

/** The organization's children, as their tables' columns (org_id aside). */
export type ChildTable =
  | 'fx_rates'
  | 'people'
  | 'customers'
  | 'revenue_chunks'
  | 'subscription_chunks'
  | 'consumption_chunks'
  | 'device_chunks';

/**
 * Rows per statement: large enough that the per-statement cost vanishes, small enough that one statement's arrays
 * stay a few megabytes (and that PGlite, which runs a statement on the JS thread, yields between batches).
 */
export const BULK_BATCH_ROWS = 25_000;

/**
 * Inserts an organization's rows given column by column, one statement per batch:
 * `insert into t (org_id, a, b) select $1, * from unnest($2::text[], $3::date[])`. Each column travels as one array
 * parameter, so the server parses and plans one short statement per batch instead of one per row. For upserts
 * (`conflict` is appended verbatim: an `on conflict` clause), which COPY cannot do; appends use `bulkCopy`.
 */
export async function bulkInsert(
  db: Kysely<StoreDatabase>,
  table: ChildTable,
  orgId: string,
  columns: readonly BulkColumn[],
  conflict?: RawBuilder<unknown>,
): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  for (let start = 0; start < rows; start += BULK_BATCH_ROWS) {
    const end = Math.min(rows, start + BULK_BATCH_ROWS);
    const arrays = sql.join(
      columns.map((c) => sql`${c.values.slice(start, end).map((v) => toParameter(c.type, v))}::${sql.raw(c.type)}[]`),
    );
    await sql`insert into ${sql.table(table)} (org_id, ${names}) select ${orgId}::text, * from unnest(${arrays}) ${conflict ?? sql``}`.execute(
      db,
    );
  }
}

/** A value as the pg and PGlite drivers take it in an array parameter. */
function toParameter(type: BulkColumn['type'], value: BulkColumn['values'][number]): string | number | boolean | null {
  if (value instanceof Decimal) return value.toString();
  return type === 'date' && typeof value === 'number' ? formatDay(value) : value;
}
