import type { Level, Pool, RevenueRequirement } from '../catalog/catalog-types.js';
import { everyPool, everyRevenue } from '../catalog/every-requirement.js';
import { versionAt } from '../catalog/find-level.js';
import type { Day } from '../core/day.js';
import type { Decimal } from '../core/decimal.js';
import { PoolSeats } from '../kinds/people/pool-seats.js';
import { allStatus, levelStanding, type StatusView } from '../kinds/requirement-kind.js';
import { requirementStatus } from '../kinds/requirement-kinds.js';
import { RevenueTotals } from '../kinds/revenue/revenue-totals.js';
import { associatedOn, type EvaluationContext } from './evaluation-context.js';
import type { LevelResult, RequirementStatus } from './evaluation-types.js';
import { type HorizonDay, horizonEvents, type RevenueMove } from './horizon-events.js';
import type { Period } from './organization.js';

/** A level's standing, without the explanation a full evaluation carries. */
export interface LevelStatus {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly attained: boolean;
  readonly status: LevelResult['status'];
}

/**
 * A level whose status differs from the last day the tracker was at. `from` is null when the level did not exist
 * then (a catalog version added it); `ended` when it no longer exists (a version dropped it), and then `level` is
 * its last status and `from` that status too.
 */
export interface StatusChange {
  readonly level: LevelStatus;
  readonly from: LevelResult['status'] | null;
  readonly ended: boolean;
}

/** What the tracker needs of a level, made once per level of a catalog. */
interface LevelShape {
  readonly key: string;
  readonly level: Level;
  /** The level's three possible statuses. */
  readonly standings: Readonly<Record<RequirementStatus, LevelStatus>>;
  /** What its status depends on: these revenue requirements' totals, and whether any pool of people. */
  readonly revenue: readonly RevenueRequirement[];
  readonly pools: boolean;
}

/** A level in effect, with its status and the stamp of the inputs it was decided from. */
interface TrackedLevel {
  readonly shape: LevelShape;
  stamp: number;
  status: LevelStatus;
}

/**
 * Level statuses that move forward through a horizon cheaply. The tracker starts from an evaluation's context (its
 * revenue aggregates, who holds which exams, its pool matchings) instead of deriving that state again, then applies
 * only what happens on each event day: revenue entering or leaving changes the running totals of its product's
 * requirements, a person's exams changing refiles that person, and only the levels whose inputs changed are
 * decided again, by the same kinds' `status` a full evaluation reads. The forecast and standing tests check it
 * against evaluating every day.
 */
export class StatusTracker {
  /** The first day after the context's day on which anything in the data happens, however far; null when none will. */
  readonly nextEvent: Day | null;
  private day: Day;
  private readonly days: readonly HorizonDay[];
  private cursor = 0;
  private readonly totals: RevenueTotals;
  private readonly seats: PoolSeats;
  private readonly view: StatusView;
  /** Under `associated-at-as-of`, the customers whose association changes in the horizon: today's association and in-window revenue. */
  private readonly moving = new Map<string, { associated: boolean; readonly revenue: Map<string, Part> }>();
  private readonly periods: ReadonlyMap<string, readonly Period[]>;
  private readonly revenueStatuses = new Map<RevenueRequirement, { stamp: number; status: RequirementStatus; flips: number }>();
  private levels: TrackedLevel[];

  /** A tracker on the context's day that looks as far as `to`. */
  constructor(
    private readonly context: EvaluationContext,
    to: Day,
  ) {
    const { catalog, organization, asOf } = context;
    this.day = asOf;
    const events = horizonEvents(context, to);
    this.nextEvent = events.nextEvent;
    this.days = events.days;
    this.totals = new RevenueTotals(context);
    this.seats = new PoolSeats(context);
    this.periods = new Map(organization.customers.map((c) => [c.id, c.dpor]));
    for (const [customer, moves] of events.moving) {
      const mine = { associated: associatedOn(this.periods.get(customer), asOf), revenue: new Map<string, Part>() };
      for (const move of moves) addPart(mine.revenue, context, move);
      this.moving.set(customer, mine);
    }
    this.view = {
      catalog,
      organization,
      counted: (requirement) => this.totals.counted(requirement),
      poolFilled: (pool: Pool) => this.seats.filled(pool),
    };
    this.levels = this.levelsInEffect([]);
  }

  /** The next day after the current one, up to the horizon, on which a status can change; undefined when none. */
  nextChange(): Day | undefined {
    return this.days[this.cursor]?.day;
  }

  /** Every level of the versions in effect today. */
  statuses(): LevelStatus[] {
    return this.levels.map((l) => l.status);
  }

  /** Moves to a later day, applying every event up to and including it; the levels whose status changed. */
  advanceTo(day: Day): StatusChange[] {
    if (day < this.day) throw new RangeError('a status tracker only moves forward in time');
    this.day = day;
    let versions = false;
    for (; this.cursor < this.days.length && (this.days[this.cursor] as HorizonDay).day <= day; this.cursor++) {
      const events = this.days[this.cursor] as HorizonDay;
      for (const customer of events.customers) this.reassociate(customer, events.day);
      for (const move of events.revenue) this.move(move);
      for (const p of events.people) this.seats.requalify(p, events.day);
      versions ||= events.versions;
    }
    const changes: StatusChange[] = [];
    if (versions) {
      const before = new Map(this.levels.map((l) => [l.shape.key, l.status]));
      this.levels = this.levelsInEffect(this.levels);
      for (const tracked of this.levels) {
        const from = before.get(tracked.shape.key)?.status ?? null;
        before.delete(tracked.shape.key);
        if (from !== tracked.status.status) changes.push({ level: tracked.status, from, ended: false });
      }
      // What is left existed yesterday and is in no version in effect today.
      for (const last of before.values()) changes.push({ level: last, from: last.status, ended: true });
      return changes;
    }
    for (const tracked of this.levels) {
      const from = tracked.status.status;
      if (this.refresh(tracked) && from !== tracked.status.status) changes.push({ level: tracked.status, from, ended: false });
    }
    return changes;
  }

  /** The levels of the versions in effect today, reusing those already tracked and up to date. */
  private levelsInEffect(tracked: readonly TrackedLevel[]): TrackedLevel[] {
    const known = new Map(tracked.map((t) => [t.shape.level, t]));
    const levels: TrackedLevel[] = [];
    for (const competency of this.context.catalog.competencies) {
      for (const option of versionAt(competency, this.day).options) {
        for (const level of option.levels) {
          const shape = shapeOf(competency.id, option.id, level);
          const existing = known.get(level) ?? { shape, stamp: Number.NaN, status: shape.standings['not-met'] };
          this.refresh(existing);
          levels.push(existing);
        }
      }
    }
    return levels;
  }

  /** Decides a level again when one of its inputs changed since it last was; whether it did. */
  private refresh(tracked: TrackedLevel): boolean {
    let stamp = tracked.shape.pools ? this.seats.stamp : 0;
    for (const requirement of tracked.shape.revenue) stamp += this.flips(requirement);
    if (stamp === tracked.stamp) return false;
    tracked.stamp = stamp;
    const { level, standings } = tracked.shape;
    tracked.status = standings[allStatus(level.requirements.map((r) => requirementStatus(r, this.view)))];
    return true;
  }

  /**
   * How many times a revenue requirement's status changed. Totals move on most days, thresholds are crossed on few:
   * a level is decided again only when one of its requirements' statuses did.
   */
  private flips(requirement: RevenueRequirement): number {
    const stamp = this.totals.stamp(requirement);
    let known = this.revenueStatuses.get(requirement);
    if (known === undefined) {
      known = { stamp, status: requirementStatus(requirement, this.view), flips: 0 };
      this.revenueStatuses.set(requirement, known);
    } else if (known.stamp !== stamp) {
      known.stamp = stamp;
      const status = requirementStatus(requirement, this.view);
      if (status !== known.status) {
        known.status = status;
        known.flips += 1;
      }
    }
    return known.flips;
  }

  private move(move: RevenueMove): void {
    const record = this.context.organization.revenue[move.record];
    if (!record) return;
    const amount = move.sign === 1 ? record.amount : record.amount.negate();
    if (this.context.policy.revenueAssociation === 'within-period') {
      const associated = associatedOn(this.periods.get(record.customer), record.date);
      this.totals.add(move.product, record.netNew, associated, record.currency, amount);
      return;
    }
    const moving = this.moving.get(record.customer);
    // A customer whose association does not change within the horizon keeps the one of the context's day.
    const associated = moving ? moving.associated : associatedOn(this.periods.get(record.customer), this.context.asOf);
    this.totals.add(move.product, record.netNew, associated, record.currency, amount);
    if (moving) addPart(moving.revenue, this.context, move);
  }

  /** Under `associated-at-as-of`, moves the customer's in-window revenue to or from the counted totals. */
  private reassociate(customer: string, day: Day): void {
    const state = this.moving.get(customer);
    if (!state) return;
    const now = associatedOn(this.periods.get(customer), day);
    if (now === state.associated) return;
    state.associated = now;
    for (const part of state.revenue.values()) {
      this.totals.add(part.product, part.netNew, true, part.currency, now ? part.amount : part.amount.negate());
    }
  }
}

/** One customer's in-window revenue of one product, net-new flag and currency. */
interface Part {
  readonly product: string;
  readonly netNew: boolean;
  readonly currency: string;
  amount: Decimal;
}

function addPart(parts: Map<string, Part>, context: EvaluationContext, move: RevenueMove): void {
  const record = context.organization.revenue[move.record];
  if (!record) return;
  const amount = move.sign === 1 ? record.amount : record.amount.negate();
  const key = `${move.product}\u0000${record.netNew}\u0000${record.currency}`;
  const part = parts.get(key);
  if (part) part.amount = part.amount.add(amount);
  else parts.set(key, { product: move.product, netNew: record.netNew, currency: record.currency, amount });
}

const shapes = new WeakMap<Level, LevelShape>();

/** A level's shape, made at its first use and kept with the catalog's level. */
function shapeOf(competency: string, option: string, level: Level): LevelShape {
  let shape = shapes.get(level);
  if (shape === undefined) {
    // Shared by every tracker of the catalog, and handed out: frozen.
    const standing = (status: RequirementStatus): LevelStatus =>
      Object.freeze({ competency, option, level: level.id, ...levelStanding(status) });
    shape = {
      key: `${competency}/${option}/${level.id}`,
      level,
      standings: { met: standing('met'), 'not-met': standing('not-met'), undetermined: standing('undetermined') },
      revenue: everyRevenue(level.requirements),
      pools: everyPool(level.requirements).length > 0,
    };
    shapes.set(level, shape);
  }
  return shape;
}
