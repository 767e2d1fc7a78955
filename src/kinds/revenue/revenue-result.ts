import { Decimal } from '../../core/decimal.js';
import { measureNode } from '../presented.js';
import type { ResultKind } from '../result-kind.js';

export const revenueResult: ResultKind<'revenue'> = {
  headroom(r) {
    // A market without a published threshold has no margin to speak of.
    if (r.required === null) return [];
    const above = (Decimal.parse(r.counted) ?? Decimal.ZERO).sub(Decimal.parse(r.required) ?? Decimal.ZERO);
    return [{ kind: 'revenue', requirement: r.id, above: above.toString(), currency: r.currency }];
  },
  chosenPath: () => null,
  present: (result, definition) => measureNode(result, definition, { kind: 'money', currency: result.currency }),
};
