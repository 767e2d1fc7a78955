import type { Level, PointsRequirement } from '../../catalog/catalog-types.js';
import { everyOfKind } from '../../catalog/every-requirement.js';
import type { Day } from '../../core/day.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { RequirementStatus } from '../../engine/evaluation-types.js';
import type { HorizonDay, Schedule } from '../../engine/horizon-events.js';
import type { KindTracker } from '../tracked-kind.js';
import { monthOf, monthStart } from './points-data.js';
import { type ScoringData, scorePoints, scoringData } from './points-evaluate.js';
import { measuresRevenue, windowLengths } from './points-events.js';

/**
 * Scores change only on a few days: the first of a month (a month of consumption enters or leaves a window) and the
 * days a credential starts or stops counting. On those days the tracker moves its day and scores again; a score is
 * cheap next to the revenue and people a level has around it.
 */
export class PointsTracker implements KindTracker {
  private day: Day;
  private stamp = 0;
  private readonly days: ReadonlySet<Day>;
  private data: { readonly stamp: number; readonly data: ScoringData } | undefined;
  private readonly statuses = new Map<PointsRequirement, { readonly stamp: number; readonly status: RequirementStatus }>();

  constructor(
    private readonly context: EvaluationContext,
    schedule: Schedule,
  ) {
    this.day = context.asOf;
    this.days = pointsEvents(context, schedule);
  }

  apply(day: HorizonDay): void {
    if (!this.days.has(day.day)) return;
    this.day = day.day;
    this.stamp += 1;
  }

  stamper(level: Level): (() => number) | null {
    return everyOfKind(level.requirements, 'points').length > 0 ? () => this.stamp : null;
  }

  status(requirement: PointsRequirement): RequirementStatus {
    const known = this.statuses.get(requirement);
    if (known?.stamp === this.stamp) return known.status;
    const input = { catalog: this.context.catalog, organization: this.context.organization, asOf: this.day };
    if (this.data?.stamp !== this.stamp) this.data = { stamp: this.stamp, data: scoringData(input) };
    const status = scorePoints(requirement, input, this.data.data).status;
    this.statuses.set(requirement, { stamp: this.stamp, status });
    return status;
  }
}

/** The days within the horizon on which a score can change; none when the catalog has no points requirement. */
function pointsEvents(context: EvaluationContext, schedule: Schedule): Set<Day> {
  const days = new Set<Day>();
  const windows = windowLengths(context.catalog);
  if (windows.length === 0) return days;
  const on = (day: Day) => {
    if (schedule.at(day)) days.add(day);
  };
  const months = new Set(context.organization.consumption.map((r) => monthOf(r.date)));
  if (measuresRevenue(context.catalog)) for (const r of context.organization.revenue) months.add(monthOf(r.date));
  for (const month of months) {
    // A month enters every window the day after it ends, and leaves each after its length.
    on(monthStart(month + 1));
    for (const length of windows) on(monthStart(month + 1 + length));
  }
  for (const person of context.organization.people) {
    for (const pass of person.exams) {
      const exam = context.catalog.findExam(pass.exam);
      if (!exam) continue;
      on(pass.passed);
      if (pass.expires !== undefined) on(pass.expires + 1);
      if (exam.acceptedUntil !== null) on(exam.acceptedUntil + 1);
    }
  }
  return days;
}
