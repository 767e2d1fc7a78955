import { type Kysely, sql } from 'kysely';
import { AttainError, type Issue } from '../core/attain-error.js';
import type { Organization } from '../engine/organization.js';
import type { StoreDatabase } from './store-database.js';

/** A person of an organization being written who carries an MCID; `path` points at the person in what was given. */
export interface McidClaim {
  readonly org: string;
  readonly person: string;
  readonly mcid: string;
  readonly path: string;
}

/** At most this many people are listed, as elsewhere. */
const MAX_LISTED = 1000;

/** The MCIDs an organization's people carry, as claims. */
export function mcidClaims(organization: Organization): McidClaim[] {
  return organization.people.flatMap((p, i) =>
    p.mcid === undefined ? [] : [{ org: organization.id, person: p.id, mcid: p.mcid, path: `$.people[${i}].mcid` }],
  );
}

/**
 * The claims whose MCID a stored person of another organization already has: the program counts a person for one
 * organization at a time. `rewritten` are the organizations whose people are written anew in the same transaction,
 * so that their stored people do not count against them. The unique index (0009) settles races; this says who.
 */
export async function takenMcids(
  db: Kysely<StoreDatabase>,
  claims: readonly McidClaim[],
  rewritten: readonly string[],
): Promise<readonly TakenMcid[]> {
  if (claims.length === 0) return [];
  const stored = await sql<{ mcid: string; org_id: string }>`
    select mcid, org_id from people
    where mcid = any(${[...new Set(claims.map((c) => c.mcid))]}::text[]) and org_id <> all(${rewritten}::text[])`.execute(db);
  const holders = new Map(stored.rows.map((r) => [r.mcid, r.org_id] as const));
  return claims.flatMap((c) => {
    const organization = holders.get(c.mcid);
    return organization === undefined || organization === c.org ? [] : [{ claim: c, holder: organization }];
  });
}

/** A claim on an MCID that `holder`, another organization, has. */
export interface TakenMcid {
  readonly claim: McidClaim;
  readonly holder: string;
}

/** The claims behind each refusal `takenError` made, so that the store can log them once the write has rolled back. */
const REFUSED = new WeakMap<AttainError, readonly TakenMcid[]>();

/** The taken claims an error refused a write for; none for any other error. */
export function takenIn(error: unknown): readonly TakenMcid[] {
  return error instanceof AttainError ? (REFUSED.get(error) ?? []) : [];
}

/** `org.mcid.taken` listing every taken MCID of one organization's write. */
export function takenError(taken: readonly TakenMcid[]): AttainError | undefined {
  const [head] = taken;
  if (!head) return undefined;
  const issues = taken.map(
    ({ claim, holder }): Issue => ({
      code: 'org.mcid.taken',
      path: claim.path,
      params: { mcid: claim.mcid, person: claim.person, organization: holder },
    }),
  );
  const first = issues[0] as Issue;
  const orgId = head.claim.org;
  const error = new AttainError(
    'org.mcid.taken',
    `organization "${orgId}": the MCID "${first.params.mcid}" of person "${first.params.person}" is already in organization "${first.params.organization}"${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues.slice(0, MAX_LISTED),
  );
  REFUSED.set(error, taken);
  return error;
}

/** Throws `takenError`, when there is one. */
export function throwIfTaken(taken: readonly TakenMcid[]): void {
  const error = takenError(taken);
  if (error) throw error;
}

/**
 * The error as a token that may not see other organizations is told it: that the individual is in another
 * organization, not which one (it could be a competitor's).
 */
export function withoutOtherOrganizations(error: AttainError): AttainError {
  if (!error.issues.some((i) => i.code === 'org.mcid.taken')) return error;
  const issues = error.issues.map((i): Issue => {
    if (i.code !== 'org.mcid.taken') return i;
    const { mcid, person } = i.params;
    return { code: 'org.mcid.taken-elsewhere', path: i.path, params: { mcid: mcid ?? '', person: person ?? '' } };
  });
  const first = issues.find((i) => i.code === 'org.mcid.taken-elsewhere');
  const message = first
    ? `the MCID "${first.params.mcid}" of person "${first.params.person}" is already in another organization`
    : error.message;
  return new AttainError(error.code === 'org.mcid.taken' ? 'org.mcid.taken-elsewhere' : error.code, message, issues, error.file);
}
