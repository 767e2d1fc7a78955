import { measureAmount, measureText } from '../presented.js';
import type { TextKind } from '../text-kind.js';
import { metricUnit } from './metric-result.js';

export const metricText: TextKind<'metric'> = {
  lines(_requirement, result, { head }, out, { f, m }) {
    const unit = metricUnit(result);
    const node = { counted: result.counted, required: result.required, shortfall: result.shortfall, unit };
    const words = {
      bar: (counted: string, required: string) => m.revenueLine(counted, required),
      shortBy: m.shortBy,
      noThreshold: '',
    };
    const line =
      result.required === null
        ? m.revenueLine(unit.kind === 'money' ? measureAmount(result.counted, unit, f) : f.number(Number(result.counted)), null)
        : measureText(node, f, words);
    out.push(`${head}: ${line}`);
  },
  gap(gap, _requirement, params, { m, finding }) {
    if (gap.code === 'metric.no-threshold') params.marketName = m.market(String(gap.params.market));
    return finding(gap.code, params);
  },
};
