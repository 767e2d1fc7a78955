import { CompiledQuery, type Kysely } from 'kysely';
import type { ChildTable } from './bulk-insert.js';
import { type CopyColumn, type CopyPart, CopyRows } from './copy-rows.js';
import type { StoreDatabase } from './store-database.js';

/** Column names are the store's own identifiers, never input; this only guards against a slip in the code. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * One table's rows for COPY, encoded ahead of time: plain data whose bytes can cross to another thread without
 * being copied (see `copyEncoded`).
 */
export interface EncodedRows {
  readonly table: ChildTable;
  /** The columns after `org_id`, in the rows' order. */
  readonly columns: readonly string[];
  readonly rows: number;
  /** The rows in PostgreSQL's binary COPY format, without header and trailer, whole rows per chunk. */
  readonly chunks: readonly Uint8Array[];
}

/**
 * Appends an organization's rows with COPY, PostgreSQL's bulk path: the rows travel in the binary COPY format,
 * with no statement to parse and no per-value text to read. For tables written append-only; an upsert needs
 * `bulkInsert` and its `on conflict` clause. How the rows travel (one stream, or a statement per batch) is the
 * connection's choice.
 */
export function bulkCopy(
  db: Kysely<StoreDatabase>,
  table: ChildTable,
  orgId: string,
  columns: readonly CopyColumn[],
): Promise<void> {
  return bulkCopyMany(db, table, [{ orgId, columns }]);
}

/**
 * The same for the rows of many organizations in one COPY: a bulk load's batch costs one statement per table,
 * not one per organization and table. Every part lists the same columns.
 */
export async function bulkCopyMany(db: Kysely<StoreDatabase>, table: ChildTable, parts: readonly CopyPart[]): Promise<void> {
  const rows = CopyRows.ofMany(parts);
  const columns = parts[0]?.columns;
  if (rows.rows === 0 || columns === undefined) return;
  await copy(
    db,
    table,
    columns.map((c) => c.name),
    rows,
  );
}

/** Appends rows encoded ahead of time (see `LoadBatchEncoder`), in one COPY. */
export async function copyEncoded(db: Kysely<StoreDatabase>, encoded: EncodedRows): Promise<void> {
  if (encoded.rows === 0) return;
  await copy(db, encoded.table, encoded.columns, CopyRows.encoded(encoded.rows, encoded.chunks));
}

async function copy(db: Kysely<StoreDatabase>, table: ChildTable, columns: readonly string[], rows: CopyRows): Promise<void> {
  const names = ['org_id', ...columns];
  for (const name of [table, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulkCopy: "${name}" is not a plain identifier`);
  }
  const statement = `copy ${table} (${names.join(', ')}) from stdin with (format binary)`;
  await db.executeQuery(CompiledQuery.raw(statement, [rows]));
}
