import { associationNames, dporOnly } from '../association-words.js';
import type { TextKind } from '../text-kind.js';
import { REVENUE_WORDS } from './revenue-messages.js';

export const revenueText: TextKind<'revenue'> = {
  lines(requirement, result, { head, pad }, out, { f, m }) {
    const line = m.revenueLine(f.money(result.counted), result.required === null ? null : f.money(result.required));
    const short = result.shortfall && result.shortfall !== '0' ? ` — ${m.shortBy(f.money(result.shortfall))}` : '';
    out.push(`${head}: ${line}${short}`);
    const { notAssociated, notNetNew } = result.excluded;
    if (notAssociated.records + notNetNew.records > 0) {
      const [a, n] = [f.money(notAssociated.amount), f.money(notNetNew.amount)];
      const types = requirement.associations;
      out.push(
        `${pad}    ${dporOnly(types) ? m.notCounted(a, n) : REVENUE_WORDS[f.locale].notCounted(associationNames(types, f), a, n)}`,
      );
    }
  },
  gap(gap, _requirement, params, { m, finding }) {
    if (gap.code === 'revenue.no-threshold') params.marketName = m.market(String(gap.params.market));
    return finding(gap.code, params);
  },
};
