import type { ExamFormula, RequirementBase } from '../../catalog/catalog-types.js';
import type { Decimal } from '../../core/decimal.js';
import type { Localized } from '../../core/localized.js';
import type { ResultBase } from '../../engine/evaluation-types.js';
import type { AssociationType } from '../../engine/organization.js';

/**
 * A level reached by a score: metrics worth points up to a cap each, a pass mark, and optionally every metric above
 * zero (the Solutions Partner designations of 2022, the contribution indicators of 2020).
 */
export interface PointsRequirement extends RequirementBase {
  readonly kind: 'points';
  readonly passMark: number;
  readonly everyMetricPositive: boolean;
  /** The associations that credit a customer's consumption to the partner. */
  readonly associations: readonly AssociationType[];
  readonly metrics: readonly Metric[];
}

/** The scoring rules a metric may follow. */
export type Metric = PerCustomerMetric | ProportionalMetric | AllOrNothingMetric | GrowthMetric | ServicesMetric | SkillingMetric;
export type MetricRule = Metric['rule'];

interface MetricBase {
  readonly id: string;
  readonly name: Localized;
  /** The most points the metric gives. */
  readonly max: number;
}

/** Points per customer whose consumption reached a floor in one calendar month of the window. */
export interface PerCustomerMetric extends MetricBase {
  readonly rule: 'per-customer';
  readonly points: number;
  /** In the catalog's currency. */
  readonly floor: Decimal;
  readonly months: number;
}

/** What an amount metric measures: customers' consumption, or net new revenue on products. */
export type Measure = 'consumption' | 'net-new-revenue';

interface AmountMetric extends MetricBase {
  readonly thresholds: ReadonlyMap<string, Decimal>;
  readonly months: number;
  readonly measure: Measure;
  /** Under `net-new-revenue`, the products it counts (canonical ids); null for every product. */
  readonly products: readonly string[] | null;
}

/** Points in proportion to an amount against the full-points threshold of the market, rounded down. */
export interface ProportionalMetric extends AmountMetric {
  readonly rule: 'proportional';
}

/** Every point once an amount reaches the market's threshold, none before. */
export interface AllOrNothingMetric extends AmountMetric {
  readonly rule: 'all-or-nothing';
}

/** Points per whole percent that consumption of the window grew over the window before it. */
export interface GrowthMetric extends MetricBase {
  readonly rule: 'growth';
  readonly pointsPerPercent: number;
  readonly months: number;
}

/** Points per distinct service with consumption in the window, some services not counted. */
export interface ServicesMetric extends MetricBase {
  readonly rule: 'services';
  readonly points: number;
  readonly months: number;
  /** Lower-cased service names that do not count. */
  readonly exclude: readonly string[];
}

/**
 * People holding credentials, in steps: a step scores only when every step before it holds its number of people.
 * Someone counts once per step, and may count in several steps.
 */
export interface SkillingMetric extends MetricBase {
  readonly rule: 'skilling';
  readonly steps: readonly SkillingStep[];
}

export interface SkillingStep {
  readonly id: string;
  readonly name: Localized;
  /** How many people the step needs before the next steps count (0: none). */
  readonly people: number;
  readonly credentials: ExamFormula;
  /** Points when the step holds its people. */
  readonly points: number;
  /** Points per person who holds the credentials. */
  readonly perPerson: number;
}

/** What each metric scored and what it counted. */
export type PointsMetricResult =
  | (MetricResultBase<'per-customer'> & { readonly customers: readonly string[]; readonly floor: string })
  | (MetricResultBase<'proportional' | 'all-or-nothing'> & { readonly amount: string; readonly required: string | null })
  | (MetricResultBase<'growth'> & { readonly current: string; readonly previous: string; readonly percent: string | null })
  | (MetricResultBase<'services'> & { readonly services: readonly string[] })
  | (MetricResultBase<'skilling'> & { readonly steps: readonly StepResult[] });

interface MetricResultBase<R extends MetricRule> {
  readonly id: string;
  readonly rule: R;
  readonly points: number;
  readonly max: number;
  /** Undetermined when the catalog publishes no threshold for the organization's market. */
  readonly status: 'scored' | 'undetermined';
}

export interface StepResult {
  readonly id: string;
  /** Ids of the people holding the step's credentials. */
  readonly people: readonly string[];
  readonly required: number;
  /** Whether every step before it holds its people, so that this one scores. */
  readonly unlocked: boolean;
  readonly points: number;
}

export interface PointsResult extends ResultBase {
  readonly kind: 'points';
  readonly score: number;
  readonly passMark: number;
  /** The most points the metrics can give together. */
  readonly max: number;
  readonly everyMetricPositive: boolean;
  readonly currency: string;
  readonly metrics: readonly PointsMetricResult[];
}
