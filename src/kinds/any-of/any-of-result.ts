import type { ResultKind } from '../result-kind.js';

export const anyOfResult: ResultKind<'anyOf'> = {
  // Of alternative paths only the one that counts is measured: the margins of a path not taken say nothing.
  headroom(r, headroomAny) {
    const path = r.paths.find((p) => p.id === r.path);
    return path ? path.requirements.flatMap(headroomAny) : [];
  },
  chosenPath: (r) => r.path,
};
