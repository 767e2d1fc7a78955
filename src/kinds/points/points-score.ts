import { Decimal } from '../../core/decimal.js';

/**
 * The scoring rules as arithmetic on what was counted, whole points rounded down (a partial point never reaches a
 * pass mark). Shared by the evaluation and the planner, and checked against a brute-force scorer in the tests.
 */

/** floor(k × a / b) for a ≥ 0 and b > 0, exactly. */
export function floorRatio(a: Decimal, b: Decimal, k: bigint): bigint {
  return (k * a.mantissa * 10n ** BigInt(b.scale)) / (b.mantissa * 10n ** BigInt(a.scale));
}

/** The smallest amount in cents that is at least a × k / d, for a ≥ 0, k ≥ 0 and d > 0. */
export function ceilCents(a: Decimal, k: bigint, d: bigint): Decimal {
  const num = a.mantissa * k * 100n;
  const den = d * 10n ** BigInt(a.scale);
  const cents = (num + den - 1n) / den;
  return Decimal.fromInteger(cents).mul(Decimal.parse('0.01') as Decimal);
}

/** Points per unit counted, up to the cap. */
export function perUnitPoints(units: number, points: number, max: number): number {
  return Math.min(max, units * points);
}

/** Points in proportion to an amount against the full-points threshold. */
export function proportionalPoints(amount: Decimal, threshold: Decimal, max: number): number {
  if (threshold.isZero() || threshold.isNegative() || amount.gte(threshold)) return max;
  if (amount.isNegative()) return 0;
  return Math.min(max, Number(floorRatio(amount, threshold, BigInt(max))));
}

export function allOrNothingPoints(amount: Decimal, threshold: Decimal, max: number): number {
  return amount.gte(threshold) ? max : 0;
}

/**
 * Points per whole percent of growth from the previous window to the current one. Growth from nothing is
 * unbounded: every point once there is any consumption.
 */
export function growthPoints(current: Decimal, previous: Decimal, pointsPerPercent: number, max: number): number {
  if (previous.isZero() || previous.isNegative()) return current.cmp(Decimal.ZERO) > 0 ? max : 0;
  const grown = current.sub(previous);
  if (grown.isNegative() || grown.isZero()) return 0;
  return Math.min(max, Number(floorRatio(grown, previous, BigInt(100 * pointsPerPercent))));
}

/** Growth in percent with two decimals, rounded down; null when there was nothing to grow from. */
export function growthPercent(current: Decimal, previous: Decimal): string | null {
  if (previous.isZero() || previous.isNegative()) return null;
  const grown = current.sub(previous);
  const hundredths = grown.isNegative() ? -floorRatio(grown.negate(), previous, 10_000n) : floorRatio(grown, previous, 10_000n);
  return Decimal.fromInteger(hundredths)
    .mul(Decimal.parse('0.01') as Decimal)
    .toString();
}

/** A step of skilling as scoring needs it: how many people it needs and what it gives. */
export interface StepRule {
  readonly people: number;
  readonly points: number;
  readonly perPerson: number;
}

/**
 * Step-gated skilling: a step that holds its people scores its points and its points per person, but only when
 * every step before it holds its people too; the metric's cap applies to the sum.
 */
export function skillingPoints(
  steps: readonly StepRule[],
  holders: readonly number[],
  max: number,
): { total: number; steps: { unlocked: boolean; points: number }[] } {
  let unlocked = true;
  let total = 0;
  const out = steps.map((step, i) => {
    const count = holders[i] ?? 0;
    const points = unlocked && count >= step.people ? step.points + step.perPerson * count : 0;
    const result = { unlocked, points };
    total += points;
    if (count < step.people) unlocked = false;
    return result;
  });
  return { total: Math.min(max, total), steps: out };
}
