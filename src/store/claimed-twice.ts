import { type Kysely, sql } from 'kysely';
import { AttainError } from '../core/attain-error.js';
import type { TakenMcid } from './mcid-claims.js';
import type { StoreDatabase } from './store-database.js';
import { checkLimit } from './store-limits.js';

/** How an individual is known across organizations: Partner Center's MCID, or an email in any case. */
export type IdentityKind = 'mcid' | 'email';

/**
 * One organization's claim on an individual: a person it lists, with when its data last changed; or a write of it
 * refused because another organization lists them, with when it was first and last refused and how often.
 */
export type IdentityClaim =
  | {
      readonly status: 'listed';
      readonly org: string;
      readonly orgName: string | null;
      readonly person: string;
      readonly personName: string | null;
      readonly orgChanged: string;
    }
  | {
      readonly status: 'refused';
      readonly org: string;
      /** Null when the organization is not stored: a refused creation, or deleted since. */
      readonly orgName: string | null;
      readonly orgExists: boolean;
      /** The person's id in the refused write. */
      readonly person: string;
      readonly firstRefused: string;
      readonly lastRefused: string;
      readonly times: number;
    };

/** An individual that more than one organization lists, or that one organization was refused. */
export interface ClaimedIndividual {
  readonly kind: IdentityKind;
  /** The MCID, or the email in lower case. */
  readonly identity: string;
  readonly claims: readonly IdentityClaim[];
}

export interface ClaimedTwicePage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: readonly ClaimedIndividual[];
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/**
 * Logs the claims a write was refused for (`org.mcid.taken`), after its transaction rolled back: one row per
 * individual, organization and person, counting repeats. Best effort: a log that cannot be written (a read-only
 * store) must not hide the refusal it is about.
 */
export async function recordRefusals(db: Kysely<StoreDatabase>, taken: readonly TakenMcid[]): Promise<void> {
  const unique = new Map(taken.map((t) => [`${t.claim.mcid}\u0000${t.claim.org}\u0000${t.claim.person}`, t] as const));
  if (unique.size === 0) return;
  const list = [...unique.values()];
  try {
    await sql`
      insert into identity_refusals (mcid, org_id, person_id, holder)
      select * from unnest(${list.map((t) => t.claim.mcid)}::text[], ${list.map((t) => t.claim.org)}::text[],
        ${list.map((t) => t.claim.person)}::text[], ${list.map((t) => t.holder)}::text[])
      on conflict (mcid, org_id, person_id) do update
        set holder = excluded.holder, last_at = now(), times = identity_refusals.times + 1`.execute(db);
  } catch {
    // The refusal itself is what the caller reports.
  }
}

/**
 * Individuals claimed by two organizations, a page at a time, in identity order: emails that people of more than one
 * organization carry, and MCIDs an organization was refused while another still lists them (a refusal the holder
 * has since resolved, by removing the person, is left out). The store keeps an MCID to one organization, so an MCID
 * is only ever claimed twice through a refusal. Each with every organization's claim on it, for the operator to
 * settle with both.
 */
export async function claimedTwice(
  db: Kysely<StoreDatabase>,
  request: { readonly offset?: number; readonly limit?: number } = {},
): Promise<ClaimedTwicePage> {
  const limit = Math.min(checkLimit(request.limit ?? DEFAULT_PAGE), MAX_PAGE);
  const offset = request.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new AttainError('store.limit.invalid', `offset must be a whole number of at least 0, not ${offset}`, [
      { code: 'store.limit.invalid', path: '$.offset', params: { limit: String(offset) } },
    ]);
  }
  const read = db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  return read.execute(async (trx) => {
    const page = await sql<{ kind: IdentityKind; identity: string; total: number }>`
      with claimed as (
        select 'email' as kind, lower(email) as identity from people where email is not null
          group by lower(email) having count(distinct org_id) > 1
        union
        select distinct 'mcid', r.mcid from identity_refusals r
          where exists (select 1 from people p where p.mcid = r.mcid and p.org_id <> r.org_id)
      )
      select kind, identity, (select count(*) from claimed)::int as total from claimed
      order by identity, kind limit ${limit} offset ${offset}`.execute(trx);
    const rows = page.rows;
    const mcids = rows.filter((r) => r.kind === 'mcid').map((r) => r.identity);
    const emails = rows.filter((r) => r.kind === 'email').map((r) => r.identity);
    const listed = await sql<{
      org_id: string;
      org_name: string | null;
      updated_at: Date;
      id: string;
      name: string | null;
      mcid: string | null;
      email: string | null;
    }>`
      select p.org_id, o.name as org_name, o.updated_at, p.id, p.name, p.mcid, lower(p.email) as email
      from people p join organizations o on o.id = p.org_id
      where p.mcid = any(${mcids}::text[]) or lower(p.email) = any(${emails}::text[])
      order by p.org_id, p.seq`.execute(trx);
    const refused = await sql<{
      mcid: string;
      org_id: string;
      org_name: string | null;
      exists: boolean;
      person_id: string;
      first_at: Date;
      last_at: Date;
      times: number;
    }>`
      select r.mcid, r.org_id, o.name as org_name, o.id is not null as exists, r.person_id, r.first_at, r.last_at, r.times
      from identity_refusals r left join organizations o on o.id = r.org_id
      where r.mcid = any(${mcids}::text[]) order by r.first_at, r.org_id`.execute(trx);
    return {
      total: rows[0]?.total ?? (offset === 0 ? 0 : await countClaimed(trx)),
      offset,
      limit,
      rows: rows.map(({ kind, identity }) => ({
        kind,
        identity,
        claims: [
          ...listed.rows
            .filter((p) => (kind === 'mcid' ? p.mcid === identity : p.email === identity))
            .map(
              (p): IdentityClaim => ({
                status: 'listed',
                org: p.org_id,
                orgName: p.org_name,
                person: p.id,
                personName: p.name,
                orgChanged: p.updated_at.toISOString(),
              }),
            ),
          ...refused.rows
            .filter((r) => kind === 'mcid' && r.mcid === identity)
            .map(
              (r): IdentityClaim => ({
                status: 'refused',
                org: r.org_id,
                orgName: r.org_name,
                orgExists: r.exists,
                person: r.person_id,
                firstRefused: r.first_at.toISOString(),
                lastRefused: r.last_at.toISOString(),
                times: r.times,
              }),
            ),
        ],
      })),
    };
  });
}

async function countClaimed(trx: Kysely<StoreDatabase>): Promise<number> {
  const result = await sql<{ n: number }>`
    select ((select count(*) from (select 1 from people where email is not null group by lower(email)
        having count(distinct org_id) > 1) e)
      + (select count(distinct r.mcid) from identity_refusals r
        where exists (select 1 from people p where p.mcid = r.mcid and p.org_id <> r.org_id)))::int as n`.execute(trx);
  return result.rows[0]?.n ?? 0;
}
