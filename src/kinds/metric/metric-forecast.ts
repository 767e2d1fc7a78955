import type { Catalog, ProgramPolicy } from '../../catalog/catalog-types.js';
import { type Day, firstDayOutside, formatDay } from '../../core/day.js';
import type { Organization } from '../../engine/organization.js';
import type { ForecastEvent } from '../../planner/forecast-events.js';
import { hasMetrics } from './metric-tracker.js';

/**
 * The causes a forecast names for a metric's change: subscriptions starting and ending, consumption and shipments
 * entering and leaving the trailing twelve months, associations starting and ending (when the revenue policy does
 * not already list them) and a first association leaving the window (new customers). The same days the tracker
 * notes (`metric-events.ts`); each event concerns the levels with a metric, and its product when it has one.
 */
export function metricForecastEvents(
  catalog: Catalog,
  organization: Organization,
  policy: ProgramPolicy,
  add: (event: ForecastEvent) => void,
): void {
  if (!hasMetrics(catalog)) return;
  const product = (written: string) => catalog.findProduct(written)?.id ?? written;
  for (const s of organization.subscriptions) {
    if (s.trial) continue;
    const params = (date: Day) => ({
      customer: s.customer,
      product: product(s.product),
      seats: String(s.seats),
      date: formatDay(date),
    });
    add({ day: s.from, code: 'subscription.starts', params: params(s.from), product: product(s.product), kind: 'metric' });
    if (s.to !== null) {
      add({ day: s.to + 1, code: 'subscription.ends', params: params(s.to), product: product(s.product), kind: 'metric' });
    }
  }
  for (const customer of organization.customers) {
    const periods = [...customer.dpor.map((p) => ({ ...p, type: 'dpor' as const })), ...(customer.associations ?? [])];
    for (const p of periods) {
      add({
        day: firstDayOutside(p.from),
        code: 'customer.no-longer-new',
        params: { customer: customer.id, date: formatDay(p.from) },
        kind: 'metric',
      });
      // Under `associated-at-as-of` the forecast lists every association's start and end already.
      if (policy.revenueAssociation === 'associated-at-as-of') continue;
      const dpor = p.type === 'dpor';
      const params = (date: Day) => ({ customer: customer.id, date: formatDay(date), ...(dpor ? {} : { type: p.type }) });
      add({ day: p.from, code: dpor ? 'dpor.starts' : 'association.starts', params: params(p.from), kind: 'metric' });
      if (p.to !== null) {
        add({ day: p.to + 1, code: dpor ? 'dpor.ends' : 'association.ends', params: params(p.to), kind: 'metric' });
      }
    }
  }
  for (const record of organization.consumption) {
    const params = {
      customer: record.customer,
      date: formatDay(record.date),
      amount: record.amount.toString(),
      currency: record.currency,
    };
    add({ day: record.date, code: 'consumption.enters', params, kind: 'metric' });
    add({ day: firstDayOutside(record.date), code: 'consumption.leaves', params, kind: 'metric' });
  }
  for (const shipment of organization.devices) {
    const id = product(shipment.product);
    const params = { product: id, units: String(shipment.units), date: formatDay(shipment.date) };
    add({ day: shipment.date, code: 'devices.enter', params, product: id, kind: 'metric' });
    add({ day: firstDayOutside(shipment.date), code: 'devices.leave', params, product: id, kind: 'metric' });
  }
}
