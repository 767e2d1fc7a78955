import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { type Day, parseDay } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import { remembered } from '../core/remembered.js';
import {
  ASSOCIATION_TYPES,
  type Association,
  type AssociationType,
  type ConsumptionRecord,
  type Customer,
  type DeviceShipment,
  type ExamPass,
  type Organization,
  type Period,
  type Person,
  type RevenueRecord,
  type Subscription,
} from '../engine/organization.js';
import type { ChildTable } from './bulk-insert.js';
import type { StoreDatabase } from './store-database.js';

/**
 * Reads whole organizations, seven to eleven queries for any number of them. Each table is read column by column: one row per
 * organization holding `array_agg(column order by seq)` for every column (people's exam passes and customers' DPOR
 * periods flattened from their arrays the same way; revenue, subscriptions, consumption and devices, which the store
 * keeps as arrays already, one row per chunk). A driver decodes a few large arrays far faster than many small rows
 * (PGlite spends about 20 µs per row, 2 µs per array element), and file order comes back with them. Expiry days and
 * associations other than DPOR, subscriptions, consumption and devices, which most data lacks, are read only for the
 * organizations that may have them (`program_data`, which the first query reads), expiry days and associations only
 * from the rows that have them. Call inside a
 * repeatable-read transaction so that the reads agree.
 * Organizations come back in the order of `ids`; unknown ids are skipped.
 */
export async function readOrganizations(db: Kysely<StoreDatabase>, ids: readonly string[]): Promise<Organization[]> {
  if (ids.length === 0) return [];
  const heads = await sql<{ id: string; name: string | null; market: string; country: string | null; program_data: boolean }>`
    select id, name, market, country, program_data from organizations where id = any(${ids}::text[])`.execute(db);
  // The data most organizations lack is read only for those that may have it: for the others, no query at all.
  const withProgramData = heads.rows.flatMap((h) => (h.program_data ? [h.id] : []));
  const [fx, people, exams, expires, customers, dpor, associations, revenue, subscriptions, consumption, devices] =
    await Promise.all([
      readColumns(db, 'fx_rates', ['currency', 'rate'], ids),
      readParties(db, 'people', 'exams', ids, ['mcid', 'email']),
      readRecords(db, 'people', ['exams', 'passed'], ids),
      readRare(db, 'people', ['expires'], withProgramData),
      readParties(db, 'customers', 'dpor_from', ids, ['country']),
      readRecords(db, 'customers', ['dpor_from', 'dpor_to'], ids),
      readRare(db, 'customers', ['association_types', 'association_from', 'association_to'], withProgramData),
      readChunks(db, 'revenue_chunks', REVENUE_FIELDS, ids),
      readChunks(db, 'subscription_chunks', SUBSCRIPTION_FIELDS, withProgramData),
      readChunks(db, 'consumption_chunks', CONSUMPTION_FIELDS, withProgramData),
      readChunks(db, 'device_chunks', DEVICE_FIELDS, withProgramData),
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
          people: assemblePeople(people.get(id), exams.get(id), expires.get(id), days),
          customers: assembleCustomers(customers.get(id), dpor.get(id), associations.get(id), days),
          revenue: assembleRevenue(revenue.get(id), days),
          subscriptions: assembleSubscriptions(subscriptions.get(id), days),
          consumption: assembleConsumption(consumption.get(id), days),
          devices: assembleDevices(devices.get(id), days),
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
  extra: readonly ('mcid' | 'country' | 'email')[] = [],
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
 * Records that few people or customers hold (expiry days, associations other than DPOR), flattened as `readRecords`
 * does but only from the rows that hold any, with their owner's id repeated per record (`owner`).
 */
async function readRare(
  db: Kysely<StoreDatabase>,
  table: 'people' | 'customers',
  arrays: readonly [string, ...string[]],
  ids: readonly string[],
): Promise<ReadonlyMap<string, Columns>> {
  if (ids.length === 0) return new Map();
  const names = arrays.map((_, i) => `a${i}`);
  const aggregates = arrays.map((a, i) => sql`, array_agg(${sql.ref(`r.${names[i]}`)} order by t.seq, r.n) as ${sql.id(a)}`);
  const result = await sql<{ org_id: string } & Columns>`
    select t.org_id, array_agg(t.id order by t.seq, r.n) as owner${sql.join(aggregates, sql``)}
    from ${sql.table(table)} t
      cross join lateral unnest(${sql.join(arrays.map((a) => sql.ref(`t.${a}`)))}) with ordinality as r (${sql.join(
        names.map((n) => sql.id(n)),
      )}, n)
    where t.org_id = any(${ids}::text[]) and ${sql.ref(`t.${arrays[0]}`)} is not null group by t.org_id`.execute(db);
  return new Map(result.rows.map((row) => [row.org_id, row]));
}

const REVENUE_FIELDS = ['customers', 'products', 'dates', 'amounts', 'currencies', 'net_new', 'attributions'] as const;
const SUBSCRIPTION_FIELDS = ['customers', 'ids', 'products', 'seats', 'from_dates', 'to_dates', 'trials'] as const;
const CONSUMPTION_FIELDS = ['customers', 'dates', 'amounts', 'currencies', 'services'] as const;
const DEVICE_FIELDS = ['products', 'dates', 'units'] as const;

/**
 * Chunked records (revenue, subscriptions, consumption, devices), each organization's chunks joined in order into
 * one array per field. The chunks already are column arrays, so the server only reads them: no aggregation, no sort
 * beyond the primary key's order. A field whose array is null in a chunk (no record of it has the field) reads as
 * nulls there; a field null in every chunk stays an empty array.
 */
async function readChunks<F extends string>(
  db: Kysely<StoreDatabase>,
  table: ChunkTable,
  fields: readonly F[],
  ids: readonly string[],
): Promise<ReadonlyMap<string, Record<F, unknown[]>>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ org_id: string } & Record<F, readonly unknown[] | null>>`
    select org_id, ${sql.join(fields.map((f) => sql.ref(f)))} from ${sql.table(table)}
    where org_id = any(${ids}::text[]) order by org_id, first_seq`.execute(db);
  const first = fields[0] as F;
  const byOrganization = new Map<string, { columns: Record<F, unknown[]>; length: number }>();
  for (const chunk of result.rows) {
    let read = byOrganization.get(chunk.org_id);
    if (read === undefined) {
      read = { columns: Object.fromEntries(fields.map((f) => [f, []])) as unknown as Record<F, unknown[]>, length: 0 };
      byOrganization.set(chunk.org_id, read);
    }
    for (const field of fields) {
      const values = chunk[field];
      if (values === null) continue;
      const target = read.columns[field];
      // Nulls for the chunks before this one that had no array for the field.
      while (target.length < read.length) target.push(null);
      append(target, values);
    }
    read.length += (chunk[first] as readonly unknown[]).length;
  }
  return new Map([...byOrganization].map(([org, read]) => [org, read.columns]));
}

type ChunkTable = 'revenue_chunks' | 'subscription_chunks' | 'consumption_chunks' | 'device_chunks';

/** Appends in a loop: spreading a 10,000-element chunk into `push` risks the engine's argument limit. */
function append(target: unknown[], values: readonly unknown[]): void {
  for (let i = 0; i < values.length; i++) target.push(values[i]);
}

/** Each owner's rare records (`readRare`), by owner id. */
function byOwner<T>(rare: Columns | undefined, record: (i: number) => T): ReadonlyMap<string, T[]> {
  const owners = strings(rare?.owner);
  const result = new Map<string, T[]>();
  for (let i = 0; i < owners.length; i++) {
    const owner = owners[i] as string;
    let list = result.get(owner);
    if (!list) {
      list = [];
      result.set(owner, list);
    }
    list.push(record(i));
  }
  return result;
}

function assemblePeople(
  people: Columns | undefined,
  exams: Columns | undefined,
  rare: Columns | undefined,
  days: DayParser,
): Person[] {
  if (!people) return [];
  const codes = strings(exams?.exams);
  const passed = strings(exams?.passed);
  const names = nullableStrings(people.name);
  const mcids = nullableStrings(people.mcid);
  const emails = nullableStrings(people.email);
  const counts = people.count as readonly number[];
  const expiring = nullableStrings(rare?.expires);
  const expires = byOwner(rare, (i) => expiring[i] ?? null);
  let next = 0;
  return strings(people.id).map((id, i) => {
    const held: ExamPass[] = [];
    const until = expires.get(id);
    for (let j = 0, end = next + (counts[i] ?? 0); next < end; next++, j++) {
      const expiry = until?.[j] ?? null;
      const pass = { exam: at(codes, next), passed: days.parse(at(passed, next)) };
      held.push(expiry === null ? pass : { ...pass, expires: days.parse(expiry) });
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

function assembleCustomers(
  customers: Columns | undefined,
  dpor: Columns | undefined,
  rare: Columns | undefined,
  days: DayParser,
): Customer[] {
  if (!customers) return [];
  const from = strings(dpor?.dpor_from);
  const to = nullableStrings(dpor?.dpor_to);
  const names = nullableStrings(customers.name);
  const countries = nullableStrings(customers.country);
  const counts = customers.count as readonly number[];
  const types = strings(rare?.association_types);
  const starts = strings(rare?.association_from);
  const ends = nullableStrings(rare?.association_to);
  const associations = byOwner(rare, (i): Association => {
    const end = ends[i] ?? null;
    return {
      type: associationType(at(types, i)),
      from: days.parse(at(starts, i)),
      to: end === null ? null : days.parse(end),
    };
  });
  let next = 0;
  return strings(customers.id).map((id, i) => {
    const periods: Period[] = [];
    for (const end = next + (counts[i] ?? 0); next < end; next++) {
      const until = to[next] ?? null;
      periods.push({ from: days.parse(at(from, next)), to: until === null ? null : days.parse(until) });
    }
    const country = countries[i];
    const others = associations.get(id);
    return {
      id,
      name: names[i] ?? null,
      ...(typeof country === 'string' && { country }),
      dpor: periods,
      ...(others !== undefined && { associations: others }),
    };
  });
}

function assembleRevenue(revenue: Record<(typeof REVENUE_FIELDS)[number], unknown[]> | undefined, days: DayParser) {
  if (!revenue) return [];
  const products = strings(revenue.products);
  const dates = strings(revenue.dates);
  const amounts = strings(revenue.amounts);
  const currencies = strings(revenue.currencies);
  const netNew = revenue.net_new as readonly boolean[];
  const attributions = nullableStrings(revenue.attributions);
  return strings(revenue.customers).map((customer, i): RevenueRecord => {
    const attribution = attributions[i] ?? null;
    return {
      customer,
      product: at(products, i),
      date: days.parse(at(dates, i)),
      amount: decimal(at(amounts, i)),
      currency: at(currencies, i),
      netNew: netNew[i] === true,
      ...(attribution !== null && { attribution: associationType(attribution) }),
    };
  });
}

function assembleSubscriptions(
  subscriptions: Record<(typeof SUBSCRIPTION_FIELDS)[number], unknown[]> | undefined,
  days: DayParser,
): Subscription[] {
  if (!subscriptions) return [];
  const ids = nullableStrings(subscriptions.ids);
  const products = strings(subscriptions.products);
  const seats = subscriptions.seats as readonly number[];
  const from = strings(subscriptions.from_dates);
  const to = nullableStrings(subscriptions.to_dates);
  const trials = subscriptions.trials as readonly boolean[];
  return strings(subscriptions.customers).map((customer, i) => {
    const until = to[i] ?? null;
    return {
      id: ids[i] ?? null,
      customer,
      product: at(products, i),
      seats: seats[i] ?? corrupt(`missing seats at ${i}`),
      from: days.parse(at(from, i)),
      to: until === null ? null : days.parse(until),
      trial: trials[i] === true,
    };
  });
}

function assembleConsumption(
  consumption: Record<(typeof CONSUMPTION_FIELDS)[number], unknown[]> | undefined,
  days: DayParser,
): ConsumptionRecord[] {
  if (!consumption) return [];
  const dates = strings(consumption.dates);
  const amounts = strings(consumption.amounts);
  const currencies = strings(consumption.currencies);
  const services = nullableStrings(consumption.services);
  return strings(consumption.customers).map((customer, i) => {
    const service = services[i] ?? null;
    return {
      customer,
      date: days.parse(at(dates, i)),
      amount: decimal(at(amounts, i)),
      currency: at(currencies, i),
      ...(service !== null && { service }),
    };
  });
}

function assembleDevices(devices: Record<(typeof DEVICE_FIELDS)[number], unknown[]> | undefined, days: DayParser) {
  if (!devices) return [];
  const dates = strings(devices.dates);
  const units = devices.units as readonly number[];
  return strings(devices.products).map(
    (product, i): DeviceShipment => ({
      product,
      date: days.parse(at(dates, i)),
      units: units[i] ?? corrupt(`missing units at ${i}`),
    }),
  );
}

function associationType<T extends AssociationType>(text: string): T {
  return ((ASSOCIATION_TYPES as readonly string[]).includes(text) ? text : corrupt(`association "${text}"`)) as T;
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
