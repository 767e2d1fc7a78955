import { Decimal } from '../core/decimal.js';
import type { LevelResult, RequirementResult } from './evaluation-types.js';

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
 * more people than each role's count qualify for it. Of alternative paths only the one that counts is measured:
 * the margins of a path not taken say nothing about the level.
 */
export function levelHeadroom(result: Pick<LevelResult, 'requirements'>): readonly Headroom[] {
  const out: Headroom[] = [];
  const visit = (requirements: readonly RequirementResult[]) => {
    for (const r of requirements) {
      if (r.kind === 'revenue') {
        // A market without a published threshold has no margin to speak of.
        if (r.required === null) continue;
        const above = (Decimal.parse(r.counted) ?? Decimal.ZERO).sub(Decimal.parse(r.required) ?? Decimal.ZERO);
        out.push({ kind: 'revenue', requirement: r.id, above: above.toString(), currency: r.currency });
      } else if (r.kind === 'people') {
        for (const pool of r.pools) {
          for (const role of pool.roles) {
            // Seats hold at most `count` people; the eligible beyond them are the role's spare people.
            const above = role.assigned.length < role.count ? role.assigned.length - role.count : role.eligible - role.count;
            out.push({ kind: 'role', requirement: r.id, pool: pool.id, role: role.id, above });
          }
        }
      } else {
        const path = r.paths.find((p) => p.id === r.path);
        if (path) visit(path.requirements);
      }
    }
  };
  visit(result.requirements);
  return out;
}
