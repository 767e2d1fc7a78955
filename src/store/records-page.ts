import { type Kysely, type RawBuilder, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { Decimal } from '../core/decimal.js';
import type { RecordKind, RecordSort } from './record-sorts.js';
import type { StoreDatabase } from './store-database.js';
import { checkLimit } from './store-limits.js';

export { RECORD_KINDS, RECORD_SORTS, type RecordKind, type RecordSort } from './record-sorts.js';

export interface RecordsRequest<K extends RecordKind> {
  readonly kind: K;
  /** Case-insensitive text that one of the record's fields contains. */
  readonly text?: string;
  readonly sort?: RecordSort<K>;
  readonly descending?: boolean;
  readonly offset?: number;
  readonly limit?: number;
  /** Only the records at these places in file order (those that do not count, say). */
  readonly only?: readonly number[];
}

/** A person as stored, at `index` in file order (the index the evaluation's warnings name). */
export interface StoredPerson {
  readonly index: number;
  readonly id: string;
  readonly name: string | null;
  readonly mcid: string | null;
  readonly email: string | null;
  readonly exams: readonly { readonly exam: string; readonly passed: string }[];
}

export interface StoredCustomer {
  readonly index: number;
  readonly id: string;
  readonly name: string | null;
  readonly dpor: readonly { readonly from: string; readonly to: string | null }[];
}

/** A revenue record with its customer's name, for a table that shows names. */
export interface StoredRevenue {
  readonly index: number;
  readonly customer: string;
  readonly customerName: string | null;
  readonly product: string;
  readonly date: string;
  readonly amount: string;
  readonly currency: string;
  readonly netNew: boolean;
}

export interface StoredRecord {
  readonly people: StoredPerson;
  readonly customers: StoredCustomer;
  readonly revenue: StoredRevenue;
}

/**
 * A page of records: `total` of the kind in the organization, `matched` by the filter; `version` is the data version
 * the page was read at, so that what is computed from a whole read (what counts) can be matched to it.
 */
export interface RecordsPage<K extends RecordKind> {
  readonly version: string;
  readonly total: number;
  readonly matched: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: readonly StoredRecord[K][];
}

/** What a query needs of a kind: its numbered rows as SQL over `n`, the sort keys and what the filter searches. */
interface KindQuery {
  /** Rows with `index` (file order from 0) and every column the sort, filter and page need. */
  numbered(org: string, window: Window | null): RawBuilder<unknown>;
  readonly sorts: Readonly<Record<string, string>>;
  readonly searched: string;
}

/** The records the page needs when it neither filters nor sorts: a window of file order. */
interface Window {
  readonly from: number;
  readonly to: number;
}

/**
 * People and customers are numbered by `seq`, which has gaps where an import upserted someone already stored; the
 * evaluation counts from 0 without them. Revenue's chunks number records contiguously from 0 (an addition starts
 * where the last chunk ends), so a record's index is its chunk's `first_seq` plus its place in the chunk.
 */
const KINDS: Readonly<Record<RecordKind, KindQuery>> = {
  people: {
    numbered: (org) => sql`select (row_number() over (order by seq) - 1)::int as index, id, name, mcid, email, exams, passed
      from people where org_id = ${org}`,
    sorts: { file: 'n.index', id: 'n.id', name: 'coalesce(n.name, n.id)', exams: 'cardinality(n.exams)' },
    searched: `concat_ws(' ', n.id, n.name, n.mcid, n.email, array_to_string(n.exams, ' '))`,
  },
  customers: {
    numbered: (org) => sql`select (row_number() over (order by seq) - 1)::int as index, id, name, dpor_from, dpor_to
      from customers where org_id = ${org}`,
    sorts: { file: 'n.index', id: 'n.id', name: 'coalesce(n.name, n.id)' },
    searched: `concat_ws(' ', n.id, n.name)`,
  },
  revenue: {
    // Unfiltered in file order, only the chunks that hold the page are unnested: the others are not even read.
    numbered: (org, window) => sql`select (c.first_seq + r.n - 1)::int as index, r.customer, k.name as customer_name,
        r.product, r.date, r.amount, r.currency, r.net_new
      from revenue_chunks c
        cross join lateral unnest(c.customers, c.products, c.dates, c.amounts, c.currencies, c.net_new)
          with ordinality as r (customer, product, date, amount, currency, net_new, n)
        left join customers k on k.org_id = c.org_id and k.id = r.customer
      where c.org_id = ${org}
        ${window ? sql`and c.first_seq < ${window.to} and c.first_seq + cardinality(c.customers) > ${window.from}` : sql``}`,
    sorts: {
      file: 'n.index',
      date: 'n.date',
      customer: 'coalesce(n.customer_name, n.customer)',
      product: 'n.product',
      amount: 'n.amount',
    },
    searched: `concat_ws(' ', n.customer, n.customer_name, n.product, n.date::text)`,
  },
};

const TOTALS: Readonly<Record<RecordKind, RawBuilder<unknown>>> = {
  people: sql`(select count(*) from people where org_id = o.id)`,
  customers: sql`(select count(*) from customers where org_id = o.id)`,
  revenue: sql`(select coalesce(max(first_seq + cardinality(customers)), 0) from revenue_chunks where org_id = o.id)`,
};

/**
 * A page of one kind of an organization's records, filtered, sorted and paged in SQL in one read-only snapshot, with
 * the organization's data version and its totals; undefined when there is no such organization. Only the page's rows
 * leave the database. The filter is a parameter (searched with `strpos`, so no character of it is a wildcard) and
 * the sort one of a fixed list; file order breaks ties, so pages never overlap.
 */
export async function recordsPage<K extends RecordKind>(
  db: Kysely<StoreDatabase>,
  org: string,
  request: RecordsRequest<K>,
): Promise<RecordsPage<K> | undefined> {
  const limit = Math.min(checkLimit(request.limit ?? DEFAULT_PAGE), MAX_PAGE);
  const offset = checkOffset(request.offset ?? 0);
  const kind = KINDS[request.kind];
  const sort = kind.sorts[request.sort ?? 'file'] ?? 'n.index';
  const direction = sql.raw(request.descending ? 'desc' : 'asc');
  const text = request.text?.trim().toLowerCase() ?? '';
  const filters: RawBuilder<unknown>[] = [sql`true`];
  if (text !== '') filters.push(sql`strpos(lower(${sql.raw(kind.searched)}), ${text}) > 0`);
  if (request.only !== undefined) filters.push(sql`n.index = any(${[...request.only]}::int[])`);
  const plain = text === '' && request.only === undefined && sort === 'n.index';
  const window = plain && !request.descending ? { from: offset, to: offset + limit } : null;
  if (window) filters.push(sql`n.index >= ${window.from} and n.index < ${window.to}`);
  const read = db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  return read.execute(async (trx) => {
    const head = await sql<{ version: string; total: number }>`
      select o.data_version::text as version, ${TOTALS[request.kind]}::int as total
      from organizations o where o.id = ${org}`.execute(trx);
    const found = head.rows[0];
    if (!found) return undefined;
    const rows = await sql<Record<string, unknown> & { matched: number }>`
      with n as materialized (${kind.numbered(org, window)}),
        matched as (select * from n where ${sql.join(filters, sql` and `)})
      select n.*, count(*) over ()::int as matched from matched n
      order by ${sql.raw(sort)} ${direction}, n.index ${direction}
      limit ${limit} offset ${window ? 0 : offset}`.execute(trx);
    const matched = plain ? found.total : (rows.rows[0]?.matched ?? (offset === 0 ? 0 : await countOf(trx, org, kind, filters)));
    return {
      version: found.version,
      total: found.total,
      matched,
      offset,
      limit,
      rows: rows.rows.map((row) => ROWS[request.kind](row)) as StoredRecord[K][],
    };
  });
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 1_000;

function checkOffset(offset: number): number {
  if (Number.isInteger(offset) && offset >= 0) return offset;
  throw new AttainError('store.limit.invalid', `offset must be a whole number of at least 0, not ${offset}`, [
    { code: 'store.limit.invalid', path: '$.offset', params: { limit: String(offset) } },
  ]);
}

/** How many records match when the page asked for is past the last: no row came back to carry the count. */
async function countOf(
  trx: Kysely<StoreDatabase>,
  org: string,
  kind: KindQuery,
  filters: readonly RawBuilder<unknown>[],
): Promise<number> {
  const result = await sql<{ n: number }>`
    with n as (${kind.numbered(org, null)}) select count(*)::int as n from n where ${sql.join(filters, sql` and `)}`.execute(trx);
  return result.rows[0]?.n ?? 0;
}

const ROWS: Readonly<Record<RecordKind, (row: Record<string, unknown>) => StoredRecord[RecordKind]>> = {
  people: (row): StoredPerson => {
    const passed = row.passed as readonly string[];
    return {
      index: row.index as number,
      id: row.id as string,
      name: row.name as string | null,
      mcid: row.mcid as string | null,
      email: row.email as string | null,
      exams: (row.exams as readonly string[]).map((exam, i) => ({ exam, passed: passed[i] as string })),
    };
  },
  customers: (row): StoredCustomer => {
    const to = row.dpor_to as readonly (string | null)[];
    return {
      index: row.index as number,
      id: row.id as string,
      name: row.name as string | null,
      dpor: (row.dpor_from as readonly string[]).map((from, i) => ({ from, to: to[i] ?? null })),
    };
  },
  revenue: (row): StoredRevenue => ({
    index: row.index as number,
    customer: row.customer as string,
    customerName: row.customer_name as string | null,
    product: row.product as string,
    date: row.date as string,
    // As the organization file writes amounts: the database keeps the scale it was given.
    amount: (Decimal.parse(row.amount as string) as Decimal).toString(),
    currency: row.currency as string,
    netNew: row.net_new === true,
  }),
};
