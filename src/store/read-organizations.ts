import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { type Day, parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import { pushTo } from '../core/push-to.js';
import { remembered } from '../core/remembered.js';
import {
  type Customer,
  type ExamPass,
  MARKETS,
  type Market,
  type Organization,
  type Period,
  type Person,
} from '../engine/organization.js';
import type { ChildTable } from './bulk-insert.js';
import type { RevenueChunksTable, StoreDatabase } from './store-database.js';

/**
 * Reads whole organizations, seven queries for any number of them. Each child table is read column by column:
 * one row per organization holding `array_agg(column order by seq)` for every column (revenue, which the store
 * keeps as arrays already, one row per chunk). A driver decodes a few large arrays far faster than many small rows
 * (PGlite spends about 20 µs per row, 2 µs per array element), and file order comes back with them. Call inside a repeatable-read transaction so that the seven reads agree.
 * Organizations come back in the order of `ids`; unknown ids are skipped.
 */
export async function readOrganizations(db: Kysely<StoreDatabase>, ids: readonly string[]): Promise<Organization[]> {
  if (ids.length === 0) return [];
  const heads = await sql<{ id: string; name: string | null; market: string; country: string | null }>`
    select id, name, market, country from organizations where id = any(${ids}::text[])`.execute(db);
  const columns = (table: ChildTable, names: readonly string[]) => readColumns(db, table, names, ids);
  const [fx, people, exams, customers, dpor, revenue] = await Promise.all([
    columns('fx_rates', ['currency', 'rate']),
    columns('people', ['id', 'name']),
    columns('exam_passes', ['person_id', 'exam', 'passed']),
    columns('customers', ['id', 'name']),
    columns('dpor_periods', ['customer_id', 'from_date', 'to_date']),
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
          market: market(head.market),
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
  const examsByPerson = new Map<string, ExamPass[]>();
  if (exams) {
    const persons = strings(exams.person_id);
    const codes = strings(exams.exam);
    const passed = strings(exams.passed);
    persons.forEach((person, i) => {
      pushTo(examsByPerson, person, { exam: at(codes, i), passed: days.parse(at(passed, i)) });
    });
  }
  if (!people) return [];
  const names = nullableStrings(people.name);
  return strings(people.id).map((id, i) => ({ id, name: names[i] ?? null, exams: examsByPerson.get(id) ?? [] }));
}

function assembleCustomers(customers: Columns | undefined, dpor: Columns | undefined, days: DayParser): Customer[] {
  const periodsByCustomer = new Map<string, Period[]>();
  if (dpor) {
    const owners = strings(dpor.customer_id);
    const from = strings(dpor.from_date);
    const to = nullableStrings(dpor.to_date);
    owners.forEach((customer, i) => {
      const end = to[i] ?? null;
      pushTo(periodsByCustomer, customer, { from: days.parse(at(from, i)), to: end === null ? null : days.parse(end) });
    });
  }
  if (!customers) return [];
  const names = nullableStrings(customers.name);
  return strings(customers.id).map((id, i) => ({ id, name: names[i] ?? null, dpor: periodsByCustomer.get(id) ?? [] }));
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

function market(text: string): Market {
  return (MARKETS as readonly string[]).includes(text) ? (text as Market) : corrupt(`market "${text}"`);
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
