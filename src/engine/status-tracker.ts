import type { Catalog, ExamFormula, Level, Pool, ProgramPolicy } from '../catalog/catalog-types.js';
import { everyPool, everyRevenue } from '../catalog/every-requirement.js';
import { versionAt } from '../catalog/find-level.js';
import { type Day, firstDayOutside } from '../core/day.js';
import type { RevenueAggregate } from './evaluation-context.js';
import { whyIgnored } from './evaluation-context.js';
import type { LevelResult, RequirementStatus } from './evaluation-types.js';
import { satisfies } from './exam-formula.js';
import { maxFilled } from './matching/assign-pool.js';
import type { Organization, Period } from './organization.js';
import { allStatus, levelStanding, type StatusView } from './requirement-kinds/requirement-kind.js';
import { requirementStatus } from './requirement-kinds/requirement-kinds.js';

/** A level's standing, without the explanation a full evaluation carries. */
export interface LevelStatus {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly attained: boolean;
  readonly status: LevelResult['status'];
}

/** One pool's people, summarized as how many people have each eligibility mask. */
interface PoolState {
  readonly formulas: readonly ExamFormula[];
  readonly masks: Int32Array;
  readonly sizes: Map<number, number>;
}

/** A revenue record with everything the window needs, resolved once. */
interface TrackedRecord {
  readonly index: number;
  readonly customer: string;
  readonly enters: Day;
  readonly leaves: Day;
  /** The aggregate key without the association flag. */
  readonly key: string;
  readonly product: string;
  /** Under `within-period` the flag is fixed by the record's date; under `associated-at-as-of` it is null. */
  readonly associated: boolean | null;
}

/** A day on which something about one person or customer may change. */
interface Change {
  readonly day: Day;
  readonly subject: number;
}

/**
 * Level statuses that move forward through time cheaply: the state an evaluation derives from the data (the exams
 * that count for each person, each pool's eligibility classes, trailing-twelve-month revenue aggregates) is
 * updated only for what changes on each day, instead of being rebuilt. Reads the same kinds' `status` as a full
 * evaluation; the forecast tests check it against evaluating every day.
 */
export class StatusTracker {
  private day: Day = Number.NEGATIVE_INFINITY;
  private readonly qualified: Set<string>[];
  private readonly pools = new Map<string, PoolState>();
  private readonly groups = new Map<string, RevenueAggregate>();
  /** Under `associated-at-as-of`: per customer, its in-window revenue by key, and whether it is associated today. */
  private readonly byCustomer = new Map<string, Map<string, RevenueAggregate>>();
  private readonly associatedToday = new Map<string, boolean>();
  private readonly records: readonly TrackedRecord[];
  private readonly entering: readonly TrackedRecord[];
  private readonly leaving: readonly TrackedRecord[];
  private readonly personChanges: readonly Change[];
  private readonly customerChanges: readonly Change[];
  private readonly customers: readonly string[];
  private readonly periods: ReadonlyMap<string, readonly Period[]>;
  private readonly versionDays: readonly Day[];
  private cursor = { entering: 0, leaving: 0, people: 0, customers: 0 };
  /**
   * Counters that only grow: per product, each change of its revenue groups; and each change of anyone's
   * eligibility. A level whose inputs' counters did not move keeps yesterday's status, so on most event days only
   * the few levels that a record's product concerns are recomputed.
   */
  private readonly productStamps = new Map<string, number>();
  private peopleStamp = 0;
  private readonly known = new Map<
    Level,
    { readonly revenue: number; readonly people: number; readonly status: RequirementStatus }
  >();
  private readonly filled = new Map<string, { readonly people: number; readonly filled: number }>();

  constructor(
    private readonly catalog: Catalog,
    private readonly organization: Organization,
    private readonly policy: ProgramPolicy,
  ) {
    this.qualified = organization.people.map(() => new Set());
    this.periods = new Map(organization.customers.map((c) => [c.id, c.dpor]));
    this.customers = organization.customers.map((c) => c.id);
    for (const pool of allPools(catalog)) {
      const key = poolKey(pool);
      if (!this.pools.has(key)) {
        this.pools.set(key, {
          formulas: pool.roles.map((r) => r.exams),
          masks: new Int32Array(organization.people.length),
          sizes: new Map([[0, organization.people.length]]),
        });
      }
    }
    this.versionDays = catalog.competencies.flatMap((c) =>
      c.versions.flatMap((v) => (v.effective === null ? [] : [v.effective])),
    );
    this.records = this.trackRecords();
    this.entering = [...this.records].sort((a, b) => a.enters - b.enters);
    this.leaving = [...this.records].sort((a, b) => a.leaves - b.leaves);
    this.personChanges = this.schedulePeople();
    this.customerChanges = this.scheduleCustomers();
  }

  /** Moves to a later day, applying every change dated up to and including it. */
  advanceTo(day: Day): void {
    if (day < this.day) throw new RangeError('a status tracker only moves forward in time');
    const previous = this.day;
    this.day = day;
    const c = this.cursor;
    // Associations first, so that revenue entering today is filed under today's association.
    for (; c.customers < this.customerChanges.length && (this.customerChanges[c.customers] as Change).day <= day; c.customers++) {
      this.reassociate(this.customers[(this.customerChanges[c.customers] as Change).subject] as string);
    }
    // A record that both enters and leaves within this step would be added and taken away again: it is skipped on
    // both sides, which makes the first step (over all the history before the start) cost only the current window.
    for (; c.entering < this.entering.length && (this.entering[c.entering] as TrackedRecord).enters <= day; c.entering++) {
      const record = this.entering[c.entering] as TrackedRecord;
      if (record.leaves > day) this.move(record, 1);
    }
    for (; c.leaving < this.leaving.length && (this.leaving[c.leaving] as TrackedRecord).leaves <= day; c.leaving++) {
      const record = this.leaving[c.leaving] as TrackedRecord;
      if (record.enters <= previous) this.move(record, -1);
    }
    for (; c.people < this.personChanges.length && (this.personChanges[c.people] as Change).day <= day; c.people++) {
      this.requalify((this.personChanges[c.people] as Change).subject);
    }
  }

  /** The next day after the current one on which a status can change, if any. */
  nextChange(): Day | undefined {
    const c = this.cursor;
    const candidates = [
      this.entering[c.entering]?.enters,
      this.leaving[c.leaving]?.leaves,
      this.personChanges[c.people]?.day,
      this.customerChanges[c.customers]?.day,
      ...this.versionDays.filter((d) => d > this.day),
    ].filter((d): d is Day => d !== undefined && d > this.day);
    return candidates.length > 0 ? Math.min(...candidates) : undefined;
  }

  /** Every level of the versions in effect today. */
  statuses(): LevelStatus[] {
    let view: StatusView | undefined;
    const viewOfToday = (): StatusView => {
      view ??= {
        catalog: this.catalog,
        organization: this.organization,
        revenue: [...this.groups.values()],
        memo: new Map(),
        poolFilled: (pool) => this.poolFilled(pool),
      };
      return view;
    };
    return this.catalog.competencies.flatMap((competency) =>
      versionAt(competency, this.day).options.flatMap((option) =>
        option.levels.map((level): LevelStatus => {
          const inputs = inputsOf(level);
          const revenue = inputs.products.reduce((n, p) => n + (this.productStamps.get(p) ?? 0), 0);
          const people = inputs.pools ? this.peopleStamp : 0;
          let known = this.known.get(level);
          if (!known || known.revenue !== revenue || known.people !== people) {
            const today = viewOfToday();
            known = { revenue, people, status: allStatus(level.requirements.map((r) => requirementStatus(r, today))) };
            this.known.set(level, known);
          }
          return {
            competency: competency.id,
            option: option.id,
            level: level.id,
            ...levelStanding(known.status),
          };
        }),
      ),
    );
  }

  /** How many seats of a pool today's people fill, kept until someone's eligibility changes. */
  private poolFilled(pool: Pool): number {
    const counts = pool.roles.map((r) => r.count);
    const key = `${poolKey(pool)}\u0000${counts.join(',')}`;
    const known = this.filled.get(key);
    if (known && known.people === this.peopleStamp) return known.filled;
    const state = this.pools.get(poolKey(pool));
    const filled = state ? maxFilled(counts, state.sizes) : 0;
    this.filled.set(key, { people: this.peopleStamp, filled });
    return filled;
  }

  private trackRecords(): TrackedRecord[] {
    const within = this.policy.revenueAssociation === 'within-period';
    const products = new Map<string, string | null>();
    const tracked: TrackedRecord[] = [];
    this.organization.revenue.forEach((record, index) => {
      let product = products.get(record.product);
      if (product === undefined) {
        product = this.catalog.findProduct(record.product)?.id ?? null;
        products.set(record.product, product);
      }
      if (product === null) return;
      tracked.push({
        index,
        customer: record.customer,
        enters: record.date,
        leaves: firstDayOutside(record.date),
        key: `${product}\u0000${record.netNew}\u0000${record.currency}`,
        product,
        associated: within ? this.associatedOn(record.customer, record.date) : null,
      });
    });
    return tracked;
  }

  /** Each person may change on each pass date and on the day after each accepted-until date of an exam they passed. */
  private schedulePeople(): Change[] {
    const changes: Change[] = [];
    this.organization.people.forEach((person, subject) => {
      const days = new Set<Day>();
      for (const pass of person.exams) {
        const exam = this.catalog.findExam(pass.exam);
        if (!exam) continue;
        days.add(pass.passed);
        if (exam.acceptedUntil !== null) days.add(exam.acceptedUntil + 1);
      }
      for (const day of days) changes.push({ day, subject });
    });
    return changes.sort((a, b) => a.day - b.day);
  }

  private scheduleCustomers(): Change[] {
    if (this.policy.revenueAssociation === 'within-period') return [];
    const changes: Change[] = [];
    this.organization.customers.forEach((customer, subject) => {
      changes.push({ day: Number.NEGATIVE_INFINITY, subject });
      for (const period of customer.dpor) {
        changes.push({ day: period.from, subject });
        if (period.to !== null) changes.push({ day: period.to + 1, subject });
      }
    });
    return changes.sort((a, b) => a.day - b.day);
  }

  private associatedOn(customer: string, day: Day): boolean {
    return (this.periods.get(customer) ?? []).some((p) => p.from <= day && (p.to === null || day <= p.to));
  }

  private move(record: TrackedRecord, sign: 1 | -1): void {
    const amount = this.organization.revenue[record.index]?.amount;
    if (!amount) return;
    const signed = sign === 1 ? amount : amount.negate();
    if (record.associated !== null) {
      this.addTo(this.groups, groupKey(record.key, record.associated), record, signed, sign);
      return;
    }
    let mine = this.byCustomer.get(record.customer);
    if (!mine) {
      mine = new Map();
      this.byCustomer.set(record.customer, mine);
    }
    this.addTo(mine, record.key, record, signed, sign);
    const associated = this.associatedToday.get(record.customer) ?? false;
    this.addTo(this.groups, groupKey(record.key, associated), record, signed, sign);
  }

  private addTo(
    groups: Map<string, RevenueAggregate>,
    key: string,
    record: TrackedRecord,
    amount: RevenueAggregate['amount'],
    records: number,
  ): void {
    if (groups === this.groups) this.touch(record.product);
    const group = groups.get(key);
    if (group) {
      group.amount = group.amount.add(amount);
      group.records += records;
      if (group.records === 0) groups.delete(key);
      return;
    }
    const source = this.organization.revenue[record.index];
    if (!source) return;
    groups.set(key, {
      product: record.product,
      netNew: source.netNew,
      associated: key.endsWith('\u0000true'),
      currency: source.currency,
      amount,
      records,
    });
  }

  /** Under `associated-at-as-of`, files the customer's in-window revenue under its association of today. */
  private reassociate(customer: string): void {
    const now = this.associatedOn(customer, this.day);
    const before = this.associatedToday.get(customer) ?? false;
    this.associatedToday.set(customer, now);
    if (now === before) return;
    for (const [key, group] of this.byCustomer.get(customer) ?? []) {
      this.shift(groupKey(key, before), group, -1);
      this.shift(groupKey(key, now), group, 1);
    }
  }

  private touch(product: string): void {
    this.productStamps.set(product, (this.productStamps.get(product) ?? 0) + 1);
  }

  private shift(key: string, part: RevenueAggregate, sign: 1 | -1): void {
    this.touch(part.product);
    const group = this.groups.get(key);
    const amount = sign === 1 ? part.amount : part.amount.negate();
    if (group) {
      group.amount = group.amount.add(amount);
      group.records += sign * part.records;
      if (group.records === 0) this.groups.delete(key);
    } else {
      this.groups.set(key, { ...part, associated: key.endsWith('\u0000true'), amount, records: sign * part.records });
    }
  }

  /** Recomputes one person's counting exams for today and refiles them in every pool whose eligibility changed. */
  private requalify(p: number): void {
    const person = this.organization.people[p];
    if (!person) return;
    const held = new Set<string>();
    for (const pass of person.exams) {
      const code = whyIgnored(this.catalog, pass, person.id, this.day);
      if (typeof code === 'string') held.add(code);
    }
    const before = this.qualified[p] as Set<string>;
    if (held.size === before.size && [...held].every((e) => before.has(e))) return;
    this.qualified[p] = held;
    for (const state of this.pools.values()) {
      const mask = state.formulas.reduce((m, formula, r) => (satisfies(formula, held) ? m | (1 << r) : m), 0);
      const old = state.masks[p] as number;
      if (mask === old) continue;
      this.peopleStamp += 1;
      state.masks[p] = mask;
      const left = (state.sizes.get(old) ?? 0) - 1;
      if (left === 0) state.sizes.delete(old);
      else state.sizes.set(old, left);
      state.sizes.set(mask, (state.sizes.get(mask) ?? 0) + 1);
    }
  }
}

function groupKey(key: string, associated: boolean): string {
  return `${key}\u0000${associated}`;
}

const poolKeys = new WeakMap<Pool, string>();

/** A pool's identity for eligibility: its roles' formulas (seat counts are applied when matching). */
function poolKey(pool: Pool): string {
  // Asked for on every event day; the catalog's pools do not change.
  let key = poolKeys.get(pool);
  if (key === undefined) {
    key = JSON.stringify(pool.roles.map((r) => r.exams));
    poolKeys.set(pool, key);
  }
  return key;
}

const levelInputs = new WeakMap<Level, { readonly products: readonly string[]; readonly pools: boolean }>();

/** What a level's status depends on: the revenue of some products, and whether any pool of people. */
function inputsOf(level: Level): { readonly products: readonly string[]; readonly pools: boolean } {
  let inputs = levelInputs.get(level);
  if (inputs === undefined) {
    const products = [...new Set(everyRevenue(level.requirements).flatMap((r) => r.products))];
    inputs = { products, pools: everyPool(level.requirements).length > 0 };
    levelInputs.set(level, inputs);
  }
  return inputs;
}

function allPools(catalog: Catalog): Pool[] {
  return catalog.competencies.flatMap((c) =>
    c.versions.flatMap((v) => v.options.flatMap((o) => o.levels.flatMap((l) => everyPool(l.requirements)))),
  );
}
