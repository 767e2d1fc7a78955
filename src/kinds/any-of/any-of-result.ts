import type { ResultKind } from '../result-kind.js';

export const anyOfResult: ResultKind<'anyOf'> = {
  // Of alternative paths only the one that counts is measured: the margins of a path not taken say nothing.
  headroom(r, headroomAny) {
    const path = r.paths.find((p) => p.id === r.path);
    return path ? path.requirements.flatMap(headroomAny) : [];
  },
  chosenPath: (r) => r.path,
  present(result, definition, presentAny) {
    return {
      shape: 'choice',
      id: result.id,
      name: definition?.name ?? { en: result.id },
      status: result.status,
      chosen: result.path,
      paths: result.paths.map((path) => {
        const pathDefinition = definition?.paths.find((p) => p.id === path.id);
        return {
          id: path.id,
          name: pathDefinition?.name ?? { en: path.id },
          status: path.status,
          requirements: presentAny(pathDefinition?.requirements ?? [], path.requirements),
        };
      }),
    };
  },
};
