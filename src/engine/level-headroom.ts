import { resultHeadroom } from '../kinds/result-kinds.js';
import type { LevelResult } from './evaluation-types.js';

/** How far one threshold of a level is exceeded (negative: how far it is missed). */
export type Headroom =
  | {
      readonly kind: 'revenue';
      readonly requirement: string;
      /** Counted minus required, exact, in the catalog's currency. */
      readonly above: string;
      readonly currency: string;
    }
  | {
      readonly kind: 'role';
      readonly requirement: string;
      readonly pool: string;
      readonly role: string;
      /** People in the role's seats beyond its count (negative: seats left empty). */
      readonly above: number;
    };

/**
 * Every threshold of a level with the margin by which it is held: revenue above each threshold, and how many
 * more people than each role's count qualify for it; each kind measures its own, in its `-result` file.
 */
export function levelHeadroom(result: Pick<LevelResult, 'requirements'>): readonly Headroom[] {
  return result.requirements.flatMap(resultHeadroom);
}
