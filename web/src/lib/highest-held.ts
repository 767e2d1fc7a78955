import type { Catalog } from '../../../src/catalog/catalog-types.js';
import { findLevel } from '../../../src/catalog/find-level.js';
import { parseDay } from '../../../src/core/day.js';
import type { HeldLevel } from '../../../src/store/store.js';

/**
 * The highest level held in each competency option, in the catalog's order of competencies and options: an
 * organization that holds Silver and Gold of an option holds Gold, and the list says so once. Levels the catalog no
 * longer knows keep their place after the known ones.
 */
export function highestHeld(catalog: Catalog, levels: readonly HeldLevel[], asOf: string): HeldLevel[] {
  const day = parseDay(asOf) ?? 0;
  const best = new Map<string, { held: HeldLevel; rank: number; order: number }>();
  for (const held of levels) {
    const found = findLevel(catalog, held, day);
    const rank = found ? found.option.levels.indexOf(found.level) : -1;
    const competency = catalog.competencies.findIndex((c) => c.id === held.competency);
    const option = found ? found.version.options.indexOf(found.option) : 0;
    const order = competency < 0 ? Number.MAX_SAFE_INTEGER : competency * 1000 + option;
    const key = `${held.competency}/${held.option}`;
    const current = best.get(key);
    if (!current || rank > current.rank) best.set(key, { held, rank, order });
  }
  return [...best.values()].sort((a, b) => a.order - b.order).map((b) => b.held);
}
