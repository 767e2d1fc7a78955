import { type Kysely, type Selectable, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import type { Organization } from '../engine/organization.js';
import { addOrganizationRows } from './add-organization-rows.js';
import { appendAudit } from './append-audit.js';
import { type ClaimedTwicePage, claimedTwice, recordRefusals } from './claimed-twice.js';
import { toStoreError } from './database-error.js';
import { deleteOrganizationChildren } from './delete-organization-children.js';
import { enqueueEvaluations } from './enqueue-evaluations.js';
import type { LoadBatch } from './load-batch.js';
import { lockAtVersion, lockOrganizations } from './lock-organizations.js';
import { type McidClaim, type TakenMcid, takenIn, takenMcids } from './mcid-claims.js';
import type { JobDatabase, StorageCheck } from './opened-database.js';
import { readOrganizations } from './read-organizations.js';
import { type RecordKind, type RecordsPage, type RecordsRequest, recordsPage } from './records-page.js';
import { replaceOrganizationRows } from './replace-organization-rows.js';
import { replaceOrganizations, writeLoadBatch } from './replace-organizations.js';
import { SqlAlertStore } from './sql-alert-store.js';
import { SqlProgramStore, SqlRunLedger } from './sql-program-store.js';
import type {
  Actor,
  AuditEntry,
  HeldLevel,
  LoadBatchOutcome,
  LoadOutcome,
  OrganizationAdditions,
  OrganizationSummary,
  Role,
  Store,
  TokenRecord,
  WriteCondition,
} from './store.js';
import { ROLES } from './store.js';
import type { ApiTokensTable, StoreDatabase } from './store-database.js';
import { storeFault, storeFaultOf } from './store-fault.js';
import { checkLimit, organizationNotFound } from './store-limits.js';
import { streamOrganizations } from './stream-organizations.js';
import { hashTokenSecret, looksLikeTokenSecret, newTokenId, newTokenSecret } from './token-secret.js';
import { type ListenPool, TokenWatch } from './token-watch.js';

const DEFAULT_AUDIT = 100;
const READINESS = { kind: 'system', id: 'readiness' } as const;

/** Thrown inside readiness's transaction so that its write is rolled back. */
class RollBack extends Error {}

/**
 * The store over any PostgreSQL-speaking Kysely database: PGlite and PostgreSQL run this same code. Each write is
 * one transaction that also appends its audit entry; reads of several tables share one repeatable-read snapshot.
 */
export class SqlStore implements Store {
  /**
   * @param jobs graphile-worker's connection and schema: every write queues its organization's re-evaluation there,
   * in the write's own transaction
   * @param storage the files behind the database, when this process keeps them (PGlite)
   * @param options.vacuumsItself false on a database without autovacuum (PGlite); see `OpenedDatabase`
   */
  constructor(
    readonly db: Kysely<StoreDatabase>,
    readonly jobs: JobDatabase,
    private readonly storage?: StorageCheck,
    options: { readonly vacuumsItself?: boolean } = {},
  ) {
    this.program = new SqlProgramStore(db, jobs.schema);
    this.runs = new SqlRunLedger(db, jobs.schema, options.vacuumsItself ?? true);
    this.alerts = new SqlAlertStore(db, jobs.schema);
  }

  /** Webhook subscriptions and their send log. */
  readonly alerts: SqlAlertStore;

  /** The jobs' bookkeeping of runs. */
  readonly runs: SqlRunLedger;

  /** The program's standings, transitions, lifecycle decisions and runs. */
  readonly program: SqlProgramStore;

  private get jobSchema(): string {
    return this.jobs.schema;
  }

  /** Where token revocations and organization deletions are announced: one channel per installation (its job schema). */
  private get tokenChannel(): string {
    return `attain.tokens.${this.jobs.schema}`;
  }

  async listOrganizations(): Promise<readonly OrganizationSummary[]> {
    const result = await sql<{
      id: string;
      name: string | null;
      market: string;
      country: string | null;
      updated_at: Date;
      people: number;
      customers: number;
      revenue: number;
      held: { asOf: string; levels: HeldLevel[] } | null;
    }>`
      select o.id, o.name, o.market, o.country, o.updated_at,
        (select count(*) from people p where p.org_id = o.id)::int as people,
        (select count(*) from customers c where c.org_id = o.id)::int as customers,
        (select coalesce(sum(cardinality(r.customers)), 0) from revenue_chunks r where r.org_id = o.id)::int as revenue,
        (select json_build_object(
            'asOf', max(s.as_of)::text,
            'levels', coalesce(
              json_agg(json_build_object('competency', s.competency, 'option', s.option, 'level', s.level)
                order by s.competency, s.option, s.level) filter (where s.status = 'attained'),
              '[]'::json))
          from standings s where s.org_id = o.id having count(*) > 0) as held
      from organizations o order by o.id`.execute(this.db);
    return result.rows.map((row) => ({
      id: row.id,
      name: row.name,
      market: row.market,
      country: row.country,
      people: row.people,
      customers: row.customers,
      revenueRecords: row.revenue,
      updatedAt: row.updated_at.toISOString(),
      held: row.held,
    }));
  }

  async hasOrganization(id: string): Promise<boolean> {
    return (await this.db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    const [organization] = await this.read((trx) => readOrganizations(trx, [id]));
    return organization;
  }

  readVersioned(id: string): Promise<{ readonly organization: Organization; readonly version: string } | undefined> {
    return this.read(async (trx) => {
      const [organization] = await readOrganizations(trx, [id]);
      if (!organization) return undefined;
      const row = await trx.selectFrom('organizations').select('data_version').where('id', '=', id).executeTakeFirstOrThrow();
      return { organization, version: String(row.data_version) };
    });
  }

  async dataVersion(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('organizations').select('data_version').where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : String(row.data_version);
  }

  recordsPage<K extends RecordKind>(id: string, request: RecordsRequest<K>): Promise<RecordsPage<K> | undefined> {
    return recordsPage(this.db, id, request);
  }

  takenMcids(claims: readonly McidClaim[]): Promise<readonly TakenMcid[]> {
    // The organizations claiming are rewritten by the write these claims are for: their own people do not count.
    return takenMcids(this.db, claims, [...new Set(claims.map((c) => c.org))]);
  }

  claimedTwice(request: { readonly offset?: number; readonly limit?: number } = {}): Promise<ClaimedTwicePage> {
    return claimedTwice(this.db, request);
  }

  streamOrganizations(): AsyncIterable<Organization> {
    return streamOrganizations(this.db);
  }

  replaceOrganization(
    organization: Organization,
    actor: Actor,
    action = 'org.replace',
    condition: WriteCondition = {},
  ): Promise<{ readonly created: boolean }> {
    return this.write(async (trx) => {
      await lockAtVersion(trx, organization.id, condition.ifVersion);
      const { created } = await replaceOrganizationRows(trx, organization);
      const exams = organization.people.reduce((n, p) => n + p.exams.length, 0);
      const dpor = organization.customers.reduce((n, c) => n + c.dpor.length, 0);
      await appendAudit(trx, actor, organization.id, action, {
        created,
        people: organization.people.length,
        exams,
        customers: organization.customers.length,
        dpor,
        revenue: organization.revenue.length,
        fx: organization.fx.size,
      });
      await enqueueEvaluations(trx, this.jobSchema, [organization.id]);
      return { created };
    });
  }

  async replaceOrganizations(
    organizations: readonly Organization[],
    actor: Actor,
    options: { readonly batchSize?: number } = {},
  ): Promise<readonly LoadOutcome[]> {
    // Its own transactions, one per batch: a batch's failure is reported, not thrown (see replaceOrganizations).
    const outcomes = await replaceOrganizations(this.db, this.jobSchema, organizations, actor, options.batchSize);
    await recordRefusals(
      this.db,
      outcomes.flatMap((o) => ('error' in o ? takenIn(o.error) : [])),
    );
    return outcomes;
  }

  async writeLoadBatch(batch: LoadBatch, actor: Actor): Promise<LoadBatchOutcome> {
    const outcome = await writeLoadBatch(this.db, this.jobSchema, batch, actor);
    if ('error' in outcome) await recordRefusals(this.db, takenIn(outcome.error));
    return outcome;
  }

  addToOrganization(
    id: string,
    additions: OrganizationAdditions,
    actor: Actor,
    action: string,
    detail?: unknown,
    condition: WriteCondition = {},
  ): Promise<void> {
    return this.write(async (trx) => {
      await lockAtVersion(trx, id, condition.ifVersion);
      const counts = await addOrganizationRows(trx, id, additions);
      await appendAudit(trx, actor, id, action, { ...counts, ...(detail !== undefined && { detail }) });
      await enqueueEvaluations(trx, this.jobSchema, [id]);
    });
  }

  deleteOrganization(id: string, actor: Actor): Promise<boolean> {
    return this.write(async (trx) => {
      await lockOrganizations(trx, [id]);
      // What the cascades will take with the organization, read first so that the audit entry names it all.
      const tokens = await trx
        .selectFrom('api_tokens')
        .select(['id', 'role', 'revoked_at'])
        .where('org_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const program = await sql<Record<'evaluations' | 'standings' | 'transitions' | 'awards' | 'overrides', number>>`
        select (select count(*) from evaluations where org_id = ${id})::int as evaluations,
          (select count(*) from standings where org_id = ${id})::int as standings,
          (select count(*) from transitions where org_id = ${id})::int as transitions,
          (select count(*) from awards where org_id = ${id})::int as awards,
          (select count(*) from overrides where org_id = ${id})::int as overrides`.execute(trx);
      const counts = await deleteOrganizationChildren(trx, id);
      // Tokens scoped to the organization and its program records go with it (on delete cascade); the audit log stays.
      const deleted = await trx.deleteFrom('organizations').where('id', '=', id).executeTakeFirst();
      if (deleted.numDeletedRows === 0n) return false;
      await appendAudit(trx, actor, id, 'org.delete', {
        ...counts,
        ...program.rows[0],
        tokens: tokens.map((t) => ({ id: t.id, role: t.role, revoked: t.revoked_at !== null })),
      });
      await this.announceTokens(trx, `org:${id}`);
      return true;
    });
  }

  async createToken(
    input: { readonly role: Role; readonly org: string | null; readonly label?: string },
    actor: Actor,
  ): Promise<{ readonly secret: string; readonly token: TokenRecord }> {
    checkTokenScope(input.role, input.org);
    return this.write(async (trx) => {
      if (input.org !== null) {
        const org = await trx.selectFrom('organizations').select('id').where('id', '=', input.org).executeTakeFirst();
        if (!org) throw organizationNotFound(input.org);
      }
      const secret = newTokenSecret();
      const row = await trx
        .insertInto('api_tokens')
        .values({
          id: newTokenId(),
          secret_hash: hashTokenSecret(secret),
          role: input.role,
          org_id: input.org,
          label: input.label ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const token = tokenRecord(row);
      await appendAudit(trx, actor, token.org, 'token.create', { id: token.id, role: token.role, label: token.label });
      return { secret, token };
    });
  }

  async authenticate(secret: string): Promise<TokenRecord | undefined> {
    if (!looksLikeTokenSecret(secret)) return undefined;
    const row = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('secret_hash', '=', hashTokenSecret(secret))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && tokenRecord(row);
  }

  async listTokens(): Promise<readonly TokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(tokenRecord);
  }

  revokeToken(id: string, actor: Actor): Promise<boolean> {
    return this.write(async (trx) => {
      const row = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: sql<string>`now()` })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning(['id', 'org_id'])
        .executeTakeFirst();
      if (!row) return false;
      await appendAudit(trx, actor, row.org_id, 'token.revoke', { id });
      await this.announceTokens(trx, `token:${id}`);
      return true;
    });
  }

  watchTokens(onChange: () => void): TokenWatch {
    return new TokenWatch(this.jobs.pgPool as ListenPool, this.tokenChannel, onChange);
  }

  async checkReady(): Promise<void> {
    try {
      this.storage?.probe();
      // A write, rolled back: the database answers, and takes writes (a read-only server or transaction refuses).
      await this.db.transaction().execute(async (trx) => {
        await appendAudit(trx, READINESS, null, 'store.ready', null);
        throw new RollBack();
      });
    } catch (error) {
      if (error instanceof RollBack) return;
      throw storeFaultOf(error) ?? storeFault('store.fault', (error as Error).message ?? String(error));
    }
  }

  async auditLog(
    filter: { readonly org?: string; readonly limit?: number; readonly before?: number } = {},
  ): Promise<readonly AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.org !== undefined) query = query.where('org_id', '=', filter.org);
    if (filter.before !== undefined) query = query.where('id', '<', filter.before);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(checkLimit(filter.limit ?? DEFAULT_AUDIT))
      .execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: { kind: row.actor_kind as Actor['kind'], id: row.actor_id },
      org: row.org_id,
      action: row.action,
      detail: row.detail,
    }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /**
   * Runs a write in one transaction; constraint violations and store faults become `AttainError`s. A write refused
   * for an individual another organization lists is logged for the operator once it has rolled back.
   */
  private async write<T>(work: (trx: Kysely<StoreDatabase>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      const failure = storeFaultOf(error) ?? toStoreError(error);
      await recordRefusals(this.db, takenIn(failure));
      throw failure;
    }
  }

  /** Tells every server watching (see `watchTokens`), when this transaction commits, that tokens changed. */
  private async announceTokens(trx: Kysely<StoreDatabase>, what: string): Promise<void> {
    await sql`select pg_notify(${this.tokenChannel}, ${what})`.execute(trx);
  }

  /** Runs several reads against one snapshot, so that they see one state of the store. */
  private read<T>(work: (trx: Kysely<StoreDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
  }
}

function tokenRecord(row: Selectable<ApiTokensTable>): TokenRecord {
  return {
    id: row.id,
    role: row.role as Role,
    org: row.org_id,
    label: row.label,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

function checkTokenScope(role: Role, org: string | null): void {
  const problem = !(ROLES as readonly string[]).includes(role)
    ? `"${role}" is not a role (${ROLES.join(', ')})`
    : role === 'admin' && org !== null
      ? 'an admin token is not scoped to an organization'
      : role !== 'admin' && org === null
        ? `a ${role} token needs the organization it is scoped to`
        : undefined;
  if (problem === undefined) return;
  throw new AttainError('store.token.invalid', problem, [
    {
      code: 'store.token.invalid',
      path: role === 'admin' || org === null ? '$.org' : '$.role',
      params: { role, org: org ?? '' },
    },
  ]);
}
