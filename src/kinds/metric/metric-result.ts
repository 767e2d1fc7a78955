import type { MetricResult } from '../../engine/evaluation-types.js';
import { type MeasureUnit, measureRatio } from '../presented.js';
import type { ResultKind } from '../result-kind.js';
import { METRIC_UNITS } from './metric-messages.js';

export const metricResult: ResultKind<'metric'> = {
  // A metric's margin is not money nor people: the outlook's headroom (revenue and roles) leaves it out.
  headroom: () => [],
  chosenPath: () => null,
  present(result, definition) {
    return {
      shape: 'measure',
      id: result.id,
      name: definition?.name ?? { en: result.id },
      status: result.status,
      counted: result.counted,
      required: result.required,
      shortfall: result.shortfall,
      unit: metricUnit(result),
      ratio: measureRatio(result.counted, result.required),
    };
  },
};

/** What a metric's result counts: money in the catalog's currency, or the things its measure names. */
export function metricUnit(result: Pick<MetricResult, 'measure' | 'currency'>): MeasureUnit {
  const measure = result.measure;
  if (measure === 'azure-consumption') return { kind: 'money', currency: result.currency ?? 'USD' };
  return {
    kind: 'count',
    forms: { en: METRIC_UNITS.en[measure], 'zh-TW': METRIC_UNITS['zh-TW'][measure], 'ko-KR': METRIC_UNITS['ko-KR'][measure] },
  };
}
