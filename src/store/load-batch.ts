import type { Market, Organization } from '../engine/organization.js';
import type { EncodedRows } from './bulk-copy.js';
import type { ChildTable } from './bulk-insert.js';
import { type CopyColumn, RowEncoder } from './copy-rows.js';
import { organizationColumns as columns } from './organization-columns.js';

/**
 * Bytes per encoded chunk: PGlite runs a chunk as a COPY statement of its own on the JS thread, so a chunk holds the
 * event loop about a tenth of a second per megabyte; PostgreSQL streams chunks one after another.
 */
const CHUNK_BYTES = 1024 * 1024;

/** An organization's records counted, as its `org.load` audit entry lists them. */
export interface RecordCounts {
  readonly people: number;
  readonly exams: number;
  readonly customers: number;
  readonly dpor: number;
  readonly revenue: number;
  readonly fx: number;
  /** Counted only when the organization has them, so that an entry for the seeds' data reads as it did. */
  readonly associations?: number;
  readonly subscriptions?: number;
  readonly consumption?: number;
  readonly devices?: number;
}

/** An organization of a load batch: its own row's fields, and its records counted. */
export interface LoadBatchMember {
  readonly id: string;
  readonly name: string | null;
  readonly market: Market;
  readonly country: string | null;
  /** Whether it holds data of migration 0013 (`hasProgramData`). */
  readonly programData: boolean;
  readonly counts: RecordCounts;
  /** Its people's MCIDs, checked against the other organizations' before the batch is written. */
  readonly mcids: readonly { readonly person: string; readonly mcid: string; readonly at: number }[];
}

/**
 * Organizations ready to be written in one transaction (`Store.writeLoadBatch`): their own rows' fields, and their
 * records already encoded for one COPY per child table. Plain data and byte chunks, so that a batch encoded on a
 * worker thread crosses to the writing thread with its bytes transferred, not copied (see `loadBatchTransfers`).
 */
export interface LoadBatch {
  readonly organizations: readonly LoadBatchMember[];
  /** Parents before children, in the order the foreign keys need. */
  readonly tables: readonly EncodedRows[];
}

/** Each child table's columns for an organization, parents first. */
const TABLES: readonly (readonly [ChildTable, (o: Organization) => readonly CopyColumn[]])[] = [
  ['fx_rates', (o) => columns.fx(o.fx)],
  ['people', (o) => columns.people(o.people, 0)],
  ['customers', (o) => columns.customers(o.customers, 0)],
  ['revenue_chunks', (o) => columns.revenue(o.revenue, 0)],
  ['subscription_chunks', (o) => columns.subscriptions(o.subscriptions, 0)],
  ['consumption_chunks', (o) => columns.consumption(o.consumption, 0)],
  ['device_chunks', (o) => columns.devices(o.devices, 0)],
];

/**
 * Encodes the organizations of one batch of a bulk load as they come, so that each organization's objects can be
 * dropped as soon as it is added (a batch of them kept whole until its end cost the garbage collector as much as
 * reading them). The organizations must be writable (see `writeRefusal`) and their ids distinct; their records are
 * numbered from 0, as a replaced organization's are written anew.
 */
export class LoadBatchEncoder {
  private organizations: LoadBatchMember[] = [];
  private tables = newTables();
  private columnNames: (readonly string[] | undefined)[] = [];

  /** How many organizations have been added since the last batch. */
  get size(): number {
    return this.organizations.length;
  }

  /** Encodes an organization's rows. Throws for a value its column cannot hold, a slip in the code. */
  add(organization: Organization): void {
    TABLES.forEach(([, columnsOf], t) => {
      const part = { orgId: organization.id, columns: columnsOf(organization) };
      this.columnNames[t] ??= part.columns.map((c) => c.name);
      (this.tables[t] as RowEncoder).add(part);
    });
    const { id, name, market, country } = organization;
    const mcids = organization.people.flatMap((p, at) => (p.mcid === undefined ? [] : [{ person: p.id, mcid: p.mcid, at }]));
    this.organizations.push({
      id,
      name,
      market,
      country,
      programData: hasProgramData(organization),
      counts: countRecords(organization),
      mcids,
    });
  }

  /** The batch of the organizations added since the last one; the encoder starts on the next. */
  finish(): LoadBatch {
    const batch: LoadBatch = {
      organizations: this.organizations,
      tables: this.tables.map((encoder, t) => ({
        table: (TABLES[t] as (typeof TABLES)[number])[0],
        columns: this.columnNames[t] ?? [],
        rows: encoder.rows,
        chunks: encoder.finish(),
      })),
    };
    this.organizations = [];
    this.tables = newTables();
    return batch;
  }
}

/** Encodes organizations as one batch (see `LoadBatchEncoder`). */
export function encodeLoadBatch(organizations: readonly Organization[]): LoadBatch {
  const encoder = new LoadBatchEncoder();
  for (const organization of organizations) encoder.add(organization);
  return encoder.finish();
}

/** The buffers a batch's chunks own, to hand to `postMessage` as transferred rather than copied. */
export function loadBatchTransfers(batch: LoadBatch): ArrayBuffer[] {
  return batch.tables.flatMap((t) => t.chunks.map((chunk) => chunk.buffer as ArrayBuffer));
}

function newTables(): RowEncoder[] {
  return TABLES.map(() => new RowEncoder(CHUNK_BYTES));
}

function countRecords(o: Organization): RecordCounts {
  return {
    people: o.people.length,
    exams: o.people.reduce((n, p) => n + p.exams.length, 0),
    customers: o.customers.length,
    dpor: o.customers.reduce((n, c) => n + c.dpor.length, 0),
    revenue: o.revenue.length,
    fx: o.fx.size,
    ...programDataCounts(o),
  };
}

/** Whether an organization holds any of the data of migration 0013 (see `organizations.program_data`). */
export function hasProgramData(o: Organization): boolean {
  return (
    o.subscriptions.length > 0 ||
    o.consumption.length > 0 ||
    o.devices.length > 0 ||
    o.customers.some((c) => c.associations !== undefined && c.associations.length > 0) ||
    o.people.some((p) => p.exams.some((e) => e.expires !== undefined)) ||
    o.revenue.some((r) => r.attribution !== undefined)
  );
}

/** How many associations, subscriptions, consumption records and devices an organization holds, those it has. */
export function programDataCounts(
  o: Pick<Organization, 'customers' | 'subscriptions' | 'consumption' | 'devices'>,
): Pick<RecordCounts, 'associations' | 'subscriptions' | 'consumption' | 'devices'> {
  const associations = o.customers.reduce((n, c) => n + (c.associations?.length ?? 0), 0);
  return {
    ...(associations > 0 && { associations }),
    ...(o.subscriptions.length > 0 && { subscriptions: o.subscriptions.length }),
    ...(o.consumption.length > 0 && { consumption: o.consumption.length }),
    ...(o.devices.length > 0 && { devices: o.devices.length }),
  };
}
