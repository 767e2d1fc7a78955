import type { Issue } from '../core/attain-error.js';

/** A catalog document with every `extends` expanded, and what stood in the way of expanding. */
export interface ResolvedExtends {
  readonly document: unknown;
  readonly issues: readonly Issue[];
}

type Json = Record<string, unknown>;

/**
 * The first stage of validation: expands each level that `extends` another level of its option into a complete
 * level, before the schema applies. The level starts from the other's name and requirements; each field it states
 * replaces the inherited one, except lists of things with ids (requirements, paths, pools, roles), which are matched
 * by id, item by item, in the inherited order; an item with a new id is added at the end. So Gold can state only
 * its thresholds and counts. The document is not changed; a level may extend one that extends another.
 */
export function resolveExtends(document: unknown): ResolvedExtends {
  const issues: Issue[] = [];
  if (!isObject(document) || !Array.isArray(document.competencies)) return { document, issues };
  const competencies = document.competencies.map((competency, c) => {
    if (!isObject(competency) || !Array.isArray(competency.versions)) return competency;
    const versions = competency.versions.map((version, v) => {
      if (!isObject(version) || !Array.isArray(version.options)) return version;
      const options = version.options.map((option, o) => {
        if (!isObject(option) || !Array.isArray(option.levels)) return option;
        const path = `$.competencies[${c}].versions[${v}].options[${o}].levels`;
        return { ...option, levels: resolveLevels(option.levels, path, issues) };
      });
      return { ...version, options };
    });
    return { ...competency, versions };
  });
  return { document: { ...document, competencies }, issues };
}

function resolveLevels(levels: readonly unknown[], path: string, issues: Issue[]): unknown[] {
  const byId = new Map<string, unknown>();
  for (const level of levels)
    if (isObject(level) && typeof level.id === 'string' && !byId.has(level.id)) byId.set(level.id, level);
  const resolved = new Map<unknown, unknown>();
  const resolve = (level: unknown, index: number, chain: readonly string[]): unknown => {
    if (!isObject(level) || level.extends === undefined) return level;
    const known = resolved.get(level);
    if (known !== undefined) return known;
    const { extends: baseId, ...own } = level;
    const base = typeof baseId === 'string' ? byId.get(baseId) : undefined;
    const at = `${path}[${index}].extends`;
    if (base === undefined) {
      issues.push({
        code: 'catalog.level.extends-unknown',
        path: at,
        params: { level: String(level.id), extends: String(baseId) },
      });
      return own;
    }
    if (chain.includes(baseId as string)) {
      issues.push({ code: 'catalog.level.extends-cycle', path: at, params: { levels: [...chain, baseId].join(' → ') } });
      return own;
    }
    const full = resolve(base, levels.indexOf(base), [...chain, baseId as string]);
    const merged = isObject(full) ? mergeObjects(pick(full, ['name', 'requirements']), own) : own;
    resolved.set(level, merged);
    return merged;
  };
  return levels.map((level, i) => resolve(level, i, isObject(level) ? [String(level.id)] : []));
}

/** The fields of `override` replace those of `base`, except lists of things with ids, which merge by id. */
function mergeObjects(base: Json, override: Json): Json {
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const inherited = base[key];
    merged[key] = isIdList(inherited) && isIdList(value) ? mergeById(inherited, value) : value;
  }
  return merged;
}

function mergeById(base: readonly Json[], override: readonly Json[]): Json[] {
  const overrides = new Map(override.map((item) => [item.id, item]));
  const merged = base.map((item) => {
    const replacement = overrides.get(item.id);
    return replacement === undefined ? item : mergeObjects(item, replacement);
  });
  const inherited = new Set(base.map((item) => item.id));
  return [...merged, ...override.filter((item) => !inherited.has(item.id))];
}

function isIdList(value: unknown): value is Json[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isObject(item) && typeof item.id === 'string');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(object: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in object).map((k) => [k, object[k]]));
}
