import type { Requirement } from '../../../src/catalog/catalog-types.js';
import type { Locale } from '../../../src/core/localized.js';
import { levelHeadroom } from '../../../src/engine/level-headroom.js';
import type { ForecastChange } from '../../../src/planner/forecast.js';
import type { DatedChange } from '../../../src/program/standing-types.js';
import type { Formatter } from '../../../src/render/formatter.js';
import type { Messages } from '../../../src/render/messages.js';
import { describeCauses } from '../../../src/render/render-forecast.js';
import type { NextAction } from '../../../src/service/level-outlook.js';
import type { UiMessages } from '../i18n/index.js';
import type { LevelCard } from './requirement-tree.js';

/** A requirement of a level by id, wherever it sits (inside alternative paths too). */
function findRequirement(requirements: readonly Requirement[], id: string): Requirement | undefined {
  for (const r of requirements) {
    if (r.id === id) return r;
    if (r.kind === 'anyOf') {
      for (const path of r.paths) {
        const found = findRequirement(path.requirements, id);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function requirementName(level: LevelCard, id: string, f: Formatter): string {
  const found = findRequirement(level.definition?.requirements ?? [], id);
  return found ? f.text(found.name) : id;
}

function roleName(level: LevelCard, requirement: string, role: string, f: Formatter): string {
  const found = findRequirement(level.definition?.requirements ?? [], requirement);
  const named = found?.kind === 'people' ? found.pools.flatMap((p) => p.roles).find((r) => r.id === role) : undefined;
  return named ? f.text(named.name) : role;
}

/** Each threshold of a level and how far above it the organization is, in words: revenue exactly, people per role. */
export function headroomTexts(level: LevelCard, f: Formatter, t: UiMessages): readonly string[] {
  return levelHeadroom(level.result).map((h) =>
    h.kind === 'revenue'
      ? t.revenueAbove(requirementName(level, h.requirement, f), f.money(h.above, h.currency))
      : t.roleAbove(roleName(level, h.requirement, h.role, f), h.above),
  );
}

/** A level's next change within the horizon, with its cause in the forecast's words. */
export function changeText(
  level: LevelCard,
  change: DatedChange,
  from: LevelCard['result']['status'],
  f: Formatter,
  t: UiMessages,
  m: Messages,
  locale: Locale,
): string {
  const cause = describeCauses(
    {
      ...level.result,
      date: change.date,
      attained: change.status === 'attained',
      status: change.status,
      causes: change.causes as ForecastChange['causes'],
    },
    f,
    locale,
  );
  const name = f.text(level.name);
  const date = f.date(change.date);
  if (from === 'attained' && change.status !== 'attained') return t.changeLapse(name, date, cause);
  if (change.status === 'attained') return t.changeGain(name, date, cause);
  return t.changeOther(name, date, m.levelStatus[change.status], cause);
}

/** The one next action, in words, with the names of the level's requirements and roles. */
export function actionText(level: LevelCard, action: NextAction, f: Formatter, t: UiMessages): string {
  const by = action.params.by === null ? null : f.date(action.params.by);
  switch (action.code) {
    case 'action.revenue':
      return t.actionRevenue(
        f.money(action.params.shortfall, action.params.currency),
        requirementName(level, action.params.requirement, f),
        by,
      );
    case 'action.person-exams':
      return t.actionPersonExams(f.person(action.params.person), f.and(action.params.exams), action.params.others, by);
    case 'action.people':
      return t.actionPeople(
        action.params.people,
        f.or(action.params.roles.map((role) => roleName(level, action.params.requirement, role, f))),
        by,
      );
  }
}
