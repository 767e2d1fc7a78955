import type { Catalog } from '../catalog/catalog-types.js';
import { findLevel } from '../catalog/find-level.js';
import { type Day, parseDay } from '../core/day.js';
import type { Locale } from '../core/localized.js';
import type { Forecast, ForecastChange } from '../planner/forecast.js';
import { FORECAST_MESSAGES } from './forecast-messages.js';
import { Formatter } from './formatter.js';
import { MESSAGES } from './messages.js';

/** Causes in words, the same events counted once: "MB6-705 no longer accepted after 2018-12-31 (5 passes)". */
export function describeCauses(change: Omit<ForecastChange, 'existence'>, f: Formatter, locale: Locale): string {
  const m = FORECAST_MESSAGES[locale];
  const groups = new Map<string, { text: string; count: number }>();
  for (const cause of change.causes) {
    const text = m.cause(cause.code, cause.params, f);
    const group = groups.get(text) ?? { text, count: 0 };
    group.count += 1;
    groups.set(text, group);
  }
  return [...groups.values()].map((g) => (g.count > 1 ? `${g.text} ${m.times(g.count)}` : g.text)).join('; ');
}

/**
 * A timeline per level: its standing at the start, then each day it changes and why. A level that a later catalog
 * version adds follows the levels of the first day, shown as absent until it starts.
 */
export function renderForecastText(forecast: Forecast, catalog: Catalog, locale: Locale): string {
  const m = FORECAST_MESSAGES[locale];
  const status = MESSAGES[locale].levelStatus;
  const f = new Formatter(locale, catalog);
  const out = [m.title(f.date(forecast.from), f.date(forecast.to)), ''];
  const key = (l: LevelIds) => `${l.competency}/${l.option}/${l.level}`;
  const levels = new Map<string, { ids: LevelIds; attained: boolean | null; day: Day }>();
  const from = parseDay(forecast.from) ?? 0;
  for (const start of forecast.start) levels.set(key(start), { ids: start, attained: start.attained, day: from });
  for (const change of forecast.changes) {
    if (!levels.has(key(change))) levels.set(key(change), { ids: change, attained: null, day: parseDay(change.date) ?? from });
  }
  for (const { ids, attained, day } of levels.values()) {
    const found = findLevel(catalog, ids, day);
    const name = found
      ? [found.competency.name, found.option.name, found.level.name].map((n) => f.text(n)).join(' · ')
      : key(ids);
    const changes = forecast.changes.filter((c) => key(c) === key(ids));
    const standing = attained === null ? m.absent : attained ? status.attained : status['not-attained'];
    out.push(`${name}: ${standing} (${f.date(forecast.from)})`);
    if (changes.length === 0) out.push(`  ${m.noChange}`);
    for (const change of changes) {
      const what =
        change.existence === 'ends'
          ? m.ends
          : change.existence === 'starts'
            ? m.starts(status[change.status])
            : status[change.status];
      out.push(`  ${f.date(change.date)}: ${what} — ${describeCauses(change, f, locale)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

type LevelIds = Pick<ForecastChange, 'competency' | 'option' | 'level'>;
