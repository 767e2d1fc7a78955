import { formatDay } from '../core/day.js';
import type { AssociationType, Organization, Period } from './organization.js';

/** The organization file's JSON shape, as `parseOrganization` reads it and the API returns it. */
export interface OrganizationDocument {
  readonly id: string;
  readonly name?: string;
  readonly market: string;
  readonly country?: string;
  readonly fx?: Readonly<Record<string, string>>;
  readonly people: readonly {
    readonly id: string;
    readonly name?: string;
    readonly mcid?: string;
    readonly email?: string;
    readonly exams: readonly { readonly exam: string; readonly passed: string; readonly expires?: string }[];
  }[];
  readonly customers: readonly {
    readonly id: string;
    readonly name?: string;
    readonly country?: string;
    readonly dpor: readonly PeriodDocument[];
    readonly associations?: readonly (PeriodDocument & { readonly type: AssociationType })[];
  }[];
  readonly revenue: readonly {
    readonly customer: string;
    readonly product: string;
    readonly date: string;
    readonly amount: string;
    readonly currency: string;
    readonly netNew: boolean;
    readonly attribution?: AssociationType;
  }[];
  readonly subscriptions?: readonly {
    readonly id?: string;
    readonly customer: string;
    readonly product: string;
    readonly seats: number;
    readonly from: string;
    readonly to?: string;
    readonly trial?: boolean;
  }[];
  readonly consumption?: readonly {
    readonly customer: string;
    readonly date: string;
    readonly amount: string;
    readonly currency: string;
    readonly service?: string;
  }[];
  readonly devices?: readonly { readonly product: string; readonly date: string; readonly units: number }[];
}

interface PeriodDocument {
  readonly from: string;
  readonly to?: string;
}

const periodDocument = (p: Period): PeriodDocument => ({
  from: formatDay(p.from),
  ...(p.to !== null && { to: formatDay(p.to) }),
});

/**
 * The inverse of `parseOrganization`: `parseOrganization(organizationDocument(o))` equals `o`. Amounts are written
 * as decimal strings so that no amount passes through a float.
 */
export function organizationDocument(organization: Organization): OrganizationDocument {
  const o = organization;
  return {
    id: o.id,
    ...(o.name !== null && { name: o.name }),
    market: o.market,
    ...(o.country !== null && { country: o.country }),
    ...(o.fx.size > 0 && { fx: Object.fromEntries([...o.fx].map(([c, rate]) => [c, rate.toString()])) }),
    people: o.people.map((p) => ({
      id: p.id,
      ...(p.name !== null && { name: p.name }),
      ...(p.mcid !== undefined && { mcid: p.mcid }),
      ...(p.email !== undefined && { email: p.email }),
      exams: p.exams.map((e) => ({
        exam: e.exam,
        passed: formatDay(e.passed),
        ...(e.expires !== undefined && { expires: formatDay(e.expires) }),
      })),
    })),
    customers: o.customers.map((c) => ({
      id: c.id,
      ...(c.name !== null && { name: c.name }),
      ...(c.country !== undefined && { country: c.country }),
      dpor: c.dpor.map(periodDocument),
      ...(c.associations !== undefined && {
        associations: c.associations.map((a) => ({ type: a.type, ...periodDocument(a) })),
      }),
    })),
    revenue: o.revenue.map((r) => ({
      customer: r.customer,
      product: r.product,
      date: formatDay(r.date),
      amount: r.amount.toString(),
      currency: r.currency,
      netNew: r.netNew,
      ...(r.attribution !== undefined && { attribution: r.attribution }),
    })),
    ...(o.subscriptions.length > 0 && {
      subscriptions: o.subscriptions.map((s) => ({
        ...(s.id !== null && { id: s.id }),
        customer: s.customer,
        product: s.product,
        seats: s.seats,
        from: formatDay(s.from),
        ...(s.to !== null && { to: formatDay(s.to) }),
        ...(s.trial && { trial: true }),
      })),
    }),
    ...(o.consumption.length > 0 && {
      consumption: o.consumption.map((c) => ({
        customer: c.customer,
        date: formatDay(c.date),
        amount: c.amount.toString(),
        currency: c.currency,
        ...(c.service !== undefined && { service: c.service }),
      })),
    }),
    ...(o.devices.length > 0 && {
      devices: o.devices.map((d) => ({ product: d.product, date: formatDay(d.date), units: d.units })),
    }),
  };
}
