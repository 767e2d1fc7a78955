import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { type Day, parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import { remembered } from '../core/remembered.js';
import type { Customer, ExamPass, Organization, Period, Person } from '../engine/organization.js';
import type { ChildTable } from './bulk-insert.js';
import type { RevenueChunksTable, StoreDatabase } from './store-database.js';

/**
 * Reads whole organizations, seven queries for any number of them. Each table is read column by column: one row per
 * organization holding `array_agg(column order by seq)` for every column (people's exam passes and customers' DPOR
 * periods flattened from their arrays the same way; revenue, which the store keeps as arrays already, one row per
 * chunk). A driver decodes a few large arrays far faster than many small rows (PGlite spends about 20 µs per row,
 * 2 µs per array element), and file order comes back with them. Call inside a repeatable-read transaction so that
 * the seven reads agree.
 * Organizations come back in the order of `ids`; unknown ids are skipped.
 */
export async function readOrganizations(db: Kysely<StoreDatabase>, ids: readonly string[]): Promise<Organization[]> {
  if (ids.length === 0) return [];
  const heads = await sql<{ id: string; name: string | null; market: string; country: string | null }>`
    select id, name, market, country from organizations where id = any(${ids}::text[])`.execute(db);
  const [fx, people, exams, customers, dpor, revenue] = await Promise.all([
    readColumns(db, 'fx_rates', ['currency', 'rate'], ids),
    readParties(db, 'people', 'exams', ids, ['mcid', 'email']),
    readRecords(db, 'people', ['exams', 'passed'], ids),
    readParties(db, 'customers', 'dpor_from', ids),
    readRecords(db, 'customers', ['dpor_from', 'dpor_to'], ids),
    readRevenue(db, ids),
  ]);
  const days = new DayParser();
  const byId = new Map(
    heads.rows.map((head): [string, Organization] => {
      const id = head.id;
      return [
        id,
        {
          id,
          name: head.name,
          // Any market: the catalog in use decides which it knows, and the store outlives catalogs.
          market: head.market,
          country: head.country,
          people: assemblePeople(people.get(id), exams.get(id), days),
          customers: assembleCustomers(customers.get(id), dpor.get(id), days),
          revenue: assembleRevenue(revenue.get(id), days),
          fx: assembleFx(fx.get(id)),
        },
      ];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One organization's column arrays of one table, by column name. */
type Columns = Readonly<Record<string, readonly unknown[]>>;

async function readColumns(
  db: Kysely<StoreDatabase>,
  table: ChildTable,
  names: readonly string[],
  ids: readonly string[],
): Promise<ReadonlyMap<string, Columns>> {
  const aggregates = sql.join(names.map((n) => sql`array_agg(${sql.ref(n)} order by seq) as ${sql.id(n)}`));
  const result = await sql<{ org_id: string } & Columns>`
    select org_id, ${aggregates} from ${sql.table(table)} where org_id = any(${ids}::text[]) group by org_id`.execute(db);
  return new Map(result.rows.map((row) => [row.org_id, row]));
}

/**
 * People or customers: their ids and names, and how many records each holds in its arrays (`count`), so that the
 * records, read apart by `readRecords`, can be dealt back to them.
 */
async function readParties(
  db: Kysely<StoreDatabase>,
  table: 'people' | 'customers',
  records: 'exams' | 'dpor_from',
  ids: readonly string[],
  extra: readonly ('mcid' | 'email')[] = [],
): Promise<ReadonlyMap<string, Columns>> {
  const more = extra.map((n) => sql`, array_agg(${sql.ref(n)} order by seq) as ${sql.id(n)}`);
  const result = await sql<{ org_id: string } & Columns>`
    select org_id, array_agg(id order by seq) as id, array_agg(name order by seq) as name,
      array_agg(cardinality(${sql.ref(records)}) order by seq) as count${sql.join(more, sql``)}
    from ${sql.table(table)} where org_id = any(${ids}::text[]) group by org_id`.execute(db);
  return new Map(result.rows.map((row) => [row.org_id, row]));
}

/**
 * The records that people or customers hold in their array columns, flattened in their owners' order into one
 * array per column and organization: many small arrays, one per person, would cost the drivers a value each.
 */
async function readRecords(
  db: Kysely<StoreDatabase>,
  table: 'people' | 'customers',
  arrays: readonly [string, string],
  ids: readonly string[],
): Promise<ReadonlyMap<string, Columns>> {
  const [a, b] = arrays;
  const result = await sql<{ org_id: string } & Columns>`
    select t.org_id, array_agg(r.a order by t.seq, r.n) as ${sql.id(a)}, array_agg(r.b order by t.seq, r.n) as ${sql.id(b)}
    from ${sql.table(table)} t cross join lateral unnest(${sql.ref(`t.${a}`)}, ${sql.ref(`t.${b}`)}) with ordinality as r (a, b, n)
    where t.org_id = any(${ids}::text[]) group by t.org_id`.execute(db);
  return new Map(result.rows.map((row) => [row.org_id, row]));
}

/**
 * Revenue, its chunks joined in order into one array per field. The chunks already are column arrays, so the
 * server only reads them: no aggregation, no sort beyond the primary key's order.
 */
async function readRevenue(db: Kysely<StoreDatabase>, ids: readonly string[]): Promise<ReadonlyMap<string, Columns>> {
  const result = await sql<RevenueChunksTable>`
    select org_id, customers, products, dates, amounts, currencies, net_new from revenue_chunks
    where org_id = any(${ids}::text[]) order by org_id, first_seq`.execute(db);
  const byOrganization = new Map<string, Record<RevenueField, unknown[]>>();
  for (const chunk of result.rows) {
    let columns = byOrganization.get(chunk.org_id);
    if (columns === undefined) {
      columns = { customer: [], product: [], date: [], amount: [], currency: [], net_new: [] };
      byOrganization.set(chunk.org_id, columns);
    }
    append(columns.customer, chunk.customers);
    append(columns.product, chunk.products);
    append(columns.date, chunk.dates);
    append(columns.amount, chunk.amounts);
    append(columns.currency, chunk.currencies);
    append(columns.net_new, chunk.net_new);
  }
  return byOrganization;
}

type RevenueField = 'customer' | 'product' | 'date' | 'amount' | 'currency' | 'net_new';

/** Appends in a loop: spreading a 10,000-element chunk into `push` risks the engine's argument limit. */
function append(target: unknown[], values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) target.push(values[i]);
}

function assemblePeople(people: Columns | undefined, exams: Columns | undefined, days: DayParser): Person[] {
  if (!people) return [];
  const codes = strings(exams?.exams);
  const passed = strings(exams?.passed);
  const names = nullableStrings(people.name);
  const mcids = nullableStrings(people.mcid);
  const emails = nullableStrings(people.email);
  const counts = people.count as readonly number[];
  let next = 0;
  return strings(people.id).map((id, i) => {
    const held: ExamPass[] = [];
    for (const end = next + (counts[i] ?? 0); next < end; next++) {
      held.push({ exam: at(codes, next), passed: days.parse(at(passed, next)) });
    }
    const mcid = mcids[i];
    const email = emails[i];
    return {
      id,
      name: names[i] ?? null,
      ...(typeof mcid === 'string' && { mcid }),
      ...(typeof email === 'string' && { email }),
      exams: held,
    };
  });
}

function assembleCustomers(customers: Columns | undefined, dpor: Columns | undefined, days: DayParser): Customer[] {
  if (!customers) return [];
  const from = strings(dpor?.dpor_from);
  const to = nullableStrings(dpor?.dpor_to);
  const names = nullableStrings(customers.name);
  const counts = customers.count as readonly number[];
  let next = 0;
  return strings(customers.id).map((id, i) => {
    const periods: Period[] = [];
    for (const end = next + (counts[i] ?? 0); next < end; next++) {
      const until = to[next] ?? null;
      periods.push({ from: days.parse(at(from, next)), to: until === null ? null : days.parse(until) });
    }
    return { id, name: names[i] ?? null, dpor: periods };
  });
}

function assembleRevenue(revenue: Columns | undefined, days: DayParser): Organization['revenue'] {
  if (!revenue) return [];
  const products = strings(revenue.product);
  const dates = strings(revenue.date);
  const amounts = strings(revenue.amount);
  const currencies = strings(revenue.currency);
  const netNew = revenue.net_new as readonly boolean[];
  return strings(revenue.customer).map((customer, i) => ({
    customer,
    product: at(products, i),
    date: days.parse(at(dates, i)),
    amount: decimal(at(amounts, i)),
    currency: at(currencies, i),
    netNew: netNew[i] === true,
  }));
}

function assembleFx(fx: Columns | undefined): ReadonlyMap<string, Decimal> {
  if (!fx) return new Map();
  const rates = strings(fx.rate);
  return new Map(strings(fx.currency).map((currency, i) => [currency, decimal(at(rates, i))]));
}

/** Parses the database's dates, each distinct one once. */
class DayParser {
  private readonly cache = new Map<string, Day | null>();

  parse(text: string): Day {
    return remembered(this.cache, text, storedDay) as Day;
  }
}

function storedDay(text: string): Day {
  return parseDay(text) ?? corrupt(`date "${text}"`);
}

function decimal(text: string): Decimal {
  return Decimal.parse(text) ?? corrupt(`amount "${text}"`);
}

function strings(values: readonly unknown[] | undefined): readonly string[] {
  return (values ?? []) as readonly string[];
}

function nullableStrings(values: readonly unknown[] | undefined): readonly (string | null)[] {
  return (values ?? []) as readonly (string | null)[];
}

function at(values: readonly string[], i: number): string {
  return values[i] ?? corrupt(`missing value at ${i}`);
}

/** A value the schema's constraints should have made impossible. */
function corrupt(what: string): never {
  throw new AttainError('store.corrupt', `the store holds an unreadable ${what}`, [
    { code: 'store.corrupt', path: '$', params: { what } },
  ]);
}
