import { Decimal } from '../../core/decimal.js';
import { measureRatio } from '../presented.js';
import type { ResultKind } from '../result-kind.js';

export const revenueResult: ResultKind<'revenue'> = {
  headroom(r) {
    // A market without a published threshold has no margin to speak of.
    if (r.required === null) return [];
    const above = (Decimal.parse(r.counted) ?? Decimal.ZERO).sub(Decimal.parse(r.required) ?? Decimal.ZERO);
    return [{ kind: 'revenue', requirement: r.id, above: above.toString(), currency: r.currency }];
  },
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
      unit: { kind: 'money', currency: result.currency },
      ratio: measureRatio(result.counted, result.required),
    };
  },
};
