import { formatDay } from '../src/core/day.js';
import type { LevelResult } from '../src/engine/evaluation-types.js';

type Results = { readonly results: readonly Pick<LevelResult, 'competency' | 'option' | 'level' | 'status'>[] };

/**
 * The brute-force reference for forecasts: evaluate on every day from `from` to `to`, and note by level what differs
 * from the day before: a level present one day and absent the next ends, absent then present starts.
 */
export async function dayByDayChanges(
  evaluateOn: (day: number) => Results | Promise<Results>,
  from: number,
  to: number,
): Promise<string[]> {
  const at = async (d: number) =>
    new Map((await evaluateOn(d)).results.map((r) => [`${r.competency}/${r.option}/${r.level}`, r]));
  const changes: string[] = [];
  let previous = await at(from);
  for (let d = from + 1; d <= to; d++) {
    const today = await at(d);
    for (const [k, r] of today) {
      const before = previous.get(k);
      if (!before) changes.push(`${formatDay(d)} ${k} starts ${r.status}`);
      else if (before.status !== r.status) changes.push(`${formatDay(d)} ${k} continues ${r.status}`);
    }
    for (const k of previous.keys()) if (!today.has(k)) changes.push(`${formatDay(d)} ${k} ends`);
    previous = today;
  }
  return changes.sort();
}
