import type { Level } from '../catalog/catalog-types.js';
import { versionAt } from '../catalog/find-level.js';
import type { Day } from '../core/day.js';
import { allStatus, levelStanding, type StatusView } from '../kinds/requirement-kind.js';
import { requirementStatus } from '../kinds/requirement-kinds.js';
import { type KindTrackers, trackKinds } from '../kinds/track-kinds.js';
import type { KindTracker } from '../kinds/tracked-kind.js';
import type { EvaluationContext } from './evaluation-context.js';
import type { LevelResult, RequirementStatus } from './evaluation-types.js';
import { type HorizonDay, Schedule } from './horizon-events.js';

/** A level's standing, without the explanation a full evaluation carries. */
export interface LevelStatus {
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly attained: boolean;
  readonly status: LevelResult['status'];
}

/**
 * A level whose status differs from the last day the tracker was at. `from` is null when the level did not exist
 * then (a catalog version added it); `ended` when it no longer exists (a version dropped it), and then `level` is
 * its last status and `from` that status too.
 */
export interface StatusChange {
  readonly level: LevelStatus;
  readonly from: LevelResult['status'] | null;
  readonly ended: boolean;
}

/** What the tracker needs of a level, made once per level of a catalog. */
interface LevelShape {
  readonly key: string;
  readonly level: Level;
  /** The level's three possible statuses. */
  readonly standings: Readonly<Record<RequirementStatus, LevelStatus>>;
}

/** A level in effect, with its status and the stamp of the inputs it was decided from. */
interface TrackedLevel {
  readonly shape: LevelShape;
  /** Per kind that bears on the level, its count of changes. */
  readonly stampers: readonly (() => number)[];
  stamp: number;
  status: LevelStatus;
}

/**
 * Level statuses that move forward through a horizon cheaply. Each kind keeps its own running state (its tracker,
 * in its folder) started from an evaluation's context instead of deriving that state again, and is handed only what
 * happens on each event day: revenue entering or leaving moves the revenue kind's totals, a person's exams changing
 * refiles that person in the people kind's pools. Only the levels whose kinds' stamps moved are decided again, by the
 * same kinds' `status` a full evaluation reads. The forecast and standing tests check it against evaluating every day.
 */
export class StatusTracker {
  /** The first day after the context's day on which anything in the data happens, however far; null when none will. */
  readonly nextEvent: Day | null;
  private day: Day;
  private readonly days: readonly HorizonDay[];
  private cursor = 0;
  /** Each kind's running state; those of kinds that keep none are left out. */
  private readonly trackers: readonly KindTracker[];
  private readonly view: StatusView;
  private levels: TrackedLevel[];

  /** A tracker on the context's day that looks as far as `to`. */
  constructor(
    private readonly context: EvaluationContext,
    to: Day,
  ) {
    const { catalog, organization, asOf } = context;
    this.day = asOf;
    const schedule = Schedule.of(context, to);
    const byKind = Object.fromEntries(
      Object.entries(trackKinds).map(([kind, track]) => [kind, track(context, schedule)]),
    ) as unknown as KindTrackers;
    this.nextEvent = schedule.nextEvent();
    this.days = schedule.days();
    this.trackers = Object.values(byKind).filter((t): t is KindTracker => t !== null);
    this.view = { catalog, organization, tracked: (kind) => byKind[kind] };
    this.levels = this.levelsInEffect([]);
  }

  /** The next day after the current one, up to the horizon, on which a status can change; undefined when none. */
  nextChange(): Day | undefined {
    return this.days[this.cursor]?.day;
  }

  /** Every level of the versions in effect today. */
  statuses(): LevelStatus[] {
    return this.levels.map((l) => l.status);
  }

  /** Moves to a later day, applying every event up to and including it; the levels whose status changed. */
  advanceTo(day: Day): StatusChange[] {
    if (day < this.day) throw new RangeError('a status tracker only moves forward in time');
    this.day = day;
    let versions = false;
    for (; this.cursor < this.days.length && (this.days[this.cursor] as HorizonDay).day <= day; this.cursor++) {
      const events = this.days[this.cursor] as HorizonDay;
      for (const tracker of this.trackers) tracker.apply(events);
      versions ||= events.versions;
    }
    const changes: StatusChange[] = [];
    if (versions) {
      const before = new Map(this.levels.map((l) => [l.shape.key, l.status]));
      this.levels = this.levelsInEffect(this.levels);
      for (const tracked of this.levels) {
        const from = before.get(tracked.shape.key)?.status ?? null;
        before.delete(tracked.shape.key);
        if (from !== tracked.status.status) changes.push({ level: tracked.status, from, ended: false });
      }
      // What is left existed yesterday and is in no version in effect today.
      for (const last of before.values()) changes.push({ level: last, from: last.status, ended: true });
      return changes;
    }
    for (const tracked of this.levels) {
      const from = tracked.status.status;
      if (this.refresh(tracked) && from !== tracked.status.status) changes.push({ level: tracked.status, from, ended: false });
    }
    return changes;
  }

  /** The levels of the versions in effect today, reusing those already tracked and up to date. */
  private levelsInEffect(tracked: readonly TrackedLevel[]): TrackedLevel[] {
    const known = new Map(tracked.map((t) => [t.shape.level, t]));
    const levels: TrackedLevel[] = [];
    for (const competency of this.context.catalog.competencies) {
      for (const option of versionAt(competency, this.day).options) {
        for (const level of option.levels) {
          const shape = shapeOf(competency.id, option.id, level);
          const existing = known.get(level) ?? {
            shape,
            stampers: this.trackers.flatMap((t) => t.stamper(level) ?? []),
            stamp: Number.NaN,
            status: shape.standings['not-met'],
          };
          this.refresh(existing);
          levels.push(existing);
        }
      }
    }
    return levels;
  }

  /** Decides a level again when one of its inputs changed since it last was; whether it did. */
  private refresh(tracked: TrackedLevel): boolean {
    const { level, standings } = tracked.shape;
    let stamp = 0;
    for (const stamper of tracked.stampers) stamp += stamper();
    if (stamp === tracked.stamp) return false;
    tracked.stamp = stamp;
    tracked.status = standings[allStatus(level.requirements.map((r) => requirementStatus(r, this.view)))];
    return true;
  }
}

const shapes = new WeakMap<Level, LevelShape>();

/** A level's shape, made at its first use and kept with the catalog's level. */
function shapeOf(competency: string, option: string, level: Level): LevelShape {
  let shape = shapes.get(level);
  if (shape === undefined) {
    // Shared by every tracker of the catalog, and handed out: frozen.
    const standing = (status: RequirementStatus): LevelStatus =>
      Object.freeze({ competency, option, level: level.id, ...levelStanding(status) });
    shape = {
      key: `${competency}/${option}/${level.id}`,
      level,
      standings: { met: standing('met'), 'not-met': standing('not-met'), undetermined: standing('undetermined') },
    };
    shapes.set(level, shape);
  }
  return shape;
}
