import { formatDay } from '../core/day.js';
import type { Organization } from './organization.js';

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
    readonly exams: readonly { readonly exam: string; readonly passed: string }[];
  }[];
  readonly customers: readonly {
    readonly id: string;
    readonly name?: string;
    readonly dpor: readonly { readonly from: string; readonly to?: string }[];
  }[];
  readonly revenue: readonly {
    readonly customer: string;
    readonly product: string;
    readonly date: string;
    readonly amount: string;
    readonly currency: string;
    readonly netNew: boolean;
  }[];
}

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
      exams: p.exams.map((e) => ({ exam: e.exam, passed: formatDay(e.passed) })),
    })),
    customers: o.customers.map((c) => ({
      id: c.id,
      ...(c.name !== null && { name: c.name }),
      dpor: c.dpor.map((d) => ({ from: formatDay(d.from), ...(d.to !== null && { to: formatDay(d.to) }) })),
    })),
    revenue: o.revenue.map((r) => ({
      customer: r.customer,
      product: r.product,
      date: formatDay(r.date),
      amount: r.amount.toString(),
      currency: r.currency,
      netNew: r.netNew,
    })),
  };
}
