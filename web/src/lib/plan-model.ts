import type { Level, Requirement, Role } from '../../../src/catalog/catalog-types.js';
import { everyRequirement } from '../../../src/catalog/every-requirement.js';
import type { Localized } from '../../../src/core/localized.js';
import { partOf } from '../../../src/kinds/catalog-kinds.js';
import { roleIn } from '../../../src/kinds/people/people-catalog.js';
import type { Plan } from '../../../src/planner/plan-types.js';
import { requirementAt } from '../../../src/render/formatter.js';

// Shared with the text report, so that the CLI and the dashboard group a plan the same way.
export {
  measureBlockers,
  type PersonPlan,
  type PlannedSeat,
  type PlanRow,
  planByPerson,
  planRows,
} from '../../../src/render/plan-rows.js';

/** People who already sit in seats of the chosen path and need no exam, each once with every seat they fill. */
export function seatedWithoutExams(plan: Plan): { readonly person: string; readonly seats: Plan['seats'] }[] {
  const planned = new Set(plan.steps.map((s) => s.person));
  const people = new Map<string, Plan['seats'][number][]>();
  for (const seat of plan.seats)
    if (seat.exams.length === 0 && !planned.has(seat.person)) people.set(seat.person, [...(people.get(seat.person) ?? []), seat]);
  return [...people].map(([person, seats]) => ({ person, seats }));
}

/** The role a plan step names, found in the level's definition. */
export function planRole(level: Level | undefined, requirement: string, pool: string, role: string): Role | undefined {
  const found = level ? requirementAt(level, requirement) : undefined;
  return roleIn(found, pool, role);
}

/** A plan's path (`requirement:path` pairs joined by commas) as the names of the paths chosen. */
export function planPathNames(path: string | null, level: Level | undefined): Localized[] {
  if (path === null) return [];
  return path.split(',').map((choice) => {
    const pathId = choice.split(':').pop() ?? choice;
    return findPath(level?.requirements ?? [], pathId) ?? { en: pathId };
  });
}

function findPath(requirements: readonly Requirement[], id: string): Localized | undefined {
  for (const r of everyRequirement(requirements)) {
    const path = partOf(r, 'path', id);
    if (path) return path.name;
  }
  return undefined;
}

/** The people a what-if can exclude: everyone the plan relies on (seated or sitting exams), new hires left out. */
export function excludablePeople(plan: Plan): string[] {
  const ids = new Set<string>();
  for (const seat of plan.seats) if (!plan.newPeople.includes(seat.person)) ids.add(seat.person);
  for (const step of plan.steps) if (!plan.newPeople.includes(step.person)) ids.add(step.person);
  return [...ids];
}
