import type { RequirementPath } from '../../catalog/catalog-types.js';
import type { CatalogKind } from '../catalog-kind.js';

/** Alternative paths in a catalog: each path's requirements compile as requirements of any kind. */
export const anyOfCatalog: CatalogKind<'anyOf'> = {
  compile: (any, tools) => ({
    kind: 'anyOf',
    id: any.id,
    name: Object.freeze({ ...any.name }),
    paths: Object.freeze(
      any.paths.map(
        (path): RequirementPath =>
          Object.freeze({
            id: path.id,
            name: Object.freeze({ ...path.name }),
            requirements: Object.freeze(path.requirements.map(tools.requirement)),
          }),
      ),
    ),
  }),
  plain: (any, _markets, plainAny) => ({
    ...any,
    paths: any.paths.map((p) => ({ ...p, requirements: p.requirements.map(plainAny) })),
  }),
  nested: (any) => any.paths.flatMap((p) => p.requirements),
  branch: (any, step) => any.paths.find((p) => p.id === step)?.requirements ?? [],
  part: (any, what, id) => (what === 'path' ? any.paths.find((p) => p.id === id) : undefined),
};
