import type { Catalog } from '../catalog/catalog-types.js';
import type { Day } from '../core/day.js';
import type { Organization, Period, Subscription } from '../engine/organization.js';
import type { OrganizationAdditions } from '../store/store.js';
import type { ImportNotice, ImportSummary, RecordCounts } from './import-plan.js';
import type { IncomingRecords } from './incoming-records.js';
import {
  associationKey,
  consumptionKey,
  deviceKey,
  passKey,
  periodKey,
  productIdentity,
  RevenueTallies,
  subscriptionKey,
} from './record-keys.js';

export interface Merge {
  readonly additions: OrganizationAdditions;
  readonly summary: ImportSummary;
  readonly notices: readonly ImportNotice[];
}

/**
 * Compares a file's records with the organization and keeps only what is new, so that importing the same file twice
 * adds nothing. Revenue records (and subscriptions without an id, consumption and devices) are a multiset: each
 * identical record ends up max(already there, in the file) times, so genuine duplicate rows (two equal invoices in one
 * month) survive and a re-import adds no copy. A subscription with an id is that subscription: one already stored is
 * left as it is, and said in a notice when the file gives it other seats or dates (imports only add).
 */
export function mergeIncoming(existing: Organization, incoming: IncomingRecords, catalog: Catalog): Merge {
  const notices: ImportNotice[] = [];
  const matched = matchIdentities(existing.people, incoming.people);
  const people = mergeNamed(existing.people, matched.people, incoming.names, 'person', notices);
  const customers = mergeNamed(existing.customers, incoming.customers, incoming.names, 'customer', notices);

  const passes = new Set<string>();
  for (const person of existing.people) for (const e of person.exams) passes.add(passKey(person.id, e.exam, e.passed));
  const exams: OrganizationAdditions['exams'][number][] = [];
  let examsUnchanged = 0;
  const seenPasses = new Set<string>();
  for (const pass of incoming.exams) {
    const person = matched.ids.get(pass.person);
    const e = person === undefined ? pass : { ...pass, person };
    const key = passKey(e.person, e.exam, e.passed);
    if (seenPasses.has(key)) continue;
    seenPasses.add(key);
    if (passes.has(key)) examsUnchanged++;
    else exams.push(e);
  }

  const periodKeys = new Set<string>();
  for (const c of existing.customers) for (const p of c.dpor) periodKeys.add(periodKey(c.id, p.from, p.to));
  // Inferred periods are the runs of months an export shows, apart from one another: a run is covered by the
  // customer's known periods or not, whatever other runs are added.
  const coverage = incoming.dporInferred ? new Coverage(existing.customers) : undefined;
  const dpor: OrganizationAdditions['dpor'][number][] = [];
  let dporUnchanged = 0;
  const seenPeriods = new Set<string>();
  for (const d of incoming.dpor) {
    const key = periodKey(d.customer, d.from, d.to);
    if (seenPeriods.has(key)) continue;
    seenPeriods.add(key);
    if (periodKeys.has(key) || coverage?.covers(d.customer, d.from, d.to)) {
      dporUnchanged++;
      continue;
    }
    dpor.push(d);
  }

  // Only customers with revenue both in the organization and in the file are compared record by record: a customer
  // new to revenue gets every record of the file, and most imports are mostly those.
  const incomingCustomers = new Set<string>();
  for (const r of incoming.revenue) incomingCustomers.add(r.customer);
  const tallies = new RevenueTallies(catalog);
  const overlapping = new Set<string>();
  for (const r of existing.revenue) {
    if (!incomingCustomers.has(r.customer)) continue;
    overlapping.add(r.customer);
    tallies.of(r).have++;
  }
  const revenue: OrganizationAdditions['revenue'][number][] = [];
  for (const r of incoming.revenue) {
    if (!overlapping.has(r.customer)) {
      revenue.push(r);
      continue;
    }
    const tally = tallies.of(r);
    tally.seen++;
    if (tally.seen > tally.have) revenue.push(r);
  }

  const associations = newAssociations(existing, incoming);
  const products = new Map<string, string | null>();
  const product = (text: string) => productIdentity(products, catalog, text);
  const subscriptions = newSubscriptions(existing.subscriptions, incoming.subscriptions, product, notices);
  const consumption = newOnly(existing.consumption, incoming.consumption, consumptionKey);
  const devices = newOnly(existing.devices, incoming.devices, (d) => deviceKey(d, product(d.product)));

  return {
    additions: {
      people: people.changes,
      exams,
      customers: customers.changes,
      dpor,
      revenue,
      ...(associations.length > 0 && { associations }),
      ...(subscriptions.length > 0 && { subscriptions }),
      ...(consumption.length > 0 && { consumption }),
      ...(devices.length > 0 && { devices }),
    },
    summary: {
      people: people.counts,
      exams: counts(exams.length, 0, examsUnchanged),
      customers: customers.counts,
      dpor: counts(dpor.length, 0, dporUnchanged),
      associations: counts(associations.length, 0, unique(incoming.associations, associationOf).size - associations.length),
      revenue: counts(revenue.length, 0, incoming.revenue.length - revenue.length),
      subscriptions: counts(subscriptions.length, 0, incoming.subscriptions.length - subscriptions.length),
      consumption: counts(consumption.length, 0, incoming.consumption.length - consumption.length),
      devices: counts(devices.length, 0, incoming.devices.length - devices.length),
    },
    notices,
  };
}

type IncomingAssociation = IncomingRecords['associations'][number];

const associationOf = (a: IncomingAssociation) => associationKey(a.customer, a.type, a.from, a.to);

function unique<T>(records: readonly T[], key: (record: T) => string): Set<string> {
  return new Set(records.map(key));
}

/**
 * The file's associations other than DPOR that are new, once each: by identity, and for inferred ones (an export's
 * runs of months) by whether the customer's associations of the same type already cover them, as for DPOR.
 */
function newAssociations(existing: Organization, incoming: IncomingRecords): IncomingAssociation[] {
  if (incoming.associations.length === 0) return [];
  const known = new Set<string>();
  const byType: { id: string; dpor: Period[] }[] = [];
  for (const c of existing.customers) {
    for (const a of c.associations ?? []) {
      known.add(associationKey(c.id, a.type, a.from, a.to));
      byType.push({ id: `${a.type}\u0000${c.id}`, dpor: [a] });
    }
  }
  const coverage = incoming.dporInferred ? new Coverage(byType) : undefined;
  const added: IncomingAssociation[] = [];
  const seen = new Set<string>();
  for (const a of incoming.associations) {
    const key = associationOf(a);
    if (seen.has(key)) continue;
    seen.add(key);
    if (known.has(key) || coverage?.covers(`${a.type}\u0000${a.customer}`, a.from, a.to)) continue;
    added.push(a);
  }
  return added;
}

/** Subscriptions with an id not stored yet, and those without one by the multiset rule. */
function newSubscriptions(
  existing: readonly Subscription[],
  incoming: readonly Subscription[],
  product: (text: string) => string,
  notices: ImportNotice[],
): Subscription[] {
  const key = (s: Subscription) => subscriptionKey(s, product(s.product));
  const byId = new Map(existing.flatMap((s) => (s.id === null ? [] : [[s.id, s] as const])));
  const withId: Subscription[] = [];
  for (const s of incoming) {
    if (s.id === null) continue;
    const stored = byId.get(s.id);
    if (stored === undefined) withId.push(s);
    else if (key(stored) !== key(s)) notices.push({ code: 'import.notice.subscription-kept', params: { id: s.id } });
  }
  const withoutId = newOnly(
    existing.filter((s) => s.id === null),
    incoming.filter((s) => s.id === null),
    key,
  );
  return [...withId, ...withoutId];
}

/** The file's records beyond those the organization has: each identity max(stored, in the file) times in all. */
function newOnly<T>(existing: readonly T[], incoming: readonly T[], key: (record: T) => string): T[] {
  if (incoming.length === 0) return [];
  const have = new Map<string, number>();
  for (const r of existing) {
    const k = key(r);
    have.set(k, (have.get(k) ?? 0) + 1);
  }
  const added: T[] = [];
  for (const r of incoming) {
    const k = key(r);
    const left = have.get(k) ?? 0;
    if (left > 0) have.set(k, left - 1);
    else added.push(r);
  }
  return added;
}

interface Named {
  readonly id: string;
  readonly name: string | null;
  readonly mcid?: string;
  readonly country?: string;
  readonly email?: string;
}

/** Emails are matched without regard to case: `Ana@Contoso.com` and `ana@contoso.com` are one mailbox. */
function emailKey(email: string): string {
  return email.toLowerCase();
}

/**
 * The file's people as the organization's: one whose MCID a person of the organization has is that person, whatever
 * id the file gives (an export's MCP ID, a hand-made "p1"); failing that, one whose email (in any case) a person has;
 * failing both, the person with the file's id. A later one of the file with an MCID or email an earlier one has is
 * that one too. `ids` maps each file id so matched to the organization's id; `people` has one record per id.
 */
function matchIdentities(
  existing: readonly Named[],
  incoming: readonly Named[],
): { readonly people: readonly Named[]; readonly ids: ReadonlyMap<string, string> } {
  if (!incoming.some((p) => p.mcid !== undefined || p.email !== undefined)) return { people: incoming, ids: new Map() };
  const byMcid = new Map(existing.flatMap((p) => (p.mcid === undefined ? [] : [[p.mcid, p.id] as const])));
  const byEmail = new Map<string, string>();
  // The first person with an email is the one it means, as the file's order decides everything else.
  for (const p of existing) if (p.email !== undefined && !byEmail.has(emailKey(p.email))) byEmail.set(emailKey(p.email), p.id);
  const ids = new Map<string, string>();
  const people = new Map<string, Named>();
  for (const record of incoming) {
    const email = record.email === undefined ? undefined : emailKey(record.email);
    const id = (record.mcid !== undefined && byMcid.get(record.mcid)) || (email !== undefined && byEmail.get(email)) || record.id;
    if (record.mcid !== undefined && !byMcid.has(record.mcid)) byMcid.set(record.mcid, id);
    if (email !== undefined && !byEmail.has(email)) byEmail.set(email, id);
    if (id !== record.id) ids.set(record.id, id);
    const earlier = people.get(id);
    const name = earlier?.name ?? record.name;
    const mcid = earlier?.mcid ?? record.mcid;
    const mail = earlier?.email ?? record.email;
    people.set(id, { id, name, ...(mcid !== undefined && { mcid }), ...(mail !== undefined && { email: mail }) });
  }
  return { people: [...people.values()], ids };
}

/**
 * New records, and existing ones whose name (a person's MCID, a customer's country) the file changes, or fills in for
 * an export. A change carries only what changes: a name, MCID or country it does not change is left out (null, absent).
 */
function mergeNamed(
  existing: readonly Named[],
  incoming: readonly Named[],
  names: IncomingRecords['names'],
  what: 'person' | 'customer',
  notices: ImportNotice[],
): { changes: Named[]; counts: RecordCounts } {
  const byId = new Map(existing.map((r) => [r.id, r] as const));
  let byName: Map<string, string> | undefined;
  const changes: Named[] = [];
  let added = 0;
  let updated = 0;
  for (const record of incoming) {
    const known = byId.get(record.id);
    if (!known) {
      changes.push(record);
      added++;
      if (record.name !== null) {
        // A new id with the name of someone already there is most often the same person under another id (an
        // export's MCP ID beside a hand-made "p1"): said, never merged by guess.
        byName ??= new Map(existing.flatMap((r) => (r.name ? [[nameKey(r.name), r.id] as const] : [])));
        const same = byName.get(nameKey(record.name));
        if (same !== undefined)
          notices.push({ code: 'import.notice.same-name', params: { what, id: record.id, name: record.name, existing: same } });
      }
      continue;
    }
    const rename = record.name !== null && record.name !== known.name && (names === 'replace' || known.name === null);
    const recode = record.mcid !== undefined && record.mcid !== known.mcid && (names === 'replace' || known.mcid === undefined);
    const relocate =
      record.country !== undefined && record.country !== known.country && (names === 'replace' || known.country === undefined);
    const remail =
      record.email !== undefined &&
      emailKey(record.email) !== (known.email === undefined ? undefined : emailKey(known.email)) &&
      (names === 'replace' || known.email === undefined);
    if (rename || recode || relocate || remail) {
      changes.push({
        id: record.id,
        name: rename ? record.name : null,
        ...(recode && { mcid: record.mcid }),
        ...(relocate && { country: record.country }),
        ...(remail && { email: record.email }),
      });
      updated++;
    }
  }
  return { changes, counts: counts(added, updated, incoming.length - added - updated) };
}

function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function counts(added: number, updated: number, unchanged: number): RecordCounts {
  return { added, updated, unchanged, removed: 0 };
}

/**
 * The days each customer's periods cover, as sorted runs without gaps, merged once per customer when first asked:
 * checking each of a file's runs against a customer's periods sorted them again for each (quadratic in the months).
 */
class Coverage {
  private readonly periods: ReadonlyMap<string, readonly Period[]>;
  private readonly merged = new Map<string, readonly Period[]>();

  constructor(customers: readonly { readonly id: string; readonly dpor: readonly Period[] }[]) {
    this.periods = new Map(customers.map((c) => [c.id, c.dpor] as const));
  }

  /** Whether the customer's periods together cover every day from `from` to `to` (null: open-ended). */
  covers(customer: string, from: Day, to: Day | null): boolean {
    const runs = this.runsOf(customer);
    // The last run starting on or before `from`: runs are apart, so only it can hold `from`.
    let lo = 0;
    let hi = runs.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((runs[mid] as Period).from <= from) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const run = runs[at];
    if (!run) return false;
    if (run.to === null) return true;
    return to !== null && run.to >= to;
  }

  private runsOf(customer: string): readonly Period[] {
    let runs = this.merged.get(customer);
    if (!runs) {
      runs = mergeRuns(this.periods.get(customer) ?? []);
      this.merged.set(customer, runs);
    }
    return runs;
  }
}

/** Periods as runs of days: sorted, and periods that overlap or follow one another the next day joined. */
function mergeRuns(periods: readonly Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => a.from - b.from);
  const runs: { from: Day; to: Day | null }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && (last.to === null || p.from <= last.to + 1)) {
      if (last.to !== null && (p.to === null || p.to > last.to)) last.to = p.to;
    } else runs.push({ from: p.from, to: p.to });
  }
  return runs;
}
