import { type Day, firstDayOutside, oneYearBefore } from '../../core/day.js';
import { customerCredits } from '../../engine/customer-credits.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { Schedule } from '../../engine/horizon-events.js';

/** A revenue record entering (1) or leaving (-1) the trailing twelve months, its product resolved. */
export interface RevenueMove {
  readonly record: number;
  readonly product: string;
  readonly sign: 1 | -1;
}

/** What happens to revenue on one day, in the order the tracker applies it. */
export interface RevenueDay {
  /** Customers (by id) whose association may change; first, so that revenue entering today is filed under it. */
  readonly customers: string[];
  readonly revenue: RevenueMove[];
}

export interface RevenueEvents {
  readonly days: ReadonlyMap<Day, RevenueDay>;
  /** Under `associated-at-as-of`: per customer whose association changes within the horizon, its records in the window on `from`. */
  readonly moving: ReadonlyMap<string, readonly RevenueMove[]>;
}

/**
 * The days on which revenue can change a result: a record entering or leaving the trailing twelve months, and an
 * association period (of any type) starting or ending (when the policy looks at the as-of date).
 */
export function revenueEvents(context: EvaluationContext, schedule: Schedule): RevenueEvents {
  const days = new Map<Day, RevenueDay>();
  const on = (day: Day): RevenueDay | undefined => {
    if (!schedule.at(day)) return undefined;
    let entry = days.get(day);
    if (entry === undefined) {
      entry = { customers: [], revenue: [] };
      days.set(day, entry);
    }
    return entry;
  };
  const moving = context.policy.revenueAssociation === 'associated-at-as-of' ? customerEvents(context, on) : new Set<string>();
  return { days, moving: recordEvents(context, schedule, on, moving) };
}

/** The customers whose association changes within the horizon. */
function customerEvents(context: EvaluationContext, on: (day: Day) => RevenueDay | undefined): Set<string> {
  const moving = new Set<string>();
  for (const [customer, { periods }] of customerCredits(context.organization)) {
    for (const period of periods) {
      for (const day of period.to === null ? [period.from] : [period.from, period.to + 1]) {
        const entry = on(day);
        if (!entry) continue;
        entry.customers.push(customer);
        moving.add(customer);
      }
    }
  }
  return moving;
}

function recordEvents(
  context: EvaluationContext,
  schedule: Schedule,
  on: (day: Day) => RevenueDay | undefined,
  moving: ReadonlySet<string>,
): Map<string, RevenueMove[]> {
  const { from, to } = schedule;
  const windowStart = oneYearBefore(from);
  // A record leaves within the horizon exactly when it is dated in (windowStart, lastLeaving].
  const lastLeaving = oneYearBefore(to);
  const products = new Map<string, string | null>();
  const held = new Map<string, RevenueMove[]>([...moving].map((customer) => [customer, []]));
  let firstInWindow = Number.POSITIVE_INFINITY;
  context.organization.revenue.forEach((record, i) => {
    const date = record.date;
    if (date <= windowStart) return;
    const enters = date > from && date <= to;
    const leaves = date <= lastLeaving;
    const kept = date <= from && moving.has(record.customer);
    // Beyond the horizon a record only matters when it is the first to enter or to leave.
    if (!enters && !leaves && !kept && date >= firstInWindow && (date <= from || date >= schedule.next)) return;
    let product = products.get(record.product);
    if (product === undefined) {
      product = context.catalog.findProduct(record.product)?.id ?? null;
      products.set(record.product, product);
    }
    if (product === null) return;
    firstInWindow = Math.min(firstInWindow, date);
    if (date > from) on(date)?.revenue.push({ record: i, product, sign: 1 });
    if (leaves) on(firstDayOutside(date))?.revenue.push({ record: i, product, sign: -1 });
    if (kept) held.get(record.customer)?.push({ record: i, product, sign: 1 });
  });
  // Leaving days grow with the record's date, so the first record in the window is the first to leave.
  if (firstInWindow !== Number.POSITIVE_INFINITY) schedule.note(firstDayOutside(firstInWindow));
  return held;
}
