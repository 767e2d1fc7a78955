import type { Level, Requirement, Role } from '../../../src/catalog/catalog-types.js';
import type { Localized } from '../../../src/core/localized.js';
import type { Plan } from '../../../src/planner/plan-types.js';
import { requirementAt } from '../../../src/render/formatter.js';

/** A seat a plan fills, and the exams it takes to fill it. */
export interface PlannedSeat {
  readonly requirement: string;
  readonly pool: string;
  readonly role: string;
  readonly exams: readonly string[];
}

/** One person's part of a plan. */
export interface PersonPlan {
  readonly person: string;
  readonly isNew: boolean;
  readonly seats: readonly PlannedSeat[];
  readonly examCount: number;
}

/** The plan's steps grouped by person (in the plan's order), then by the seat the exams are for. */
export function planByPerson(plan: Plan): PersonPlan[] {
  const people = new Map<string, Map<string, { requirement: string; pool: string; role: string; exams: string[] }>>();
  for (const step of plan.steps) {
    const seats = people.get(step.person) ?? new Map();
    const key = `${step.requirement}\u0000${step.pool}\u0000${step.role}`;
    const seat = seats.get(key) ?? { requirement: step.requirement, pool: step.pool, role: step.role, exams: [] };
    seat.exams.push(step.exam);
    seats.set(key, seat);
    people.set(step.person, seats);
  }
  return [...people].map(([person, seats]) => ({
    person,
    isNew: plan.newPeople.includes(person),
    seats: [...seats.values()],
    examCount: [...seats.values()].reduce((n, s) => n + s.exams.length, 0),
  }));
}

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
  return found?.kind === 'people' ? found.pools.find((p) => p.id === pool)?.roles.find((r) => r.id === role) : undefined;
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
  for (const r of requirements) {
    if (r.kind !== 'anyOf') continue;
    for (const p of r.paths) {
      if (p.id === id) return p.name;
      const nested = findPath(p.requirements, id);
      if (nested) return nested;
    }
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
