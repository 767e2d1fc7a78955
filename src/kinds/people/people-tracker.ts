import type { Level, Pool } from '../../catalog/catalog-types.js';
import { everyPool } from '../../catalog/every-requirement.js';
import type { Day } from '../../core/day.js';
import type { EvaluationContext } from '../../engine/evaluation-context.js';
import type { HorizonDay, Schedule } from '../../engine/horizon-events.js';
import type { KindTracker } from '../tracked-kind.js';
import { peopleEvents } from './people-events.js';
import { PoolSeats } from './pool-seats.js';

/** Whether a level has pools of people, found once per catalog level for every tracker of it. */
const hasPools = new WeakMap<Level, boolean>();

/** The seats each pool's people fill, refiled one person at a time as their counting exams change. */
export class PeopleTracker implements KindTracker {
  private readonly seats: PoolSeats;
  private readonly days: ReadonlyMap<Day, readonly number[]>;

  constructor(context: EvaluationContext, schedule: Schedule) {
    this.days = peopleEvents(context, schedule);
    this.seats = new PoolSeats(context);
  }

  apply(day: HorizonDay): void {
    for (const p of this.days.get(day.day) ?? []) this.seats.requalify(p, day.day);
  }

  stamper(level: Level): (() => number) | null {
    let pools = hasPools.get(level);
    if (pools === undefined) {
      pools = everyPool(level.requirements).length > 0;
      hasPools.set(level, pools);
    }
    return pools ? () => this.seats.stamp : null;
  }

  filled(pool: Pool): number {
    return this.seats.filled(pool);
  }
}
