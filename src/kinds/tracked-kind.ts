import type { Level } from '../catalog/catalog-types.js';
import type { HorizonDay } from '../engine/horizon-events.js';

/**
 * A kind's running state in a status tracker: what it keeps up to date from day to day instead of evaluating again.
 * The tracker hands every event day to every kind's tracker and decides a level again only when a stamp moved.
 */
export interface KindTracker {
  /** Applies what happens on one event day. */
  apply(events: HorizonDay): void;
  /**
   * For a level, a count that changes whenever the status of one of its requirements of this kind may have; null
   * when the level has none. Made once per level and tracker: it is read for every level on every event day.
   */
  stamper(level: Level): (() => number) | null;
}
