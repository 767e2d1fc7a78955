import { type Day, firstDayOutside } from '../../core/day.js';
import { customerCredits } from '../../engine/customer-credits.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { Schedule } from '../../engine/horizon-events.js';

/**
 * The days on which a metric can change, noted on the schedule: a subscription or an association period starting or
 * ending, a customer's association leaving the trailing twelve months (new customers), and consumption or a shipment
 * entering or leaving them. The days within the horizon are returned.
 */
export function metricEvents(context: EvaluationContext, schedule: Schedule): Set<Day> {
  const days = new Set<Day>();
  const on = (day: Day) => {
    if (schedule.at(day)) days.add(day);
  };
  const { organization } = context;
  for (const s of organization.subscriptions) {
    if (s.trial) continue;
    on(s.from);
    if (s.to !== null) on(s.to + 1);
  }
  for (const { periods } of customerCredits(organization).values()) {
    for (const p of periods) {
      on(p.from);
      on(firstDayOutside(p.from));
      if (p.to !== null) on(p.to + 1);
    }
  }
  for (const record of organization.consumption) {
    on(record.date);
    on(firstDayOutside(record.date));
  }
  for (const shipment of organization.devices) {
    on(shipment.date);
    on(firstDayOutside(shipment.date));
  }
  return days;
}
