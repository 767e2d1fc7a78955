import type { Catalog } from '../../../src/catalog/catalog-types.js';
import { findLevel } from '../../../src/catalog/find-level.js';
import { parseDay } from '../../../src/core/day.js';
import type { Formatter } from '../../../src/render/formatter.js';

/** `Competency · Option · Level` in the formatter's language, for a level named by ids, in the version in effect on a day. */
export function levelName(
  catalog: Catalog,
  f: Formatter,
  ids: { readonly competency: string; readonly option: string; readonly level: string },
  day: string,
): { readonly competency: string; readonly option: string; readonly level: string } {
  const found = findLevel(catalog, ids, parseDay(day) ?? 0);
  return found
    ? { competency: f.text(found.competency.name), option: f.text(found.option.name), level: f.text(found.level.name) }
    : ids;
}
