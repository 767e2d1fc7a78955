import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import { pushTo } from '../core/push-to.js';
import type { Organization } from '../engine/organization.js';
import { copyEncoded } from './bulk-copy.js';
import type { ChildTable } from './bulk-insert.js';
import { toStoreError } from './database-error.js';
import { enqueueEvaluations } from './enqueue-evaluations.js';
import { encodeLoadBatch, type LoadBatch } from './load-batch.js';
import { lockOrganizations } from './lock-organizations.js';
import { mcidClaims, type TakenMcid, takenError, takenMcids, throwIfTaken } from './mcid-claims.js';
import { checkRevenueCustomers } from './replace-organization-rows.js';
import type { Actor, LoadBatchOutcome, LoadOutcome } from './store.js';
import type { StoreDatabase } from './store-database.js';

/**
 * Organizations per transaction: enough that a batch's fixed cost (a dozen statements, one COPY per table) vanishes
 * among thousands of rows, few enough that a failed batch costs little to load again and that its rows stay a few
 * tens of megabytes in memory.
 */
export const LOAD_BATCH_ORGANIZATIONS = 500;

/** Children deleted before a replaced organization's rows are copied again. */
const CHILD_TABLES: readonly ChildTable[] = [
  'fx_rates',
  'people',
  'customers',
  'revenue_chunks',
  'subscription_chunks',
  'consumption_chunks',
  'device_chunks',
];

/**
 * Writes organizations whole, `batchSize` per transaction (see `Store.replaceOrganizations`). An organization that
 * cannot be written (a revenue record naming no customer of its own, an id given twice) is refused before its
 * batch begins, so that one bad organization never rolls back the others; a batch that fails in the database is
 * reported as failed, organization by organization, and the next batch is still tried.
 */
export async function replaceOrganizations(
  db: Kysely<StoreDatabase>,
  jobSchema: string,
  organizations: readonly Organization[],
  actor: Actor,
  batchSize = LOAD_BATCH_ORGANIZATIONS,
): Promise<readonly LoadOutcome[]> {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new Error(`replaceOrganizations: batch size ${batchSize}`);
  const outcomes: LoadOutcome[] = [];
  const accepted: { readonly index: number; readonly organization: Organization }[] = [];
  const first = new Map<string, number>();
  organizations.forEach((organization, index) => {
    const refusal = duplicateOf(organization, index, first) ?? writeRefusal(organization);
    if (refusal) outcomes[index] = { id: organization.id, status: 'refused', error: refusal };
    else {
      first.set(organization.id, index);
      accepted.push({ index, organization });
    }
  });
  const writable = await refuseTakenMcids(db, accepted, outcomes);
  for (let start = 0, batch = 0; start < writable.length; start += batchSize, batch++) {
    const members = writable.slice(start, start + batchSize);
    const encoded = encodeOrFail(members.map((m) => m.organization));
    const outcome = 'error' in encoded ? encoded : await writeLoadBatch(db, jobSchema, encoded, actor);
    const created = new Set('created' in outcome ? outcome.created : []);
    for (const {
      index,
      organization: { id },
    } of members) {
      outcomes[index] =
        'error' in outcome
          ? { id, status: 'failed', batch, error: outcome.error }
          : { id, status: created.has(id) ? 'created' : 'replaced', batch };
    }
  }
  return outcomes;
}

/**
 * The accepted organizations none of whose people another organization has (stored, or earlier in this call), and
 * an outcome of `refused` for each of the others: one organization claiming someone never holds back the rest.
 * Read before the batches begin; a batch checks again inside its transaction, and the unique index settles races.
 */
async function refuseTakenMcids(
  db: Kysely<StoreDatabase>,
  accepted: readonly { readonly index: number; readonly organization: Organization }[],
  outcomes: LoadOutcome[],
): Promise<readonly { readonly index: number; readonly organization: Organization }[]> {
  const claims = accepted.map((a) => mcidClaims(a.organization));
  if (claims.every((c) => c.length === 0)) return accepted;
  const taken = new Map<string, TakenMcid[]>();
  const stored = await takenMcids(
    db,
    claims.flat(),
    accepted.map((a) => a.organization.id),
  );
  for (const t of stored) pushTo(taken, t.claim.org, t);
  const claimedBy = new Map<string, string>();
  return accepted.filter((a, k) => {
    const id = a.organization.id;
    const mine = claims[k] ?? [];
    const all = [...(taken.get(id) ?? [])];
    for (const claim of mine) {
      const holder = claimedBy.get(claim.mcid);
      if (holder !== undefined) all.push({ claim, holder });
    }
    const error = takenError(all);
    if (error) {
      outcomes[a.index] = { id, status: 'refused', error };
      return false;
    }
    for (const claim of mine) claimedBy.set(claim.mcid, id);
    return true;
  });
}

/**
 * Encodes a batch, or says why it could not: a value its column cannot hold is a slip in the code, not in the input,
 * and fails its batch as a database error would.
 */
function encodeOrFail(organizations: readonly Organization[]): LoadBatch | { readonly error: AttainError } {
  try {
    return encodeLoadBatch(organizations);
  } catch (error) {
    return { error: loadBatchError(error) };
  }
}

/**
 * Why an organization cannot be written at all, whatever else its batch holds: a revenue record naming no customer
 * of its own. A parsed organization always passes. Undefined when it can be written.
 */
export function writeRefusal(organization: Organization): AttainError | undefined {
  try {
    checkRevenueCustomers(organization);
    return undefined;
  } catch (error) {
    if (error instanceof AttainError) return error;
    throw error;
  }
}

/** An organization whose id an earlier one of the same call has, refused. */
function duplicateOf(organization: Organization, index: number, first: ReadonlyMap<string, number>): AttainError | undefined {
  const earlier = first.get(organization.id);
  if (earlier === undefined) return undefined;
  return new AttainError('store.organization.duplicate', `organization "${organization.id}" is given twice`, [
    { code: 'store.organization.duplicate', path: `$[${index}].id`, params: { id: organization.id, first: `$[${earlier}]` } },
  ]);
}

/**
 * Writes one encoded batch in its own transaction (see `Store.writeLoadBatch`); a failure in the database is
 * returned, not thrown, and nothing of the batch is left behind.
 */
export async function writeLoadBatch(
  db: Kysely<StoreDatabase>,
  jobSchema: string,
  batch: LoadBatch,
  actor: Actor,
): Promise<LoadBatchOutcome> {
  try {
    return { created: await db.transaction().execute((trx) => writeBatch(trx, jobSchema, batch, actor)) };
  } catch (error) {
    return { error: loadBatchError(error) };
  }
}

/** A batch's failure as an error to report: a constraint the database enforced, or the database's own words. */
export function loadBatchError(error: unknown): AttainError {
  const converted = toStoreError(error);
  if (converted instanceof AttainError) return converted;
  const detail = converted instanceof Error ? converted.message : String(converted);
  return new AttainError('store.batch.failed', `the batch was not written: ${detail}`, [
    { code: 'store.batch.failed', path: '$', params: { detail } },
  ]);
}

/**
 * One batch, inside its transaction: the organizations' rows inserted or updated (in id order, so that two loads
 * sharing organizations lock them in the same order and take turns rather than deadlock), the replaced ones'
 * records deleted, then one COPY per child table for the whole batch, an audit entry each, and their evaluations
 * queued. Returns the ids that were created.
 */
async function writeBatch(
  trx: Kysely<StoreDatabase>,
  jobSchema: string,
  batch: LoadBatch,
  actor: Actor,
): Promise<readonly string[]> {
  const sorted = [...batch.organizations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = sorted.map((o) => o.id);
  const names = sorted.map((o) => o.name);
  const markets = sorted.map((o) => o.market);
  const countries = sorted.map((o) => o.country);
  const programData = sorted.map((o) => o.programData);
  // Every other writer of these organizations (an import planned from a version, a PUT) takes the same locks.
  await lockOrganizations(trx, ids);
  const claims = batch.organizations.flatMap((o) =>
    o.mcids.map((m) => ({ org: o.id, person: m.person, mcid: m.mcid, path: `$.people[${m.at}].mcid` })),
  );
  // Two organizations of the batch with one individual fail it, the later one named with the earlier as holder
  // (`replaceOrganizations` and `attain load` refuse such an organization before its batch; this is for any other).
  const claimedBy = new Map<string, string>();
  const twice: TakenMcid[] = [];
  for (const claim of claims) {
    const holder = claimedBy.get(claim.mcid);
    if (holder === undefined) claimedBy.set(claim.mcid, claim.org);
    else if (holder !== claim.org) twice.push({ claim, holder });
  }
  throwIfTaken([...(await takenMcids(trx, claims, ids)), ...twice]);
  const inserted = await sql<{ id: string }>`
    insert into organizations (id, name, market, country, program_data)
    select * from unnest(${ids}::text[], ${names}::text[], ${markets}::text[], ${countries}::text[], ${programData}::boolean[])
    on conflict (id) do nothing
    returning id`.execute(trx);
  const created = new Set(inserted.rows.map((r) => r.id));
  const replaced = ids.filter((id) => !created.has(id));
  if (replaced.length > 0) {
    await sql`
      update organizations o
      set name = x.name, market = x.market, country = x.country, program_data = x.program_data, updated_at = now(),
        data_version = o.data_version + 1
      from unnest(${ids}::text[], ${names}::text[], ${markets}::text[], ${countries}::text[], ${programData}::boolean[])
        as x (id, name, market, country, program_data)
      where o.id = x.id and o.id = any(${replaced}::text[])`.execute(trx);
    for (const table of CHILD_TABLES) {
      await sql`delete from ${sql.table(table)} where org_id = any(${replaced}::text[])`.execute(trx);
    }
  }
  // Parents before children, for the foreign keys: the batch lists its tables in that order.
  for (const rows of batch.tables) await copyEncoded(trx, rows);
  const inOrder = batch.organizations.map((o) => o.id);
  const details = batch.organizations.map((o) => JSON.stringify({ created: created.has(o.id), ...o.counts }));
  await sql`
    insert into audit_log (actor_kind, actor_id, org_id, action, detail)
    select ${actor.kind}, ${actor.id}, x.org, 'org.load', x.detail::jsonb
    from unnest(${inOrder}::text[], ${details}::text[]) with ordinality as x (org, detail, n)
    order by x.n`.execute(trx);
  await enqueueEvaluations(trx, jobSchema, inOrder);
  return [...created];
}
