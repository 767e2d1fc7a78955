import type { Catalog } from '../../catalog/catalog-types.js';
import { everyOfKind } from '../../catalog/every-requirement.js';
import { type Day, formatDay } from '../../core/day.js';
import type { Organization } from '../../engine/organization.js';
import { monthOf, monthStart } from './points-data.js';

/** The causes a forecast names for a score's own data. */
export const POINTS_FORECAST_CODES = [
  'points.consumption.enters',
  'points.consumption.leaves',
  'points.revenue.enters',
  'points.revenue.leaves',
] as const;

/** A day on which a score can change, and why: what the forecast names as a cause. */
export interface PointsEvent {
  readonly day: Day;
  readonly code: (typeof POINTS_FORECAST_CODES)[number] | 'credential.expires';
  readonly params: Readonly<Record<string, string>>;
  readonly exam?: string;
}

/**
 * The days on which the catalog's scores can change, assuming no new data: a month of consumption entering the
 * windows the day after it ends and leaving each window after its length, and a credential passing its own expiry.
 * (Passes starting to count and retired exams' grace ending are the forecast's exam events.) None for a catalog
 * without points requirements.
 */
export function pointsEvents(catalog: Catalog, organization: Organization, wanted: (day: Day) => boolean): PointsEvent[] {
  const lengths = windowLengths(catalog);
  if (lengths.length === 0) return [];
  const events: PointsEvent[] = [];
  const monthEvents = (months: ReadonlySet<number>, enters: PointsEvent['code'], leaves: PointsEvent['code']) => {
    for (const month of months) {
      const params = { month: formatDay(monthStart(month)).slice(0, 7) };
      if (wanted(monthStart(month + 1))) events.push({ day: monthStart(month + 1), code: enters, params });
      for (const length of lengths.filter((n) => n > 0)) {
        const day = monthStart(month + 1 + length);
        if (wanted(day)) events.push({ day, code: leaves, params: { ...params, months: String(length) } });
      }
    }
  };
  monthEvents(
    new Set(organization.consumption.map((r) => monthOf(r.date))),
    'points.consumption.enters',
    'points.consumption.leaves',
  );
  if (measuresRevenue(catalog)) {
    monthEvents(new Set(organization.revenue.map((r) => monthOf(r.date))), 'points.revenue.enters', 'points.revenue.leaves');
  }
  for (const person of organization.people) {
    for (const pass of person.exams) {
      const exam = catalog.findExam(pass.exam);
      if (!exam || pass.expires === undefined || !wanted(pass.expires + 1)) continue;
      const params = { person: person.id, exam: exam.code, expires: formatDay(pass.expires) };
      events.push({ day: pass.expires + 1, code: 'credential.expires', params, exam: exam.code });
    }
  }
  return events;
}

const revenueMeasured = new WeakMap<Catalog, boolean>();

/** Whether a metric of the catalog measures net new revenue, whose months then move scores too; found once. */
export function measuresRevenue(catalog: Catalog): boolean {
  let found = revenueMeasured.get(catalog);
  if (found === undefined) {
    found = pointsRequirements(catalog).some((r) =>
      r.metrics.some((m) => (m.rule === 'proportional' || m.rule === 'all-or-nothing') && m.measure === 'net-new-revenue'),
    );
    revenueMeasured.set(catalog, found);
  }
  return found;
}

function pointsRequirements(catalog: Catalog) {
  return catalog.competencies.flatMap((c) =>
    c.versions.flatMap((v) => v.options.flatMap((o) => o.levels.flatMap((l) => everyOfKind(l.requirements, 'points')))),
  );
}

const lengths = new WeakMap<Catalog, readonly number[]>();

/**
 * The window lengths of the catalog's metrics in months, a growth window twice (it compares two), found once per
 * catalog; [0] for a catalog whose scores read only credentials, none for one without scores.
 */
export function windowLengths(catalog: Catalog): readonly number[] {
  let found = lengths.get(catalog);
  if (found === undefined) {
    const set = new Set<number>();
    for (const r of pointsRequirements(catalog)) {
      for (const m of r.metrics) {
        if (m.rule === 'skilling') set.add(0);
        else set.add(m.months).add(m.rule === 'growth' ? 2 * m.months : m.months);
      }
    }
    found = [...set].sort((a, b) => a - b);
    lengths.set(catalog, found);
  }
  return found;
}
