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
  readonly exams: readonly { readonly exam: string; readonly passed: string; readonly expires?: string }[];
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

/** What a query needs of a kind: its numbered rows as `n`, its sort keys, its filter and the page's own columns. */
interface KindQuery {
  /** Rows with `index` (file order from 0) and every column the filter, sort and page need. */
  numbered(org: string): RawBuilder<unknown>;
  /** Each sort's key over `n`, and a join over `n` that it needs. */
  readonly sorts: Readonly<
    Record<string, { readonly key: RawBuilder<unknown>; readonly join?: (org: string) => RawBuilder<unknown> }>
  >;
  /** Whether the record at `n` has the (lower-case) text in one of its fields. */
  search(org: string, text: string): RawBuilder<unknown>;
  /** More columns of the page's rows (`n`), as a select list and its joins. */
  readonly more?: (org: string) => { readonly columns: RawBuilder<unknown>; readonly joins: RawBuilder<unknown> };
}

/** Revenue's customer names, by a join on the customer of `n`. */
const customerNames = (org: string) => sql`left join customers k on k.org_id = ${org} and k.id = n.customer`;

const REVENUE_COLUMNS = sql.raw('customer, product, date, amount, currency, net_new');
const REVENUE_ARRAYS = ['customers', 'products', 'dates', 'amounts', 'currencies', 'net_new'] as const;

/**
 * People and customers are numbered by `seq`, which has gaps where an import upserted someone already stored; the
 * evaluation counts from 0 without them. Revenue's chunks number records contiguously from 0 (an addition starts
 * where the last chunk ends), so a record's index is its chunk's `first_seq` plus its place in the chunk.
 */
const KINDS: Readonly<Record<RecordKind, KindQuery>> = {
  people: {
    numbered: (
      org,
    ) => sql`select (row_number() over (order by seq) - 1)::int as index, id, name, mcid, email, exams, passed, expires
      from people where org_id = ${org}`,
    sorts: {
      file: { key: sql`n.index` },
      id: { key: sql`n.id` },
      name: { key: sql`coalesce(n.name, n.id)` },
      exams: { key: sql`cardinality(n.exams)` },
    },
    search: (_, text) =>
      sql`strpos(lower(concat_ws(' ', n.id, n.name, n.mcid, n.email, array_to_string(n.exams, ' '))), ${text}) > 0`,
  },
  customers: {
    numbered: (org) => sql`select (row_number() over (order by seq) - 1)::int as index, id, name, dpor_from, dpor_to
      from customers where org_id = ${org}`,
    sorts: { file: { key: sql`n.index` }, id: { key: sql`n.id` }, name: { key: sql`coalesce(n.name, n.id)` } },
    search: (_, text) => sql`strpos(lower(concat_ws(' ', n.id, n.name)), ${text}) > 0`,
  },
  revenue: {
    numbered: (org) => sql`select (c.first_seq + r.n - 1)::int as index, r.customer, r.product, r.date, r.amount,
        r.currency, r.net_new
      from revenue_chunks c
        cross join lateral unnest(${sql.join(REVENUE_ARRAYS.map((a) => sql.ref(`c.${a}`)))})
          with ordinality as r (${REVENUE_COLUMNS}, n)
      where c.org_id = ${org}`,
    sorts: {
      file: { key: sql`n.index` },
      date: { key: sql`n.date` },
      customer: { key: sql`coalesce(k.name, n.customer)`, join: customerNames },
      product: { key: sql`n.product` },
      amount: { key: sql`n.amount` },
    },
    // Field by field, and customers by name through the few customers whose name has the text: a concatenation
    // and a join for each of a hundred thousand records took twice as long.
    search: (org, text) => sql`(strpos(lower(n.customer), ${text}) > 0 or strpos(lower(n.product), ${text}) > 0
      or strpos(n.date::text, ${text}) > 0
      or n.customer in (select id from customers where org_id = ${org} and strpos(lower(name), ${text}) > 0))`,
    more: (org) => ({ columns: sql`, k.name as customer_name`, joins: customerNames(org) }),
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
 * the sort one of a fixed list; file order breaks ties, so pages never overlap. What matched is listed narrow
 * (index and sort key), counted, sorted and paged; only the page's rows are joined to the rest of their columns.
 */
export async function recordsPage<K extends RecordKind>(
  db: Kysely<StoreDatabase>,
  org: string,
  request: RecordsRequest<K>,
): Promise<RecordsPage<K> | undefined> {
  const limit = Math.min(checkLimit(request.limit ?? DEFAULT_PAGE), MAX_PAGE);
  const offset = checkOffset(request.offset ?? 0);
  const kind = KINDS[request.kind];
  const sortName: string = request.sort ?? 'file';
  const sort = kind.sorts[sortName] ?? { key: sql`n.index` };
  const direction = sql.raw(request.descending ? 'desc' : 'asc');
  const text = request.text?.trim().toLowerCase() ?? '';
  const filters: RawBuilder<unknown>[] = [sql`true`];
  if (text !== '') filters.push(kind.search(org, text));
  if (request.only !== undefined) filters.push(sql`n.index = any(${[...request.only]}::int[])`);
  const plain = text === '' && request.only === undefined && sortName === 'file';
  const more = kind.more?.(org) ?? { columns: sql``, joins: sql`` };
  const read = db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  return read.execute(async (trx) => {
    const head = await sql<{ version: string; total: number }>`
      select o.data_version::text as version, ${TOTALS[request.kind]}::int as total
      from organizations o where o.id = ${org}`.execute(trx);
    const found = head.rows[0];
    if (!found) return undefined;
    if (text === '' && sortName === 'file' && request.only !== undefined) {
      // The records asked for, in file order: the page is a slice of the list itself, and only its rows are read.
      const listed = [...new Set(request.only)].filter((i) => Number.isInteger(i) && i >= 0 && i < found.total);
      listed.sort((a, b) => (request.descending ? b - a : a - b));
      const indexes = listed.slice(offset, offset + limit);
      const rows =
        request.kind === 'revenue'
          ? await revenueAt(trx, org, indexes)
          : (
              await sql<Record<string, unknown>>`
              with n as (${kind.numbered(org)}) select * from n where n.index = any(${indexes}::int[])`.execute(trx)
            ).rows.map((row) => ROWS[request.kind](row));
      const byIndex = new Map(rows.map((row) => [row.index, row] as const));
      return {
        version: found.version,
        total: found.total,
        matched: listed.length,
        offset,
        limit,
        rows: indexes.flatMap((i) => byIndex.get(i) ?? []) as StoredRecord[K][],
      };
    }
    if (plain) {
      const descending = request.descending === true;
      const rows =
        request.kind === 'revenue'
          ? await revenueWindow(trx, org, windowOf(found.total, offset, limit, descending))
          : await partiesInOrder(trx, request.kind, org, { offset, limit, descending, total: found.total });
      const ordered = descending && request.kind === 'revenue' ? rows.reverse() : rows;
      return {
        version: found.version,
        total: found.total,
        matched: found.total,
        offset,
        limit,
        rows: ordered as StoredRecord[K][],
      };
    }
    const result = await sql<Record<string, unknown> & { matched: number }>`
      with n as materialized (${kind.numbered(org)}),
        matched as (select n.index, ${sort.key} as key from n ${sort.join?.(org) ?? sql``}
          where ${sql.join(filters, sql` and `)}),
        page as (select index, key from matched order by key ${direction}, index ${direction}
          limit ${limit} offset ${offset})
      select n.*${more.columns}, (select count(*) from matched)::int as matched
      from page p join n on n.index = p.index ${more.joins}
      order by p.key ${direction}, p.index ${direction}`.execute(trx);
    const matched = plain
      ? found.total
      : (result.rows[0]?.matched ?? (offset === 0 ? 0 : await countOf(trx, org, kind, filters)));
    return {
      version: found.version,
      total: found.total,
      matched,
      offset,
      limit,
      rows: result.rows.map((row) => ROWS[request.kind](row)) as StoredRecord[K][],
    };
  });
}

/** The records from `from` up to `to` in file order. */
interface Window {
  readonly from: number;
  readonly to: number;
}

/** The page's records in file order, counted from the end when descending. */
function windowOf(total: number, offset: number, limit: number, descending: boolean): Window {
  if (!descending) return { from: offset, to: Math.min(total, offset + limit) };
  return { from: Math.max(0, total - offset - limit), to: Math.max(0, total - offset) };
}

/**
 * Revenue records in a window of file order, read by slicing the chunks that hold them: neither filtered nor sorted,
 * a page needs no other record, and a chunk unnested whole is ten thousand rows for twenty-five.
 */
/** Revenue records by index: each read from its chunk by subscript, without unnesting the chunk. */
async function revenueAt(trx: Kysely<StoreDatabase>, org: string, indexes: readonly number[]): Promise<StoredRevenue[]> {
  if (indexes.length === 0) return [];
  const at = (array: string) => sql`${sql.ref(`c.${array}`)}[t.i - c.first_seq + 1]`;
  const result = await sql<Record<string, unknown>>`
    select t.i as index, ${at('customers')} as customer, ${at('products')} as product, ${at('dates')} as date,
      ${at('amounts')} as amount, ${at('currencies')} as currency, ${at('net_new')} as net_new, k.name as customer_name
    from unnest(${[...indexes]}::int[]) as t (i)
      join revenue_chunks c on c.org_id = ${org} and c.first_seq <= t.i and t.i < c.first_seq + cardinality(c.customers)
      left join customers k on k.org_id = c.org_id and k.id = ${at('customers')}`.execute(trx);
  return result.rows.map((row) => ROWS.revenue(row) as StoredRevenue);
}

async function revenueWindow(trx: Kysely<StoreDatabase>, org: string, window: Window): Promise<StoredRevenue[]> {
  if (window.to <= window.from) return [];
  const slices = sql.join(REVENUE_ARRAYS.map((a) => sql`${sql.ref(`c.${a}`)}[c.lo:c.hi]`));
  const result = await sql<Record<string, unknown>>`
    select (c.first_seq + c.lo + r.n - 2)::int as index, r.*, k.name as customer_name
    from (select *, greatest(${window.from} - first_seq + 1, 1) as lo, ${window.to} - first_seq as hi
        from revenue_chunks where org_id = ${org} and first_seq < ${window.to}
          and first_seq + cardinality(customers) > ${window.from}) c
      cross join lateral unnest(${slices}) with ordinality as r (${REVENUE_COLUMNS}, n)
      left join customers k on k.org_id = c.org_id and k.id = r.customer
    order by index`.execute(trx);
  return result.rows.map((row) => ROWS.revenue(row) as StoredRevenue);
}

/** The columns of a person or customer as a page shows them. */
const PARTY_COLUMNS = {
  people: sql`id, name, mcid, email, exams, passed, expires`,
  customers: sql`id, name, dpor_from, dpor_to`,
} as const;

/**
 * People or customers in file order, either way: the primary key's order by `seq`, the page's rows only; each one's
 * index is its place in that order, which the offset gives without numbering the others.
 */
async function partiesInOrder(
  trx: Kysely<StoreDatabase>,
  kind: 'people' | 'customers',
  org: string,
  page: { readonly offset: number; readonly limit: number; readonly descending: boolean; readonly total: number },
): Promise<StoredRecord['people' | 'customers'][]> {
  const result = await sql<Record<string, unknown>>`
    select ${PARTY_COLUMNS[kind]} from ${sql.table(kind)} where org_id = ${org}
    order by seq ${sql.raw(page.descending ? 'desc' : 'asc')} limit ${page.limit} offset ${page.offset}`.execute(trx);
  return result.rows.map((row, i) => {
    const index = page.descending ? page.total - 1 - page.offset - i : page.offset + i;
    return ROWS[kind]({ ...row, index }) as StoredRecord['people' | 'customers'];
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
    with n as (${kind.numbered(org)}) select count(*)::int as n from n where ${sql.join(filters, sql` and `)}`.execute(trx);
  return result.rows[0]?.n ?? 0;
}

const ROWS: Readonly<Record<RecordKind, (row: Record<string, unknown>) => StoredRecord[RecordKind]>> = {
  people: (row): StoredPerson => {
    const passed = row.passed as readonly string[];
    // Null for people none of whose passes expire (migration 0013).
    const expires = row.expires as readonly (string | null)[] | null;
    return {
      index: row.index as number,
      id: row.id as string,
      name: row.name as string | null,
      mcid: row.mcid as string | null,
      email: row.email as string | null,
      exams: (row.exams as readonly string[]).map((exam, i) => {
        const until = expires?.[i];
        return { exam, passed: passed[i] as string, ...(typeof until === 'string' && { expires: until }) };
      }),
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
