import type { Level, RevenueRequirement } from '../../catalog/catalog-types.js';
import { everyRevenue } from '../../catalog/every-requirement.js';
import type { Day } from '../../core/day.js';
import type { Decimal } from '../../core/decimal.js';
import {
  type AssociationMask,
  associationBit,
  type Credits,
  creditedOn,
  creditLookup,
  customerCredits,
} from '../../engine/customer-credits.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { RequirementStatus } from '../../engine/evaluation-types.js';
import type { HorizonDay, Schedule } from '../../engine/horizon-events.js';
import type { RevenueRecord } from '../../engine/organization.js';
import type { KindTracker } from '../tracked-kind.js';
import { type RevenueDay, type RevenueMove, revenueEvents } from './revenue-events.js';
import { thresholdStatus } from './revenue-kind.js';
import { RevenueTotals } from './revenue-totals.js';

/** Each level's revenue requirements, found once per catalog level for every tracker of it. */
const levelRevenue = new WeakMap<Level, readonly RevenueRequirement[]>();

/**
 * Each revenue requirement's counted revenue, kept as records enter and leave the trailing twelve months and, under
 * `associated-at-as-of`, as customers' associations change.
 */
export class RevenueTracker implements KindTracker {
  private readonly totals: RevenueTotals;
  /** Under `associated-at-as-of`, the customers whose association changes in the horizon: today's association types and in-window revenue. */
  private readonly moving = new Map<string, { credited: AssociationMask; readonly revenue: Map<string, Part> }>();
  private readonly periods: ReadonlyMap<string, Credits>;
  private readonly creditedOn: (customer: string, day: Day) => AssociationMask;
  private readonly days: ReadonlyMap<Day, RevenueDay>;
  private readonly statuses = new Map<RevenueRequirement, { stamp: number; status: RequirementStatus; flips: number }>();

  constructor(
    private readonly context: EvaluationContext,
    schedule: Schedule,
  ) {
    const events = revenueEvents(context, schedule);
    this.days = events.days;
    this.totals = new RevenueTotals(context);
    this.periods = customerCredits(context.organization);
    this.creditedOn = creditLookup(context.organization);
    for (const [customer, moves] of events.moving) {
      const mine = { credited: creditedOn(this.periods.get(customer), context.asOf), revenue: new Map<string, Part>() };
      for (const move of moves) addPart(mine.revenue, context, move);
      this.moving.set(customer, mine);
    }
  }

  apply(day: HorizonDay): void {
    const events = this.days.get(day.day);
    if (!events) return;
    for (const customer of events.customers) this.reassociate(customer, day.day);
    for (const move of events.revenue) this.move(move);
  }

  /**
   * How many times the level's revenue requirements' statuses changed. Totals move on most days, thresholds are
   * crossed on few: a level is decided again only when one of its requirements' statuses did.
   */
  stamper(level: Level): (() => number) | null {
    let requirements = levelRevenue.get(level);
    if (requirements === undefined) {
      requirements = everyRevenue(level.requirements);
      levelRevenue.set(level, requirements);
    }
    if (requirements.length === 0) return null;
    return () => {
      let stamp = 0;
      for (const requirement of requirements) stamp += this.flips(requirement);
      return stamp;
    };
  }

  /** The trailing twelve months' revenue the requirement counts (its products, associated, net new when asked), converted. */
  counted(requirement: RevenueRequirement): Decimal {
    return this.totals.counted(requirement);
  }

  private flips(requirement: RevenueRequirement): number {
    const stamp = this.totals.stamp(requirement);
    let known = this.statuses.get(requirement);
    if (known === undefined) {
      known = { stamp, status: this.status(requirement), flips: 0 };
      this.statuses.set(requirement, known);
    } else if (known.stamp !== stamp) {
      known.stamp = stamp;
      const status = this.status(requirement);
      if (status !== known.status) {
        known.status = status;
        known.flips += 1;
      }
    }
    return known.flips;
  }

  private status(requirement: RevenueRequirement): RequirementStatus {
    return thresholdStatus(requirement, this.context.organization.market, this.totals.counted(requirement));
  }

  private move(move: RevenueMove): void {
    const record = this.context.organization.revenue[move.record];
    if (!record) return;
    const amount = move.sign === 1 ? record.amount : record.amount.negate();
    // An attributed record counts under its attribution alone, as the evaluation's context counts it.
    const own = attributed(record);
    if (own !== 0) {
      this.totals.add(move.product, record.netNew, own, record.currency, amount);
      return;
    }
    if (this.context.policy.revenueAssociation === 'within-period') {
      this.totals.add(move.product, record.netNew, this.creditedOn(record.customer, record.date), record.currency, amount);
      return;
    }
    const moving = this.moving.get(record.customer);
    // A customer whose association does not change within the horizon keeps the one of the context's day.
    const credited = moving ? moving.credited : this.creditedOn(record.customer, this.context.asOf);
    this.totals.add(move.product, record.netNew, credited, record.currency, amount);
    if (moving) addPart(moving.revenue, this.context, move);
  }

  /** Under `associated-at-as-of`, moves the customer's in-window revenue to or from the counted totals. */
  private reassociate(customer: string, day: Day): void {
    const state = this.moving.get(customer);
    if (!state) return;
    const now = creditedOn(this.periods.get(customer), day);
    if (now === state.credited) return;
    const before = state.credited;
    state.credited = now;
    // Out of the totals that accepted the old types, into those that accept the new: a total accepting both moves twice and stays.
    for (const part of state.revenue.values()) {
      this.totals.add(part.product, part.netNew, before, part.currency, part.amount.negate());
      this.totals.add(part.product, part.netNew, now, part.currency, part.amount);
    }
  }
}

/** One customer's in-window revenue of one product, net-new flag and currency, of records without an attribution. */
interface Part {
  readonly product: string;
  readonly netNew: boolean;
  readonly currency: string;
  amount: Decimal;
}

/** The association type a record itself is credited under, as a mask (0 when the file does not say). */
function attributed(record: RevenueRecord): AssociationMask {
  return record.attribution === undefined ? 0 : associationBit(record.attribution);
}

function addPart(parts: Map<string, Part>, context: EvaluationContext, move: RevenueMove): void {
  const record = context.organization.revenue[move.record];
  // An attributed record's credit does not follow its customer's periods.
  if (!record || record.attribution !== undefined) return;
  const amount = move.sign === 1 ? record.amount : record.amount.negate();
  const key = `${move.product}\u0000${record.netNew}\u0000${record.currency}`;
  const part = parts.get(key);
  if (part) part.amount = part.amount.add(amount);
  else parts.set(key, { product: move.product, netNew: record.netNew, currency: record.currency, amount });
}
