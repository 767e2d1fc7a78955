import { AttainError, isAttainError } from '../core/attain-error.js';
import type { ImportPlan } from '../importers/import-plan.js';
import { type ImportInput, planImport } from '../importers/plan-import.js';
import { type McidClaim, mcidClaims, takenError } from '../store/mcid-claims.js';
import type { Actor, Store } from '../store/store.js';

/** Another writer changed the organization between the read and the write this many times: give up and say so. */
const ATTEMPTS = 4;

/**
 * Imports a file into a stored organization, exactly once however many servers and command lines write it: the plan
 * is made from the organization as read, outside any lock, and written only if nobody has written the organization
 * since (its version is unchanged, checked under the organization's lock); otherwise it is read and planned again.
 * A dry run plans and writes nothing.
 */
export async function importIntoStore(
  store: Store,
  input: Omit<ImportInput, 'existing'>,
  options: {
    readonly actor: Actor;
    readonly dryRun: boolean;
    readonly detail?: Readonly<Record<string, unknown>>;
    /** Told as each phase starts, for a command line's progress: planning (with the file's size), writing. */
    readonly onPhase?: (phase: 'planning' | 'writing', what: string) => void;
  },
): Promise<ImportPlan> {
  for (let attempt = 1; ; attempt++) {
    const read = await store.readVersioned(input.orgId);
    options.onPhase?.('planning', `${(input.text.length / 1_048_576).toFixed(1)} MB`);
    const plan = planImport({ ...input, existing: read?.organization });
    if (!plan.changed) return plan;
    if (options.dryRun) {
      // A preview refuses what the write would: someone another organization lists.
      const taken = takenError(await store.takenMcids(claimsOf(plan, input.orgId)));
      if (taken) throw taken;
      return plan;
    }
    options.onPhase?.('writing', countOf(plan).toLocaleString('en'));
    const condition = { ifVersion: read?.version ?? null };
    const action = `import.${plan.kind}`;
    try {
      if (plan.replace) await store.replaceOrganization(plan.organization, options.actor, action, condition);
      else {
        // What was left out is part of what happened: the audit says so beside what was added.
        const leftOut = plan.leftOut && { rows: plan.leftOut.rows, problems: plan.leftOut.problems };
        const detail = { ...options.detail, summary: plan.summary, ...(leftOut && { leftOut }) };
        await store.addToOrganization(input.orgId, plan.additions, options.actor, action, detail, condition);
      }
      return plan;
    } catch (error) {
      if (!isAttainError(error) || error.code !== 'store.conflict') throw error;
      if (attempt >= ATTEMPTS) {
        throw new AttainError(
          'import.busy',
          `organization "${input.orgId}" kept changing while the import was applied; try again`,
          [{ code: 'import.busy', path: '$', params: { org: input.orgId, attempts: attempt } }],
        );
      }
    }
  }
}

/** The people with an MCID that an import writes, as the store's write checks them. */
function claimsOf(plan: ImportPlan, orgId: string): McidClaim[] {
  if (plan.replace) return mcidClaims(plan.organization);
  return plan.additions.people.flatMap((p, i) =>
    p.mcid === undefined ? [] : [{ org: orgId, person: p.id, mcid: p.mcid, path: `$.people[${i}].mcid` }],
  );
}

/** The records an import writes: the whole organization's when it replaces it. */
function countOf(plan: ImportPlan): number {
  if (plan.replace) {
    const o = plan.organization;
    return o.people.length + o.people.reduce((n, p) => n + p.exams.length, 0) + o.customers.length + o.revenue.length;
  }
  return Object.values(plan.additions).reduce((n: number, list: readonly unknown[]) => n + list.length, 0);
}
