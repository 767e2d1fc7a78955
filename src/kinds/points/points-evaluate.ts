import type { Decimal } from '../../core/decimal.js';
import { satisfies } from '../../engine/exam-formula.js';
import type { AssociationType } from '../../engine/organization.js';
import {
  type Credited,
  creditedConsumption,
  creditedRevenue,
  heldCredentials,
  type PointsInput,
  sumMonths,
  windowMonths,
} from './points-data.js';
import {
  allOrNothingPoints,
  growthPercent,
  growthPoints,
  perUnitPoints,
  proportionalPoints,
  skillingPoints,
} from './points-score.js';
import type { Metric, PointsMetricResult, PointsRequirement, PointsResult } from './points-types.js';

/** What scoring reads besides the input: the credentials people hold that day, computed once per evaluation. */
export interface ScoringData {
  readonly held: readonly ReadonlySet<string>[];
}

/** Scores every metric of the requirement on the input's day, and decides it against the pass mark. */
export function scorePoints(requirement: PointsRequirement, input: PointsInput, data: ScoringData): PointsResult {
  const consumption = creditedConsumption(input, requirement.associations);
  const metrics = requirement.metrics.map((m) => scoreMetric(m, input, consumption, data, requirement.associations));
  const score = metrics.reduce((sum, m) => sum + m.points, 0);
  const max = requirement.metrics.reduce((sum, m) => sum + m.max, 0);
  const undetermined = metrics.some((m) => m.status === 'undetermined');
  const met = score >= requirement.passMark && (!requirement.everyMetricPositive || metrics.every((m) => m.points > 0));
  return {
    kind: 'points',
    id: requirement.id,
    status: met ? 'met' : undetermined ? 'undetermined' : 'not-met',
    met,
    score,
    passMark: requirement.passMark,
    max,
    everyMetricPositive: requirement.everyMetricPositive,
    currency: input.catalog.currency,
    metrics,
  };
}

/** The scoring data of a day. */
export function scoringData(input: PointsInput): ScoringData {
  return { held: heldCredentials(input) };
}

type Scorer<M extends Metric> = (
  m: M,
  input: PointsInput,
  consumption: Credited,
  data: ScoringData,
  associations: readonly AssociationType[],
) => PointsMetricResult;
type Scorers = { readonly [R in Metric['rule']]: Scorer<Extract<Metric, { rule: R }>> };

const scorers: Scorers = {
  'per-customer': (m, input, consumption) => {
    const months = windowMonths(input.asOf, m.months);
    const customers = [...consumption.byCustomer]
      .filter(([, byMonth]) => months.some((month) => byMonth.get(month)?.gte(m.floor)))
      .map(([id]) => id)
      .sort();
    const points = perUnitPoints(customers.length, m.points, m.max);
    return { id: m.id, rule: m.rule, points, max: m.max, status: 'scored', customers, floor: m.floor.toString() };
  },
  proportional: (m, input, consumption, _data, associations) =>
    threshold(m, input, consumption, associations, proportionalPoints),
  'all-or-nothing': (m, input, consumption, _data, associations) =>
    threshold(m, input, consumption, associations, allOrNothingPoints),
  growth: (m, input, consumption) => {
    const current = sumMonths(consumption, windowMonths(input.asOf, m.months));
    const previous = sumMonths(consumption, windowMonths(input.asOf, m.months, m.months));
    return {
      id: m.id,
      rule: m.rule,
      points: growthPoints(current, previous, m.pointsPerPercent, m.max),
      max: m.max,
      status: 'scored',
      current: current.toString(),
      previous: previous.toString(),
      percent: growthPercent(current, previous),
    };
  },
  services: (m, input, consumption) => {
    const names = new Map<string, string>();
    for (const month of windowMonths(input.asOf, m.months)) {
      for (const [key, { name, amount }] of consumption.services.get(month) ?? []) {
        if (!m.exclude.includes(key) && amount.mantissa > 0n && !names.has(key)) names.set(key, name);
      }
    }
    const services = [...names.values()].sort();
    return {
      id: m.id,
      rule: m.rule,
      points: perUnitPoints(services.length, m.points, m.max),
      max: m.max,
      status: 'scored',
      services,
    };
  },
  skilling: (m, input, _consumption, data) => {
    const holders = m.steps.map((step) =>
      input.organization.people.flatMap((person, p) =>
        satisfies(step.credentials, data.held[p] ?? new Set()) ? [person.id] : [],
      ),
    );
    const scored = skillingPoints(
      m.steps,
      holders.map((h) => h.length),
      m.max,
    );
    return {
      id: m.id,
      rule: m.rule,
      points: scored.total,
      max: m.max,
      status: 'scored',
      steps: m.steps.map((step, i) => ({
        id: step.id,
        people: holders[i] ?? [],
        required: step.people,
        unlocked: scored.steps[i]?.unlocked ?? false,
        points: scored.steps[i]?.points ?? 0,
      })),
    };
  },
};

function scoreMetric(
  metric: Metric,
  input: PointsInput,
  consumption: Credited,
  data: ScoringData,
  associations: readonly AssociationType[],
): PointsMetricResult {
  return (scorers[metric.rule] as Scorer<Metric>)(metric, input, consumption, data, associations);
}

function threshold(
  m: Extract<Metric, { rule: 'proportional' | 'all-or-nothing' }>,
  input: PointsInput,
  consumption: Credited,
  associations: readonly AssociationType[],
  rule: (amount: Decimal, threshold: Decimal, max: number) => number,
): PointsMetricResult {
  const measured = m.measure === 'consumption' ? consumption : { byMonth: creditedRevenue(input, associations, m.products) };
  const amount = sumMonths(measured, windowMonths(input.asOf, m.months));
  const required = m.thresholds.get(input.organization.market) ?? null;
  return {
    id: m.id,
    rule: m.rule,
    points: required === null ? 0 : rule(amount, required, m.max),
    max: m.max,
    status: required === null ? 'undetermined' : 'scored',
    amount: amount.toString(),
    required: required?.toString() ?? null,
  };
}
