import type { ColumnType, Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Dates (`date`) and amounts (`numeric`) are read as the database's text
 * ('2016-02-29', '12345678901234567890.123456'), never as JS Date or float; timestamps as Date.
 */
export interface StoreDatabase extends ProgramTables {
  readonly organizations: OrganizationsTable;
  readonly fx_rates: FxRatesTable;
  readonly people: PeopleTable;
  readonly customers: CustomersTable;
  readonly revenue_chunks: RevenueChunksTable;
  readonly subscription_chunks: SubscriptionChunksTable;
  readonly consumption_chunks: ConsumptionChunksTable;
  readonly device_chunks: DeviceChunksTable;
  readonly api_tokens: ApiTokensTable;
  readonly audit_log: AuditLogTable;
  readonly alert_subscriptions: AlertSubscriptionsTable;
  readonly alert_deliveries: AlertDeliveriesTable;
  readonly alert_attempts: AlertAttemptsTable;
}

/** A `timestamptz` column with a default: read as Date, written as an ISO string or left to the default. */
type Timestamp = ColumnType<Date, string | undefined, string>;
/** `jsonb`, written as JSON text so that no driver turns a JS array into a PostgreSQL array. */
type Jsonb = ColumnType<unknown, string | null, string | null>;

export interface OrganizationsTable {
  id: string;
  name: string | null;
  market: string;
  country: string | null;
  /** Whether the organization may hold data of migration 0013 (false: it holds none). */
  program_data: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
  /** Counts the organization's writes (bigint, read as text). */
  data_version: ColumnType<string, never, string>;
}

/** Children of an organization keep their position in the source (`seq`), so that warnings can point at it. */
interface OrganizationChild {
  org_id: string;
  seq: number;
}

export interface FxRatesTable extends OrganizationChild {
  currency: string;
  rate: string;
}

/** A person with their exam passes in file order: `exams[i]` passed on `passed[i]`. */
export interface PeopleTable extends OrganizationChild {
  id: string;
  name: string | null;
  /** Partner Center's MCID; unique across organizations (0009). */
  mcid: string | null;
  /** The email the export gave, matched case-insensitively (0011); not unique. */
  email: string | null;
  exams: ColumnType<readonly string[], readonly string[] | undefined, never>;
  passed: ColumnType<readonly string[], readonly string[] | undefined, never>;
  /** Each pass's last valid day (null: it does not expire); null while none of the person's passes expires (0013). */
  expires: ColumnType<readonly (string | null)[] | null, readonly (string | null)[] | null | undefined, never>;
}

/** A customer with its DPOR periods in file order: from `dpor_from[i]` to `dpor_to[i]` (null: open). */
export interface CustomersTable extends OrganizationChild {
  id: string;
  name: string | null;
  dpor_from: ColumnType<readonly string[], readonly string[] | undefined, never>;
  dpor_to: ColumnType<readonly (string | null)[], readonly (string | null)[] | undefined, never>;
  country: string | null;
  /** Associations other than DPOR (0013): `association_types[i]` from `association_from[i]` to `association_to[i]`. */
  association_types: ColumnType<readonly string[] | null, readonly string[] | null | undefined, never>;
  association_from: ColumnType<readonly string[] | null, readonly string[] | null | undefined, never>;
  association_to: ColumnType<readonly (string | null)[] | null, readonly (string | null)[] | null | undefined, never>;
}

/**
 * Revenue, up to 10,000 records a row: element i of every array is record `first_seq + i` (counting i from 0 here,
 * from 1 in SQL). Arrays of dates and numerics are read as arrays of their text, like the scalars.
 */
export interface RevenueChunksTable {
  org_id: string;
  first_seq: number;
  customers: readonly string[];
  products: readonly string[];
  dates: readonly string[];
  amounts: readonly string[];
  currencies: readonly string[];
  net_new: readonly boolean[];
  /** Each record's attribution (null: none); null while no record of the chunk has one (0013). */
  attributions: readonly (string | null)[] | null;
}

/** Subscriptions, consumption and devices, chunked as revenue is (0013). */
interface Chunk {
  org_id: string;
  first_seq: number;
}

export interface SubscriptionChunksTable extends Chunk {
  customers: readonly string[];
  ids: readonly (string | null)[];
  products: readonly string[];
  seats: readonly number[];
  from_dates: readonly string[];
  to_dates: readonly (string | null)[];
  trials: readonly boolean[];
}

export interface ConsumptionChunksTable extends Chunk {
  customers: readonly string[];
  dates: readonly string[];
  amounts: readonly string[];
  currencies: readonly string[];
  services: readonly (string | null)[];
}

export interface DeviceChunksTable extends Chunk {
  products: readonly string[];
  dates: readonly string[];
  units: readonly number[];
}

export interface ApiTokensTable {
  id: string;
  secret_hash: string;
  role: string;
  org_id: string | null;
  label: string | null;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, never, string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: string;
  actor_id: string;
  org_id: string | null;
  action: string;
  detail: Jsonb;
}

/** The program's tables (migration 0004). */
export interface ProgramTables {
  readonly evaluations: EvaluationsTable;
  readonly standings: StandingsTable;
  readonly transitions: TransitionsTable;
  readonly awards: AwardsTable;
  readonly overrides: OverridesTable;
  readonly program_runs: ProgramRunsTable;
  readonly impact_changes: ImpactChangesTable;
}

export interface EvaluationsTable {
  org_id: string;
  as_of: string;
  data_version: string;
  catalog: string;
  evaluated_at: Timestamp;
  next_event: string | null;
  warnings: number;
  attained: number;
  error_code: string | null;
  error_message: string | null;
  run_id: string | null;
  revision: number;
}

export interface StandingsTable {
  org_id: string;
  competency: string;
  option: string;
  level: string;
  status: string;
  catalog_version: string;
  as_of: string;
  gaps: Jsonb;
  next_change_date: string | null;
  next_change: Jsonb;
  at_risk_date: string | null;
  at_risk: Jsonb;
  lifecycle: string;
  awarded: string | null;
  anniversary: string | null;
}

export interface TransitionsTable {
  id: Generated<string>;
  org_id: string;
  competency: string;
  option: string;
  level: string;
  date: string;
  from_status: string | null;
  to_status: string;
  cause: Jsonb;
  recorded_at: Timestamp;
}

export interface AwardsTable {
  org_id: string;
  competency: string;
  option: string;
  level: string;
  awarded: string;
  recorded_at: Timestamp;
}

export interface OverridesTable {
  org_id: string;
  competency: string;
  option: string;
  level: string;
  status: string;
  until: string;
  reason: string;
  recorded_at: Timestamp;
}

export interface ProgramRunsTable {
  id: Generated<string>;
  kind: string;
  as_of: string;
  requested_at: Timestamp;
  finished_at: ColumnType<Date | null, string | null | undefined, string | null>;
  total: number | null;
  done: Generated<number>;
  failed: Generated<number>;
  catalog: string;
  draft: Jsonb;
  draft_name: string | null;
  error: string | null;
}

export interface ImpactChangesTable {
  run_id: string;
  org_id: string;
  competency: string;
  option: string;
  level: string;
  before: string | null;
  after: string | null;
}

/** Webhook alerts (migration 0012). */
export interface AlertSubscriptionsTable {
  id: Generated<string>;
  org_id: string | null;
  url: string;
  events: readonly string[];
  lead_days: number;
  enabled: Generated<boolean>;
  label: string | null;
  secret: string;
  created_at: Timestamp;
  secret_set_at: Timestamp;
}

export interface AlertDeliveriesTable {
  id: Generated<string>;
  subscription_id: string;
  delivery_key: string;
  org_id: string;
  event: string;
  competency: string;
  option: string;
  level: string;
  change_date: string;
  as_of: string;
  before: string | null;
  after: string;
  cause: Jsonb;
  status: Generated<string>;
  attempts: Generated<number>;
  claimed_until: ColumnType<Date | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  delivered_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

export interface AlertAttemptsTable {
  delivery_id: string;
  attempt: number;
  at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}
