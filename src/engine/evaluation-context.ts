import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { type Day, formatDay, oneYearBefore } from '../core/day.js';
import { Decimal } from '../core/decimal.js';
import { finding } from '../core/message-params.js';
import { passExpiry } from './credential-expiry.js';
import { type AssociationMask, associationBit, creditLookup } from './customer-credits.js';
import type { Finding } from './evaluation-types.js';
import type { ExamPass, Organization } from './organization.js';

/** Revenue of the trailing twelve months with a known product, summed by everything a requirement filters on. */
export interface RevenueAggregate {
  readonly product: string;
  readonly netNew: boolean;
  /** The association types the revenue is credited under: its attribution and its customer's periods. */
  readonly credited: AssociationMask;
  readonly currency: string;
  amount: Decimal;
  records: number;
}

/**
 * Everything about one organization at one date that does not depend on a particular requirement, computed once
 * and shared by every level: which exams count for whom, revenue pre-aggregated, and the warnings about data
 * that was ignored.
 */
export interface EvaluationContext {
  readonly catalog: Catalog;
  readonly organization: Organization;
  readonly asOf: Day;
  readonly policy: ProgramPolicy;
  /** Per person (by index), the canonical codes of the exams that count at the as-of date. */
  readonly qualified: readonly ReadonlySet<string>[];
  readonly revenue: readonly RevenueAggregate[];
  readonly warnings: readonly Finding[];
  /** Memo for requirement kinds (keyed by their own strings), valid for this context only. */
  readonly memo: Map<string, unknown>;
}

export function createEvaluationContext(
  catalog: Catalog,
  organization: Organization,
  asOf: Day,
  policy: ProgramPolicy = catalog.policy,
): EvaluationContext {
  const warnings: Finding[] = [];
  const qualified = organization.people.map((person, p) => {
    const held = new Set<string>();
    person.exams.forEach((pass, e) => {
      const ignored = whyIgnored(catalog, pass, person.id, asOf);
      if (typeof ignored === 'string') held.add(ignored);
      else warnings.push({ code: ignored.code, path: `$.people[${p}].exams[${e}]`, params: ignored.params });
    });
    return held;
  });
  return {
    catalog,
    organization,
    asOf,
    policy,
    qualified,
    revenue: aggregateRevenue(catalog, organization, asOf, policy, warnings),
    warnings,
    memo: new Map(),
  };
}

/** The canonical code of a pass that counts at the as-of date, or the warning that says why it does not. */
export function whyIgnored(catalog: Catalog, pass: ExamPass, person: string, asOf: Day): string | Omit<Finding, 'path'> {
  const exam = catalog.findExam(pass.exam);
  if (!exam) return finding('exam.unknown', '', { exam: pass.exam, person });
  // Most passes count: the warning's parameters (and their formatted dates) are built only when one does not.
  const params = () => ({
    exam: exam.code,
    person,
    passed: formatDay(pass.passed),
    ...(exam.type !== 'exam' && { type: exam.type }),
  });
  if (pass.passed > asOf) return finding('exam.future', '', params());
  if (exam.launched !== null && pass.passed < exam.launched) {
    return finding('exam.before-launch', '', { ...params(), launched: formatDay(exam.launched) });
  }
  if (exam.retired !== null && pass.passed > exam.retired) {
    return finding('exam.after-retirement', '', { ...params(), retired: formatDay(exam.retired) });
  }
  if (exam.acceptedUntil !== null && asOf > exam.acceptedUntil) {
    return finding('exam.expired', '', { ...params(), acceptedUntil: formatDay(exam.acceptedUntil) });
  }
  const expires = passExpiry(exam, pass);
  if (expires !== null && asOf > expires) {
    return finding('credential.expired', '', { ...params(), type: exam.type, expires: formatDay(expires) });
  }
  return exam.code;
}

function aggregateRevenue(
  catalog: Catalog,
  organization: Organization,
  asOf: Day,
  policy: ProgramPolicy,
  warnings: Finding[],
): RevenueAggregate[] {
  const windowStart = oneYearBefore(asOf);
  const on = creditLookup(organization);
  const creditedAtAsOf = new Map<string, AssociationMask>();
  const productIds = new Map<string, string | null>();
  // Groups in order of first appearance, found by product and then among its few by the other three fields: a
  // string key built and hashed per record cost more than the sums.
  const groups: RevenueAggregate[] = [];
  const byProduct = new Map<string, RevenueAggregate[]>();
  organization.revenue.forEach((record, i) => {
    let product = productIds.get(record.product);
    if (product === undefined) {
      product = catalog.findProduct(record.product)?.id ?? null;
      productIds.set(record.product, product);
    }
    if (product === null) {
      warnings.push(finding('revenue.unknown-product', `$.revenue[${i}].product`, { product: record.product }));
      return;
    }
    if (record.date > asOf) {
      warnings.push(finding('revenue.future', `$.revenue[${i}].date`, { date: formatDay(record.date) }));
      return;
    }
    if (record.date <= windowStart) return;
    let credited: AssociationMask;
    // A record Partner Center attributes counts under that association alone: its export lists a billing once per
    // type it is credited under, and the customer's periods would count the same billing again.
    if (record.attribution !== undefined) credited = associationBit(record.attribution);
    else if (policy.revenueAssociation === 'within-period') credited = on(record.customer, record.date);
    else {
      credited = creditedAtAsOf.get(record.customer) ?? on(record.customer, asOf);
      creditedAtAsOf.set(record.customer, credited);
    }
    let siblings = byProduct.get(product);
    if (siblings === undefined) {
      siblings = [];
      byProduct.set(product, siblings);
    }
    const group = siblings.find((g) => g.netNew === record.netNew && g.credited === credited && g.currency === record.currency);
    if (group) {
      group.amount = group.amount.add(record.amount);
      group.records += 1;
    } else {
      const created = {
        product,
        netNew: record.netNew,
        credited,
        currency: record.currency,
        amount: record.amount,
        records: 1,
      };
      siblings.push(created);
      groups.push(created);
    }
  });
  return groups;
}

/** The value of an amount in the catalog's currency, by the organization's rates. */
export function convert(
  context: Pick<EvaluationContext, 'catalog' | 'organization'>,
  amount: Decimal,
  currency: string,
): Decimal {
  if (currency === context.catalog.currency) return amount;
  const rate = context.organization.fx.get(currency);
  return rate ? amount.mul(rate) : Decimal.ZERO;
}
