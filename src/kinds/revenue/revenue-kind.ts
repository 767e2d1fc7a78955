import type { RevenueRequirement } from '../../catalog/catalog-types.js';
import { Decimal } from '../../core/decimal.js';
import { finding } from '../../core/message-params.js';
import type { AssociationMask } from '../../engine/customer-credits.js';
import { convert, type EvaluationContext } from '../../engine/evaluation-context.js';
import type { Finding, MoneyByCurrency, RequirementStatus, RevenueResult } from '../../engine/evaluation-types.js';
import type { RequirementKind } from '../requirement-kind.js';

interface RevenueSums {
  readonly byCurrency: ReadonlyMap<string, Decimal>;
  readonly records: number;
  readonly notAssociated: { records: number; amount: Decimal };
  readonly notNetNew: { records: number; amount: Decimal };
}

/** Trailing-twelve-month revenue on the requirement's products from associated customers, against the market's threshold. */
export const revenueKind: RequirementKind<RevenueRequirement, RevenueResult> = {
  evaluate(requirement, context) {
    const sums = sumRevenue(requirement, context);
    const byCurrency: MoneyByCurrency[] = [...sums.byCurrency]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, amount]) => ({
        currency,
        amount: amount.toString(),
        converted: convert(context, amount, currency).toString(),
      }));
    const counted = countedOf(sums.byCurrency, context);
    const required = requirement.thresholds.get(context.organization.market) ?? null;
    const met = required !== null && counted.gte(required);
    return {
      kind: 'revenue',
      id: requirement.id,
      status: statusOf(counted, required),
      met,
      products: requirement.products,
      netNewOnly: requirement.netNewOnly,
      currency: context.catalog.currency,
      counted: counted.toString(),
      required: required?.toString() ?? null,
      shortfall: required === null ? null : required.sub(counted).max(Decimal.ZERO).toString(),
      records: sums.records,
      byCurrency,
      excluded: {
        notAssociated: { records: sums.notAssociated.records, amount: sums.notAssociated.amount.toString() },
        notNetNew: { records: sums.notNetNew.records, amount: sums.notNetNew.amount.toString() },
      },
    };
  },

  status(requirement, view) {
    return thresholdStatus(requirement, view.organization.market, view.tracked('revenue').counted(requirement));
  },

  explain(requirement, result, context, path) {
    const gaps: Finding[] = [];
    if (result.status === 'undetermined') {
      gaps.push(finding('revenue.no-threshold', path, { requirement: requirement.id, market: context.organization.market }));
    } else if (!result.met) {
      gaps.push(
        finding('revenue.shortfall', path, {
          requirement: requirement.id,
          counted: result.counted,
          required: result.required,
          shortfall: result.shortfall,
          currency: result.currency,
          products: result.products,
          netNewOnly: result.netNewOnly,
          excludedNotAssociated: result.excluded.notAssociated.amount,
          associations: requirement.associations,
        }),
      );
    }
    return gaps;
  },
};

/**
 * Whether revenue on one of the requirement's products counts toward it: credited under an association type the
 * requirement accepts and, when the requirement asks for it, net new. What `evaluate` sums, for those who keep their
 * own running totals.
 */
export function countsToward(requirement: RevenueRequirement, netNew: boolean, credited: AssociationMask): boolean {
  return (credited & requirement.accepts) !== 0 && (netNew || !requirement.netNewOnly);
}

/** The status of a revenue requirement in a market, given what it counts. */
export function thresholdStatus(requirement: RevenueRequirement, market: string, counted: Decimal): RequirementStatus {
  return statusOf(counted, requirement.thresholds.get(market) ?? null);
}

function statusOf(counted: Decimal, required: Decimal | null): RequirementStatus {
  return required === null ? 'undetermined' : counted.gte(required) ? 'met' : 'not-met';
}

/** The counted amount in the catalog's currency: each currency summed exactly, then converted once. */
function countedOf(byCurrency: ReadonlyMap<string, Decimal>, context: EvaluationContext): Decimal {
  let total = Decimal.ZERO;
  for (const [currency, amount] of byCurrency) total = total.add(convert(context, amount, currency));
  return total;
}

function sumRevenue(requirement: RevenueRequirement, context: EvaluationContext): RevenueSums {
  const key = `revenue\u0000${requirement.products.join('\u0000')}\u0000${requirement.netNewOnly}\u0000${requirement.accepts}`;
  const cached = context.memo.get(key) as RevenueSums | undefined;
  if (cached) return cached;
  const products = new Set(requirement.products);
  const byCurrency = new Map<string, Decimal>();
  const sums = {
    byCurrency,
    records: 0,
    notAssociated: { records: 0, amount: Decimal.ZERO },
    notNetNew: { records: 0, amount: Decimal.ZERO },
  };
  for (const group of context.revenue) {
    if (!products.has(group.product)) continue;
    const converted = () => convert(context, group.amount, group.currency);
    if ((group.credited & requirement.accepts) === 0) {
      sums.notAssociated.records += group.records;
      sums.notAssociated.amount = sums.notAssociated.amount.add(converted());
    } else if (requirement.netNewOnly && !group.netNew) {
      sums.notNetNew.records += group.records;
      sums.notNetNew.amount = sums.notNetNew.amount.add(converted());
    } else {
      byCurrency.set(group.currency, (byCurrency.get(group.currency) ?? Decimal.ZERO).add(group.amount));
      sums.records += group.records;
    }
  }
  context.memo.set(key, sums);
  return sums;
}
