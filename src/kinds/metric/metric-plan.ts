import type { PlanKind } from '../plan-kind.js';
import { metricForecastEvents } from './metric-forecast.js';
import { metricKind } from './metric-kind.js';
import { metricUnit } from './metric-result.js';

/** One way: the count itself, which hiring and exams do not move; the plan leads with it as it does with revenue. */
export const metricPlan: PlanKind<'metric'> = {
  alternatives: (requirement) => [{ choices: [], pools: [], fixed: [requirement] }],
  forecastEvents: metricForecastEvents,
  standing(requirement, context) {
    const result = metricKind.evaluate(requirement, context, unnested);
    return {
      requirement: requirement.id,
      counted: result.counted,
      required: result.required,
      shortfall: result.shortfall,
      unit: metricUnit(result),
      met: result.status === 'met',
    };
  },
};

const unnested = () => {
  throw new Error('metric requirements nest nothing');
};
