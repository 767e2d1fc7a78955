import type { Plan, PlanMeasure } from '../planner/plan-types.js';

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

/**
 * A line of the plan as a reader sees it: someone the organization has, or the new hires who all do the same thing
 * (a plan of eight hires reads "8 new people, each …" rather than eight identical lines).
 */
export type PlanRow =
  | { readonly kind: 'person'; readonly person: PersonPlan }
  | {
      readonly kind: 'new-hires';
      /** The hires' ids (new-1, new-2, …), in the plan's order. */
      readonly people: readonly string[];
      readonly seats: readonly PlannedSeat[];
      /** Exams of each one of them. */
      readonly examCount: number;
    };

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
  const hires = new Set(plan.newPeople);
  return [...people].map(([person, seats]) => ({
    person,
    isNew: hires.has(person),
    seats: [...seats.values()],
    examCount: [...seats.values()].reduce((n, s) => n + s.exams.length, 0),
  }));
}

/**
 * The plan by person, with new hires who sit the same exams for the same seats folded into one row, placed where
 * the first of them was. People the organization has are never folded: each is someone to talk to.
 */
export function planRows(plan: Plan): PlanRow[] {
  const rows: PlanRow[] = [];
  const groups = new Map<string, { people: string[]; at: number }>();
  for (const person of planByPerson(plan)) {
    if (!person.isNew) {
      rows.push({ kind: 'person', person });
      continue;
    }
    const key = JSON.stringify(person.seats.map((s) => [s.requirement, s.pool, s.role, s.exams]));
    const group = groups.get(key);
    if (group) {
      group.people.push(person.person);
      continue;
    }
    groups.set(key, { people: [person.person], at: rows.length });
    rows.push({ kind: 'new-hires', people: [person.person], seats: person.seats, examCount: person.examCount });
  }
  for (const { people, at } of groups.values()) {
    const row = rows[at];
    if (row?.kind === 'new-hires') rows[at] = { ...row, people };
  }
  return rows;
}

/**
 * The requirements no exam and no hire fixes (revenue, metrics) that the plan falls short of. They are what really
 * stands between the organization and the level, and a reader sees them first.
 */
export function measureBlockers(plan: Plan): readonly PlanMeasure[] {
  return plan.measures.filter((r) => r.required !== null && r.shortfall !== null && !isZero(r.shortfall));
}

function isZero(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}
