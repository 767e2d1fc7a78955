import type { Catalog, ProgramPolicy, RequirementKindName } from '../catalog/catalog-types.js';
import { type Day, firstDayOutside, formatDay, oneYearBefore } from '../core/day.js';
import { passExpiry } from '../engine/credential-expiry.js';
import type { Organization } from '../engine/organization.js';
import { METRIC_FORECAST_CODES } from '../kinds/metric/metric-messages.js';
import type { PlanKind } from '../kinds/plan-kind.js';
import { planKinds } from '../kinds/plan-kinds.js';
import { POINTS_FORECAST_CODES } from '../kinds/points/points-events.js';

/** Every reason a forecast gives for a change; the kinds' own are listed in their folders. */
export const FORECAST_EVENT_CODES = [
  'revenue.enters',
  'revenue.leaves',
  'exam.counts',
  'exam.expires',
  'credential.expires',
  'dpor.starts',
  'dpor.ends',
  'association.starts',
  'association.ends',
  'version.starts',
  ...METRIC_FORECAST_CODES,
  ...POINTS_FORECAST_CODES,
] as const;

/** Something in the data that can change a result on a given day, assuming no new data arrives. */
export interface ForecastEvent {
  readonly day: Day;
  readonly code: (typeof FORECAST_EVENT_CODES)[number];
  readonly params: Readonly<Record<string, string>>;
  /** What the event touches, so a change can name only the causes that concern its level. */
  readonly product?: string;
  readonly exam?: string;
  readonly competency?: string;
  /** The kind of requirement whose data it is: it concerns levels with a requirement of that kind (and its product, when it names one). */
  readonly kind?: RequirementKindName;
}

/**
 * Every day in (from, to] on which an evaluation can differ from the day before, with why. Results depend on the
 * date only through these: a record entering or leaving the trailing twelve months, a pass starting to count, an
 * exam's accepted-until date passing or a credential's own validity ending, an association period starting or ending
 * (when the policy looks at the as-of date), a catalog version taking effect, and what the kinds note of their own
 * data (`PlanKind.forecastEvents`).
 *
 * @param onlyDays when given, only events on these days are described (describing each costs formatted dates)
 */
export function forecastEvents(
  catalog: Catalog,
  organization: Organization,
  policy: ProgramPolicy,
  from: Day,
  to: Day,
  onlyDays?: ReadonlySet<Day>,
): ForecastEvent[] {
  const events: ForecastEvent[] = [];
  const wanted = (day: Day) => day > from && day <= to && (onlyDays === undefined || onlyDays.has(day));
  const add = (event: ForecastEvent) => {
    if (wanted(event.day)) events.push(event);
  };
  // Dates first, lookups after: most records enter and leave outside (from, to]. A record leaves in (from, to]
  // exactly when it is dated in (a year before from, a year before to].
  const firstLeaving = oneYearBefore(from);
  const lastLeaving = oneYearBefore(to);
  for (const record of organization.revenue) {
    const date = record.date;
    if ((date <= from || date > to) && (date <= firstLeaving || date > lastLeaving)) continue;
    if (!(wanted(date) || wanted(firstDayOutside(date)))) continue;
    const product = catalog.findProduct(record.product)?.id;
    if (!product) continue;
    const params = {
      date: formatDay(record.date),
      customer: record.customer,
      product,
      amount: record.amount.toString(),
      currency: record.currency,
    };
    add({ day: record.date, code: 'revenue.enters', params, product });
    add({ day: firstDayOutside(record.date), code: 'revenue.leaves', params, product });
  }
  const expiring = [...catalog.exams.values()].some(
    (e) => (e.acceptedUntil !== null && wanted(e.acceptedUntil + 1)) || e.validForMonths !== null,
  );
  for (const person of organization.people) {
    for (const pass of person.exams) {
      if (!expiring && !wanted(pass.passed) && pass.expires === undefined) continue;
      const exam = catalog.findExam(pass.exam);
      if (!exam) continue;
      const params = {
        person: person.id,
        exam: exam.code,
        passed: formatDay(pass.passed),
        ...(exam.type !== 'exam' && { type: exam.type }),
      };
      // A credential's own term ends the day after its last valid day, whatever the registry says of the code.
      const expires = passExpiry(exam, pass);
      if (expires !== null && expires >= pass.passed) {
        add({
          day: expires + 1,
          code: 'credential.expires',
          params: { ...params, type: exam.type, expires: formatDay(expires) },
          exam: exam.code,
        });
      }
      if (!(wanted(pass.passed) || (exam.acceptedUntil !== null && wanted(exam.acceptedUntil + 1)))) continue;
      const everCounts =
        (exam.launched === null || pass.passed >= exam.launched) && (exam.retired === null || pass.passed <= exam.retired);
      if (everCounts) add({ day: pass.passed, code: 'exam.counts', params, exam: exam.code });
      if (exam.acceptedUntil !== null) {
        add({
          day: exam.acceptedUntil + 1,
          code: 'exam.expires',
          params: { ...params, acceptedUntil: formatDay(exam.acceptedUntil) },
          exam: exam.code,
        });
      }
    }
  }
  if (policy.revenueAssociation === 'associated-at-as-of') {
    for (const customer of organization.customers) {
      for (const period of customer.dpor) {
        add({ day: period.from, code: 'dpor.starts', params: { customer: customer.id, date: formatDay(period.from) } });
        if (period.to !== null)
          add({ day: period.to + 1, code: 'dpor.ends', params: { customer: customer.id, date: formatDay(period.to) } });
      }
      for (const a of customer.associations ?? []) {
        const params = (date: Day) => ({ customer: customer.id, type: a.type, date: formatDay(date) });
        add({ day: a.from, code: 'association.starts', params: params(a.from) });
        if (a.to !== null) add({ day: a.to + 1, code: 'association.ends', params: params(a.to) });
      }
    }
  }
  // The kinds that note events of their own data (metrics: subscriptions, consumption, devices, associations).
  for (const kind of Object.values(planKinds) as PlanKind<RequirementKindName>[]) {
    kind.forecastEvents?.(catalog, organization, policy, add);
  }
  for (const competency of catalog.competencies) {
    for (const version of competency.versions) {
      if (version.effective !== null) {
        add({
          day: version.effective,
          code: 'version.starts',
          params: { competency: competency.id, version: version.id },
          competency: competency.id,
        });
      }
    }
  }
  return events.sort((a, b) => a.day - b.day);
}
