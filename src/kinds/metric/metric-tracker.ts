import type { Catalog, Level, MetricRequirement } from '../../catalog/catalog-types.js';
import { everyOfKind } from '../../catalog/every-requirement.js';
import type { Day } from '../../core/day.js';
import type { Decimal } from '../../core/decimal.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { RequirementStatus } from '../../engine/evaluation-types.js';
import type { HorizonDay, Schedule } from '../../engine/horizon-events.js';
import type { KindTracker } from '../tracked-kind.js';
import { countMetric } from './metric-count.js';
import { metricEvents } from './metric-events.js';
import { metricStatus } from './metric-kind.js';

const levelMetrics = new WeakMap<Level, readonly MetricRequirement[]>();
/** Whether any version of a catalog has a metric: a catalog without (the 2017 seeds) costs the metric kind nothing. */
const catalogHasMetrics = new WeakMap<Catalog, boolean>();

/**
 * Each metric requirement's count, counted again on the days its data can change it (a subscription or an association
 * starting or ending, a record entering or leaving the trailing twelve months) and only when a level asks. Counting
 * again reads the measure's data once; metrics are few and their data far smaller than revenue's, so no running
 * totals are kept. A catalog without metrics (the 2017 seeds) notes no day and costs nothing.
 */
export class MetricTracker implements KindTracker {
  private readonly days: ReadonlySet<Day>;
  private day: Day;
  private readonly counts = new Map<MetricRequirement, Decimal>();
  private readonly statuses = new Map<MetricRequirement, { day: Day; status: RequirementStatus; flips: number }>();

  constructor(
    private readonly context: EvaluationContext,
    schedule: Schedule,
  ) {
    this.day = context.asOf;
    this.days = hasMetrics(context.catalog) ? metricEvents(context, schedule) : new Set();
  }

  apply(day: HorizonDay): void {
    if (!this.days.has(day.day)) return;
    this.day = day.day;
    this.counts.clear();
  }

  stamper(level: Level): (() => number) | null {
    let requirements = levelMetrics.get(level);
    if (requirements === undefined) {
      requirements = everyOfKind(level.requirements, 'metric');
      levelMetrics.set(level, requirements);
    }
    if (requirements.length === 0) return null;
    return () => {
      let stamp = 0;
      for (const requirement of requirements) stamp += this.flips(requirement);
      return stamp;
    };
  }

  /** What the requirement counts on the tracker's day. */
  counted(requirement: MetricRequirement): Decimal {
    let count = this.counts.get(requirement);
    if (count === undefined) {
      count = countMetric(requirement, this.context, this.day);
      this.counts.set(requirement, count);
    }
    return count;
  }

  private flips(requirement: MetricRequirement): number {
    const known = this.statuses.get(requirement);
    if (known !== undefined && known.day === this.day) return known.flips;
    const status = metricStatus(requirement, this.context.organization.market, this.counted(requirement));
    if (known === undefined) {
      this.statuses.set(requirement, { day: this.day, status, flips: 0 });
      return 0;
    }
    known.day = this.day;
    if (status !== known.status) {
      known.status = status;
      known.flips += 1;
    }
    return known.flips;
  }
}

export function hasMetrics(catalog: Catalog): boolean {
  let found = catalogHasMetrics.get(catalog);
  if (found === undefined) {
    found = catalog.competencies.some((c) =>
      c.versions.some((v) => v.options.some((o) => o.levels.some((l) => everyOfKind(l.requirements, 'metric').length > 0))),
    );
    catalogHasMetrics.set(catalog, found);
  }
  return found;
}
