import { Decimal } from '../../core/decimal.js';
import { cheaper, type MoveOption, metricOptions, NOTHING, type PointsMove, type Where } from './points-moves.js';
import type { PointsRequirement, PointsResult } from './points-types.js';

/** The cheapest moves that reach the pass mark, one option per metric; null when no choice reaches it. */
export interface Cheapest {
  readonly choice: readonly number[];
  readonly actions: number;
  readonly money: Decimal;
}

/**
 * Exact: a dynamic programme over the metrics whose state is the points gained so far (capped at what the pass
 * mark still needs). Costs add, and their lexicographic order is kept by adding, so the cheapest way to each state
 * extends to the cheapest overall. A metric at zero under `everyMetricPositive` must take an option that gains.
 */
export function cheapestMoves(
  current: readonly number[],
  options: readonly (readonly MoveOption[])[],
  passMark: number,
  everyMetricPositive: boolean,
): Cheapest | null {
  const needed = Math.max(0, passMark - current.reduce((a, b) => a + b, 0));
  let states: (Cheapest | undefined)[] = [{ choice: [], actions: 0, money: Decimal.ZERO }];
  options.forEach((metricOptions, i) => {
    const next: (Cheapest | undefined)[] = [];
    states.forEach((state, gained) => {
      if (!state) return;
      metricOptions.forEach((option, o) => {
        if (everyMetricPositive && (current[i] ?? 0) + option.gain <= 0) return;
        const to = Math.min(needed, gained + option.gain);
        const candidate = {
          choice: [...state.choice, o],
          actions: state.actions + option.actions,
          money: state.money.add(option.money),
        };
        const known = next[to];
        if (!known || cheaper(candidate, known)) next[to] = candidate;
      });
    });
    states = next;
  });
  return states[needed] ?? null;
}

/** Where a points requirement stands and the cheapest moves to its pass mark: what a plan and a gap report. */
export interface PointsPlan {
  readonly requirement: string;
  readonly score: number;
  readonly passMark: number;
  readonly met: boolean;
  /** Whether some moves reach the pass mark (with every metric above zero when asked). */
  readonly reachable: boolean;
  readonly moves: readonly PointsMove[];
  readonly gain: number;
  readonly actions: number;
  /** More consumption the moves ask for, in the catalog's currency. */
  readonly money: string;
  readonly currency: string;
}

export function planPoints(requirement: PointsRequirement, result: PointsResult, where: Where): PointsPlan {
  const options = requirement.metrics.map((metric, i) => {
    const metricResult = result.metrics[i];
    return metricResult ? metricOptions(metric, metricResult, where) : [NOTHING];
  });
  const current = result.metrics.map((m) => m.points);
  const best = result.met
    ? { choice: options.map(() => 0), actions: 0, money: Decimal.ZERO }
    : cheapestMoves(current, options, result.passMark, result.everyMetricPositive);
  const chosen = best ? best.choice.map((o, i) => options[i]?.[o] ?? NOTHING) : [];
  const moves = chosen.flatMap((option) => (option.move ? [option.move] : []));
  return {
    requirement: requirement.id,
    score: result.score,
    passMark: result.passMark,
    met: result.met,
    reachable: best !== null,
    moves,
    gain: moves.reduce((sum, m) => sum + m.gain, 0),
    actions: best?.actions ?? 0,
    money: (best?.money ?? Decimal.ZERO).toString(),
    currency: result.currency,
  };
}
