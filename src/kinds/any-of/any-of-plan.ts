import type { PlanKind } from '../plan-kind.js';

/** One way per path, each remembering the path it chose. */
export const anyOfPlan: PlanKind<'anyOf'> = {
  alternatives: (requirement, id, expandAny) =>
    requirement.paths.flatMap((path) =>
      expandAny(path.requirements, `${id}/${path.id}/`).map((alt) => ({
        ...alt,
        choices: [{ requirement: id, path: path.id }, ...alt.choices],
      })),
    ),
};
