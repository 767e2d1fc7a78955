import { Decimal } from '../../core/decimal.js';
import { formulaTerms } from '../../engine/exam-formula.js';
import type { PointsInput } from './points-data.js';
import { ceilCents, growthPoints, perUnitPoints, proportionalPoints } from './points-score.js';
import type { Metric, PointsMetricResult } from './points-types.js';

/**
 * One thing a partner can do to gain points on one metric. People are counted per step (someone who earns a
 * credential that two steps list is counted in one), so a plan never promises more than the data will show.
 */
export type PointsMove =
  | { readonly move: 'customers'; readonly metric: string; readonly gain: number; readonly count: number; readonly floor: string }
  | {
      readonly move: 'people';
      readonly metric: string;
      readonly gain: number;
      /** Per step, how many more people, and the sets of credentials (each of exams that can still be taken) that count. */
      readonly steps: readonly {
        readonly step: string;
        readonly count: number;
        readonly credentials: readonly (readonly string[])[];
      }[];
    }
  | { readonly move: 'services'; readonly metric: string; readonly gain: number; readonly count: number }
  | RaiseMove<'consumption'>
  | RaiseMove<'revenue'>;

/** More of what a metric measures (consumption, or net new revenue): how much more, in the catalog's currency. */
interface RaiseMove<K extends 'consumption' | 'revenue'> {
  readonly move: K;
  readonly metric: string;
  readonly gain: number;
  readonly amount: string;
  /** Growth from a window with nothing in it: any amount at all gives every point. */
  readonly fromNothing?: true;
}

/** A way to gain points on one metric and what it costs: actions (people, customers, services, raises), then money. */
export interface MoveOption {
  readonly move: PointsMove | null;
  readonly gain: number;
  readonly actions: number;
  readonly money: Decimal;
}

export const NOTHING: MoveOption = { move: null, gain: 0, actions: 0, money: Decimal.ZERO };

/** What options depend on besides the metric: the organization's market, and which exams can still be taken. */
export interface Where {
  readonly market: string;
  readonly takeable: (code: string) => boolean;
}

/** Where an organization stands on a day: its market, and the exams launched and not yet retired. */
export function whereOf(input: PointsInput): Where {
  return {
    market: input.organization.market,
    takeable: (code) => {
      const exam = input.catalog.findExam(code);
      return (
        exam !== undefined &&
        (exam.launched === null || exam.launched <= input.asOf) &&
        (exam.retired === null || input.asOf <= exam.retired)
      );
    },
  };
}

/** Every useful way to gain points on a metric, the cheapest per number of points gained; the first gains nothing. */
export function metricOptions(metric: Metric, result: PointsMetricResult, where: Where): MoveOption[] {
  const options = [NOTHING, ...everyOption(metric, result, where)];
  const best = new Map<number, MoveOption>();
  for (const option of options) {
    const known = best.get(option.gain);
    if (!known || cheaper(option, known)) best.set(option.gain, option);
  }
  // A gain that costs at least as much as a bigger one is never worth choosing.
  const sorted = [...best.values()].sort((a, b) => b.gain - a.gain);
  const kept: MoveOption[] = [];
  for (const option of sorted) if (!kept.some((k) => !cheaper(option, k))) kept.push(option);
  return kept.sort((a, b) => a.gain - b.gain);
}

/** The lexicographic order of costs: fewer actions first, then less money. */
export function cheaper(a: Pick<MoveOption, 'actions' | 'money'>, b: Pick<MoveOption, 'actions' | 'money'>): boolean {
  return a.actions < b.actions || (a.actions === b.actions && b.money.cmp(a.money) > 0);
}

/** Every way to gain points on a metric, before the dominated ones are dropped (what the tests enumerate). */
export function everyOption(metric: Metric, result: PointsMetricResult, where: Where): MoveOption[] {
  const current = result.points;
  if (current >= metric.max) return [];
  const units = (have: number, points: number, make: (count: number, gain: number) => PointsMove): MoveOption[] => {
    const out: MoveOption[] = [];
    for (let k = 1; perUnitPoints(have + k - 1, points, metric.max) < metric.max; k++) {
      const gain = perUnitPoints(have + k, points, metric.max) - current;
      out.push({ move: make(k, gain), gain, actions: k, money: Decimal.ZERO });
    }
    return out;
  };
  const measure = metric.rule === 'proportional' || metric.rule === 'all-or-nothing' ? metric.measure : 'consumption';
  const raise = (gain: number, amount: Decimal): MoveOption => ({
    move: {
      move: measure === 'consumption' ? ('consumption' as const) : ('revenue' as const),
      metric: metric.id,
      gain,
      amount: amount.toString(),
    },
    gain,
    actions: 1,
    money: amount,
  });
  if (metric.rule === 'per-customer' && result.rule === 'per-customer') {
    const floor = metric.floor.toString();
    return units(result.customers.length, metric.points, (count, gain) => ({
      move: 'customers',
      metric: metric.id,
      gain,
      count,
      floor,
    }));
  }
  if (metric.rule === 'services' && result.rule === 'services') {
    return units(result.services.length, metric.points, (count, gain) => ({ move: 'services', metric: metric.id, gain, count }));
  }
  if (
    (metric.rule === 'proportional' || metric.rule === 'all-or-nothing') &&
    (result.rule === 'proportional' || result.rule === 'all-or-nothing')
  ) {
    const threshold = metric.thresholds.get(where.market);
    if (threshold === undefined) return [];
    const amount = Decimal.parse(result.amount) ?? Decimal.ZERO;
    if (metric.rule === 'all-or-nothing') return [raise(metric.max - current, threshold.sub(amount))];
    const out: MoveOption[] = [];
    for (let p = current + 1; p <= metric.max; p++) {
      const needed = ceilCents(threshold, BigInt(p), BigInt(metric.max));
      if (proportionalPoints(needed, threshold, metric.max) >= p)
        out.push(raise(p - current, needed.sub(amount).max(Decimal.ZERO)));
    }
    return out;
  }
  if (metric.rule === 'growth' && result.rule === 'growth') {
    const now = Decimal.parse(result.current) ?? Decimal.ZERO;
    const before = Decimal.parse(result.previous) ?? Decimal.ZERO;
    if (before.isZero() || before.isNegative()) {
      const option = raise(metric.max - current, CENT);
      return [{ ...option, move: { ...(option.move as RaiseMove<'consumption'>), fromNothing: true } }];
    }
    const out: MoveOption[] = [];
    const scale = BigInt(100 * metric.pointsPerPercent);
    for (let p = current + 1; p <= metric.max; p++) {
      const needed = ceilCents(before, scale + BigInt(p), scale);
      if (growthPoints(needed, before, metric.pointsPerPercent, metric.max) >= p)
        out.push(raise(p - current, needed.sub(now).max(CENT)));
    }
    return out;
  }
  if (metric.rule === 'skilling' && result.rule === 'skilling') return skillingOptions(metric, result, current, where);
  return [];
}

const CENT = Decimal.parse('0.01') as Decimal;

/** The fewest more people per step for each score the metric can reach, up to what can still score. */
function skillingOptions(
  metric: Extract<Metric, { rule: 'skilling' }>,
  result: Extract<PointsMetricResult, { rule: 'skilling' }>,
  current: number,
  where: Where,
): MoveOption[] {
  const have = result.steps.map((s) => s.people.length);
  // Only what can still be earned: the ways to hold a step's credentials whose exams can all be taken.
  const open = metric.steps.map((step) => formulaTerms(step.credentials).filter((term) => term.every(where.takeable)));
  const limits = metric.steps.map((step, i) => {
    if ((open[i] ?? []).length === 0) return 0;
    const short = Math.max(0, step.people - (have[i] ?? 0));
    return short + (step.perPerson > 0 ? Math.ceil(metric.max / step.perPerson) : 0);
  });
  // A dynamic programme over the steps: what a step adds depends only on whether every step before it holds its
  // people, so (still unlocked, points so far up to the cap) is all that earlier steps leave. Trying every count of
  // every step instead grows as the product of the steps' counts.
  type State = {
    readonly unlocked: boolean;
    readonly points: number;
    readonly extra: readonly number[];
    readonly actions: number;
  };
  let states = new Map<string, State>([['1:0', { unlocked: true, points: 0, extra: [], actions: 0 }]]);
  metric.steps.forEach((step, i) => {
    const next = new Map<string, State>();
    for (const state of states.values()) {
      for (let e = 0; e <= (limits[i] ?? 0); e++) {
        const count = (have[i] ?? 0) + e;
        const holds = count >= step.people;
        const points = Math.min(metric.max, state.points + (state.unlocked && holds ? step.points + step.perPerson * count : 0));
        const unlocked = state.unlocked && holds;
        const key = `${unlocked ? 1 : 0}:${points}`;
        const known = next.get(key);
        if (!known || state.actions + e < known.actions) {
          next.set(key, { unlocked, points, extra: [...state.extra, e], actions: state.actions + e });
        }
      }
    }
    states = next;
  });
  const out: MoveOption[] = [];
  for (const { points, extra, actions } of states.values()) {
    const gain = points - current;
    if (actions === 0 || gain <= 0) continue;
    const steps = metric.steps.flatMap((s, j) =>
      (extra[j] ?? 0) > 0 ? [{ step: s.id, count: extra[j] ?? 0, credentials: open[j] ?? [] }] : [],
    );
    out.push({ move: { move: 'people', metric: metric.id, gain, steps }, gain, actions, money: Decimal.ZERO });
  }
  return out;
}
