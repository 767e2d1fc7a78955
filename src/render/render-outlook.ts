import type { Catalog, Level, Requirement } from '../catalog/catalog-types.js';
import { everyRequirement } from '../catalog/every-requirement.js';
import { findLevel } from '../catalog/find-level.js';
import { formatDay, parseDay } from '../core/day.js';
import type { Locale } from '../core/localized.js';
import type { Evaluation, LevelResult } from '../engine/evaluation-types.js';
import { levelHeadroom } from '../engine/level-headroom.js';
import { partOf } from '../kinds/catalog-kinds.js';
import { measureAmount } from '../kinds/presented.js';
import type { ForecastChange } from '../planner/forecast.js';
import type { DatedChange } from '../program/standing-types.js';
import type { NextAction, Outlook } from '../service/level-outlook.js';
import { Formatter } from './formatter.js';
import { MESSAGES } from './messages.js';
import { OUTLOOK_MESSAGES } from './outlook-messages.js';
import { describeCauses } from './render-forecast.js';

/** A level's result with its definition from the catalog version the result names (its names come from there). */
export interface NamedLevel {
  readonly name: string;
  readonly result: LevelResult;
  readonly definition: Level | undefined;
}

/** A requirement of a level by id, wherever it sits (inside alternative paths too). */
function findRequirement(requirements: readonly Requirement[], id: string): Requirement | undefined {
  return everyRequirement(requirements).find((r) => r.id === id);
}

function requirementName(level: NamedLevel, id: string, f: Formatter): string {
  const found = findRequirement(level.definition?.requirements ?? [], id);
  return found ? f.text(found.name) : id;
}

function roleName(level: NamedLevel, requirement: string, role: string, f: Formatter): string {
  const found = findRequirement(level.definition?.requirements ?? [], requirement);
  const named = partOf(found, 'role', role);
  return named ? f.text(named.name) : role;
}

/** Each threshold of a level and how far above it the organization is: revenue exactly, people per role. */
export function describeHeadroom(level: NamedLevel, f: Formatter): readonly string[] {
  const o = OUTLOOK_MESSAGES[f.locale];
  return levelHeadroom(level.result).map((h) =>
    h.kind === 'revenue'
      ? o.revenueAbove(requirementName(level, h.requirement, f), f.money(h.above, h.currency))
      : o.roleAbove(roleName(level, h.requirement, h.role, f), h.above),
  );
}

/** A level's next change, with its cause in the forecast's words: a lapse of a level held, a gain, or another change. */
export function describeChange(level: NamedLevel, change: DatedChange, f: Formatter, locale: Locale): string {
  const o = OUTLOOK_MESSAGES[locale];
  const cause = describeCauses(
    {
      ...level.result,
      date: change.date,
      attained: change.status === 'attained',
      status: change.status,
      // Stored and computed causes are the forecast's events, by the same codes.
      causes: change.causes as ForecastChange['causes'],
    },
    f,
    locale,
  );
  const date = f.date(change.date);
  if (level.result.status === 'attained' && change.status !== 'attained') return o.changeLapse(level.name, date, cause);
  if (change.status === 'attained') return o.changeGain(level.name, date, cause);
  return o.changeOther(level.name, date, MESSAGES[locale].levelStatus[change.status], cause);
}

/** The one next action, with the names of the level's requirements and roles. */
export function describeAction(level: NamedLevel, action: NextAction, f: Formatter): string {
  const o = OUTLOOK_MESSAGES[f.locale];
  const by = action.params.by === null ? null : f.date(action.params.by);
  switch (action.code) {
    case 'action.revenue':
      return o.actionRevenue(
        f.money(action.params.shortfall, action.params.currency),
        requirementName(level, action.params.requirement, f),
        by,
      );
    case 'action.measure':
      return o.actionMeasure(
        measureAmount(action.params.shortfall, action.params.unit, f),
        requirementName(level, action.params.requirement, f),
        by,
      );
    case 'action.person-exams':
      return o.actionPersonExams(f.person(action.params.person), f.and(action.params.exams), action.params.others, by);
    case 'action.people':
      return o.actionPeople(
        action.params.people,
        f.or(action.params.roles.map((role) => roleName(level, action.params.requirement, role, f))),
        by,
      );
  }
}

/**
 * The CLI's "what comes next" section of `attain evaluate`: for each level, its next change within the horizon,
 * its headroom when attained, and the next action where there is one (a level held, or the first of an option to
 * reach that something can be done for).
 */
export function renderOutlookText(
  outlook: Outlook,
  evaluation: Evaluation,
  catalog: Catalog,
  locale: Locale,
  personNames: ReadonlyMap<string, string> = new Map(),
): string {
  const o = OUTLOOK_MESSAGES[locale];
  const f = new Formatter(locale, catalog, personNames);
  const through = formatDay((parseDay(outlook.asOf) ?? 0) + outlook.horizonDays);
  const out = ['', o.title(f.date(through))];
  const key = (l: { competency: string; option: string; level: string }) => `${l.competency}/${l.option}/${l.level}`;
  const ahead = new Map(outlook.levels.map((l) => [key(l), l]));
  const firstToReach = new Set<string>();
  const seen = new Set<string>();
  for (const r of evaluation.results) {
    const option = `${r.competency}/${r.option}`;
    if (!r.attained && !seen.has(option) && ahead.get(key(r))?.action) {
      seen.add(option);
      firstToReach.add(key(r));
    }
  }
  for (const result of evaluation.results) {
    const found = findLevel(catalog, result, result.catalogVersion);
    const level: NamedLevel = { name: found ? f.text(found.level.name) : result.level, result, definition: found?.level };
    const names = found ? `${f.text(found.competency.name)} · ${f.text(found.option.name)} · ${level.name}` : key(result);
    out.push(`  ${names}: ${MESSAGES[locale].levelStatus[result.status]}`);
    const next = ahead.get(key(result));
    if (!next) continue;
    if (next.nextChange) out.push(`    ${describeChange(level, next.nextChange, f, locale)}`);
    else if (result.attained) out.push(`    ${o.noChangeAhead(f.date(through))}`);
    if (result.attained) {
      const headroom = describeHeadroom(level, f);
      if (headroom.length > 0) out.push(`    ${o.headroom}: ${headroom.join(' · ')}`);
    }
    if (next.action && (result.attained || firstToReach.has(key(result)))) {
      out.push(`    ${o.nextAction}: ${describeAction(level, next.action, f)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
