import type { TextKind } from '../text-kind.js';

export const revenueText: TextKind<'revenue'> = {
  lines(_requirement, result, { head, pad }, out, { f, m }) {
    const line = m.revenueLine(f.money(result.counted), result.required === null ? null : f.money(result.required));
    const short = result.shortfall && result.shortfall !== '0' ? ` — ${m.shortBy(f.money(result.shortfall))}` : '';
    out.push(`${head}: ${line}${short}`);
    const { notAssociated, notNetNew } = result.excluded;
    if (notAssociated.records + notNetNew.records > 0) {
      out.push(`${pad}    ${m.notCounted(f.money(notAssociated.amount), f.money(notNetNew.amount))}`);
    }
  },
  gap(gap, _requirement, params, { m, finding }) {
    if (gap.code === 'revenue.no-threshold') params.marketName = m.market(String(gap.params.market));
    return finding(gap.code, params);
  },
};
