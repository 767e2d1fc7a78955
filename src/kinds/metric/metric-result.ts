import type { MetricResult } from '../../engine/evaluation-types.js';
import { type MeasureUnit, measureNode } from '../presented.js';
import type { ResultKind } from '../result-kind.js';
import { METRIC_UNITS } from './metric-messages.js';

export const metricResult: ResultKind<'metric'> = {
  // A metric's margin is not money nor people: the outlook's headroom (revenue and roles) leaves it out.
  headroom: () => [],
  chosenPath: () => null,
  present: (result, definition) => measureNode(result, definition, metricUnit(result)),
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
