import type { Catalog } from '../catalog/catalog-types.js';
import { findLevel } from '../catalog/find-level.js';
import { parseDay } from '../core/day.js';
import type { Locale } from '../core/localized.js';
import type { Forecast, ForecastChange } from '../planner/forecast.js';
import { FORECAST_MESSAGES } from './forecast-messages.js';
import { Formatter } from './formatter.js';
import { MESSAGES } from './messages.js';

/** Causes in words, the same events counted once: "MB6-705 no longer accepted after 2018-12-31 (5 passes)". */
export function describeCauses(change: ForecastChange, f: Formatter, locale: Locale): string {
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

/** A timeline per level: its standing at the start, then each day it changes and why. */
export function renderForecastText(forecast: Forecast, catalog: Catalog, locale: Locale): string {
  const m = FORECAST_MESSAGES[locale];
  const status = MESSAGES[locale].levelStatus;
  const f = new Formatter(locale, catalog);
  const out = [m.title(f.date(forecast.from), f.date(forecast.to)), ''];
  for (const start of forecast.start) {
    const found = findLevel(catalog, start, parseDay(forecast.from) ?? 0);
    const name = found
      ? [found.competency.name, found.option.name, found.level.name].map((n) => f.text(n)).join(' · ')
      : `${start.competency}/${start.option}/${start.level}`;
    const changes = forecast.changes.filter(
      (c) => c.competency === start.competency && c.option === start.option && c.level === start.level,
    );
    out.push(`${name}: ${start.attained ? status.attained : status['not-attained']} (${f.date(forecast.from)})`);
    if (changes.length === 0) out.push(`  ${m.noChange}`);
    for (const change of changes)
      out.push(`  ${f.date(change.date)}: ${status[change.status]} — ${describeCauses(change, f, locale)}`);
  }
  return `${out.join('\n')}\n`;
}
