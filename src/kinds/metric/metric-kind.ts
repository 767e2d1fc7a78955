import type { MetricRequirement } from '../../catalog/catalog-types.js';
import { Decimal } from '../../core/decimal.js';
import { finding } from '../../core/message-params.js';
import type { Finding, MetricResult, RequirementStatus } from '../../engine/evaluation-types.js';
import type { RequirementKind } from '../requirement-kind.js';
import { countMetric } from './metric-count.js';
import { metricUnit } from './metric-result.js';
import { MONEY_MEASURES } from './metric-types.js';

/** A count other than revenue (seats, new customers, consumption, devices) against the market's threshold. */
export const metricKind: RequirementKind<MetricRequirement, MetricResult> = {
  evaluate(requirement, context) {
    const counted = countMetric(requirement, context, context.asOf);
    const required = requirement.thresholds.get(context.organization.market) ?? null;
    const status = statusOf(counted, required);
    return {
      kind: 'metric',
      id: requirement.id,
      status,
      met: status === 'met',
      measure: requirement.measure,
      products: requirement.products,
      associations: requirement.associations,
      currency: MONEY_MEASURES.includes(requirement.measure) ? context.catalog.currency : null,
      counted: counted.toString(),
      required: required?.toString() ?? null,
      shortfall: required === null ? null : required.sub(counted).max(Decimal.ZERO).toString(),
    };
  },

  status(requirement, view) {
    return metricStatus(requirement, view.organization.market, view.tracked('metric').counted(requirement));
  },

  explain(requirement, result, context, path) {
    const gaps: Finding[] = [];
    if (result.status === 'undetermined') {
      gaps.push(finding('metric.no-threshold', path, { requirement: requirement.id, market: context.organization.market }));
    } else if (!result.met) {
      gaps.push(
        finding('metric.shortfall', path, {
          requirement: requirement.id,
          measure: result.measure,
          counted: result.counted,
          required: result.required,
          shortfall: result.shortfall,
          currency: result.currency,
          products: result.products,
          associations: result.associations,
          unit: metricUnit(result),
        }),
      );
    }
    return gaps;
  },
};

/** The status of a metric requirement in a market, given what it counts. */
export function metricStatus(requirement: MetricRequirement, market: string, counted: Decimal): RequirementStatus {
  return statusOf(counted, requirement.thresholds.get(market) ?? null);
}

function statusOf(counted: Decimal, required: Decimal | null): RequirementStatus {
  return required === null ? 'undetermined' : counted.gte(required) ? 'met' : 'not-met';
}
