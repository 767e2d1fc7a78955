import { z } from 'zod';
import { id, localized } from '../../catalog/schema-parts.js';
import type { CheckKind } from '../catalog-kind.js';
import type { RawRequirement } from '../kind-schemas.js';

export interface RawAnyOfRequirement {
  kind: 'anyOf';
  id: string;
  name: Record<string, string>;
  paths: RawPath[];
}
export interface RawPath {
  id: string;
  name: Record<string, string>;
  requirements: RawRequirement[];
}

/** Alternative paths as a catalog states them; each path holds requirements of any kind. */
export function anyOfSchema(requirement: z.ZodType<RawRequirement>) {
  return z.strictObject({
    kind: z.literal('anyOf'),
    id,
    name: localized,
    paths: z.array(z.strictObject({ id, name: localized, requirements: z.array(requirement) })).min(1),
  });
}

/** Path ids unique, names in every language, and no path without requirements. */
export const checkAnyOf: CheckKind<'anyOf'> = (r, path, tools) => {
  tools.unique(
    r.paths.map((p) => p.id),
    [...path, 'paths'],
    'path',
  );
  r.paths.forEach((p, i) => {
    tools.text(p.name, [...path, 'paths', i, 'name']);
    if (p.requirements.length === 0) tools.report('catalog.path.empty', [...path, 'paths', i, 'requirements']);
    tools.requirements(p.requirements, [...path, 'paths', i, 'requirements']);
  });
};
