import type { Catalog, ProgramPolicy } from '../catalog/catalog-types.js';
import { type Day, formatDay, parseDay } from '../core/day.js';
import { LAST_DAY } from '../core/day-range.js';
import type { Finding, LevelStatus } from '../engine/evaluation-types.js';
import type { Organization } from '../engine/organization.js';
import type { MeasureUnit } from '../kinds/presented.js';
import { evaluateJointly } from '../planner/evaluate-jointly.js';
import { levelKey } from '../program/level-changes.js';
import { standingOf } from '../program/standing-of.js';
import type { DatedChange, LevelKey } from '../program/standing-types.js';
import { DEFAULT_FORECAST_DAYS } from './forecast-range.js';

/**
 * The one thing that would do the most for a level: the gap that no exam can close (revenue, a metric) before one that
 * people can, and among people the one closest to qualifying. `by` is the day it must be done by: the day an
 * attained level would be lost, or null for a level not yet attained (as soon as possible).
 */
export type NextAction =
  | {
      readonly code: 'action.revenue';
      readonly params: {
        readonly requirement: string;
        readonly shortfall: string;
        readonly currency: string;
        readonly netNewOnly: boolean;
        readonly by: string | null;
      };
    }
  | {
      /** A shortfall no exam closes either, of a requirement that counts something else than revenue (a metric). */
      readonly code: 'action.measure';
      readonly params: {
        readonly requirement: string;
        readonly shortfall: string;
        readonly unit: MeasureUnit;
        readonly by: string | null;
      };
    }
  | {
      readonly code: 'action.person-exams';
      readonly params: {
        readonly person: string;
        readonly exams: readonly string[];
        readonly role: string;
        /** People still needed after this one. */
        readonly others: number;
        readonly by: string | null;
      };
    }
  | {
      readonly code: 'action.people';
      readonly params: {
        readonly requirement: string;
        readonly pool: string;
        /** The roles of the pool, any of which the people may qualify for. */
        readonly roles: readonly string[];
        readonly people: number;
        readonly by: string | null;
      };
    };

/** One level's outlook: its standing, the first change within the horizon, and what to do next. */
export interface LevelOutlook extends LevelKey {
  readonly status: LevelStatus;
  readonly nextChange: DatedChange | null;
  /** When the level is attained on `asOf` and lost within the horizon: the first day it is lost, and why. */
  readonly atRisk: DatedChange | null;
  /** Null when nothing needs doing (held through the horizon) or nothing can be done (no threshold published). */
  readonly action: NextAction | null;
}

/** `GET /api/orgs/{id}/outlook`: every level as of a day, looking as far ahead as the forecast does. */
export interface Outlook {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly levels: readonly LevelOutlook[];
}

/**
 * Each level's standing and its next change within the forecast's horizon (the evaluation jobs' own computation,
 * made for any day), with the next action: from the level's gaps today, or, for a level that will be lost, from its
 * gaps on the day it is lost, which is what must be covered before then.
 */
export async function levelOutlook(
  catalog: Catalog,
  organization: Organization,
  asOf: Day,
  options: { readonly horizonDays?: number; readonly policy?: Partial<ProgramPolicy> } = {},
): Promise<Outlook> {
  // As the forecast's default horizon does, it stops at the last day attain reads rather than run past it.
  const horizonDays = Math.max(0, Math.min(options.horizonDays ?? DEFAULT_FORECAST_DAYS, LAST_DAY - asOf));
  const standing = await standingOf(catalog, organization, asOf, {
    horizonDays,
    ...(options.policy && { policy: options.policy }),
  });
  // Each day a level is lost is evaluated once, whatever number of levels it takes.
  const lossDays = [...new Set(standing.levels.flatMap((l) => (l.atRisk ? [l.atRisk.date] : [])))];
  const gapsOn = new Map<string, ReadonlyMap<string, readonly Finding[]>>();
  for (const day of lossDays) {
    const evaluation = await evaluateJointly(catalog, organization, {
      asOf: parseDay(day) as Day,
      ...(options.policy && { policy: options.policy }),
    });
    gapsOn.set(day, new Map(evaluation.results.map((r) => [levelKey(r), r.gaps])));
  }
  const levels = standing.levels.map((level): LevelOutlook => {
    const by = level.atRisk?.date ?? null;
    const gaps = by === null ? (level.status === 'attained' ? [] : level.gaps) : (gapsOn.get(by)?.get(levelKey(level)) ?? []);
    return {
      competency: level.competency,
      option: level.option,
      level: level.level,
      status: level.status,
      nextChange: level.nextChange,
      atRisk: level.atRisk,
      action: nextAction(gaps, by),
    };
  });
  return { asOf: formatDay(asOf), horizonDays, levels };
}

/** The most useful of a level's gaps, as an action: revenue first (no exam can cover it), then the nearest person. */
export function nextAction(gaps: readonly Finding[], by: string | null): NextAction | null {
  const revenue = gaps.find((g) => g.code === 'revenue.shortfall');
  if (revenue) {
    const p = revenue.params;
    return {
      code: 'action.revenue',
      params: {
        requirement: String(p.requirement),
        shortfall: String(p.shortfall),
        currency: String(p.currency),
        netNewOnly: p.netNewOnly === true,
        by,
      },
    };
  }
  // Any other gap that states its unit is a measure no exam moves: the kinds that have them put it in their findings.
  const measure = gaps.find((g) => typeof g.params.unit === 'object' && g.params.unit !== null && g.params.shortfall != null);
  if (measure) {
    const p = measure.params;
    return {
      code: 'action.measure',
      params: { requirement: String(p.requirement), shortfall: String(p.shortfall), unit: p.unit as MeasureUnit, by },
    };
  }
  // A "k of the same N" gap is people to qualify too: its nearest are the N who lack only the extra exams.
  const people = gaps.filter((g) => g.code === 'people.shortfall' || g.code === 'people.of-whom');
  const nearest = people
    .flatMap((g) => {
      const list = (g.params.nearest as readonly { person: string; role: string; exams: readonly string[] }[] | undefined) ?? [];
      return list.map((n) => ({ ...n, shortfall: Number(g.params.shortfall) }));
    })
    .sort((a, b) => a.exams.length - b.exams.length)[0];
  if (nearest) {
    return {
      code: 'action.person-exams',
      params: {
        person: nearest.person,
        exams: nearest.exams,
        role: nearest.role,
        others: Math.max(0, nearest.shortfall - 1),
        by,
      },
    };
  }
  const first = people[0];
  if (first) {
    return {
      code: 'action.people',
      params: {
        requirement: String(first.params.requirement),
        pool: String(first.params.pool),
        roles:
          first.code === 'people.of-whom'
            ? [String(first.params.role)]
            : ((first.params.roles as readonly { id: string }[] | undefined) ?? []).map((r) => r.id),
        people: Number(first.params.shortfall),
        by,
      },
    };
  }
  return null;
}
