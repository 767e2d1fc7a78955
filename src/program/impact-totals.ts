import type { LevelStatus } from '../engine/evaluation-types.js';
import type { LevelKey } from './standing-types.js';

/** A level whose status differs between the current and a draft catalog; null where the level does not exist. */
export interface LevelDifference extends LevelKey {
  readonly org: string;
  readonly before: LevelStatus | null;
  readonly after: LevelStatus | null;
}

export interface ImpactTotals {
  /** Levels newly attained under the draft. */
  readonly gain: number;
  /** Levels attained today and not under the draft. */
  readonly lose: number;
  /** Other differences (not attained ↔ undetermined, a level only one catalog has that nobody attains). */
  readonly other: number;
  readonly organizations: number;
  readonly levels: readonly (LevelKey & { readonly gain: number; readonly lose: number; readonly other: number })[];
}

/** The counts of an impact report, per level and in all, shared by the CLI, the API and the dashboard. */
export function impactTotals(changes: readonly LevelDifference[]): ImpactTotals {
  const byLevel = new Map<string, LevelKey & { gain: number; lose: number; other: number }>();
  for (const change of changes) {
    const key = `${change.competency}/${change.option}/${change.level}`;
    const entry = byLevel.get(key) ?? {
      competency: change.competency,
      option: change.option,
      level: change.level,
      gain: 0,
      lose: 0,
      other: 0,
    };
    if (change.after === 'attained') entry.gain++;
    else if (change.before === 'attained') entry.lose++;
    else entry.other++;
    byLevel.set(key, entry);
  }
  const levels = [...byLevel.values()];
  const total = (pick: (l: { gain: number; lose: number; other: number }) => number) => levels.reduce((n, l) => n + pick(l), 0);
  return {
    gain: total((l) => l.gain),
    lose: total((l) => l.lose),
    other: total((l) => l.other),
    organizations: new Set(changes.map((c) => c.org)).size,
    levels,
  };
}
