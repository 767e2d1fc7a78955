import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Evaluation } from '../src/engine/evaluation-types.js';

/** One conformance case, as written in `test/conformance/*.yaml` (see the README there). */
export interface ConformanceCase {
  readonly file: string;
  readonly name: string;
  readonly asOf: string;
  /** A catalog file under `test/conformance/` instead of the shipped one. */
  readonly catalog?: string;
  readonly policy?: { readonly revenueAssociation?: 'within-period' | 'associated-at-as-of' };
  readonly organization: unknown;
  readonly expect: Readonly<Record<string, unknown>>;
  readonly warnings?: readonly string[] | Readonly<Record<string, number>>;
}

const directory = fileURLToPath(new URL('./conformance/', import.meta.url));

/** Where a case's own catalog is, when it names one. */
export function caseCatalog(testCase: ConformanceCase): string | undefined {
  return testCase.catalog === undefined ? undefined : join(directory, testCase.catalog);
}

export function loadConformanceCases(): ConformanceCase[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, ...(parse(readFileSync(join(directory, file), 'utf8')) as Omit<ConformanceCase, 'file'>) }));
}

/** Every way the evaluation differs from what the case expects; empty when it conforms. */
export function conformanceMismatches(testCase: ConformanceCase, evaluation: Evaluation): string[] {
  const problems: string[] = [];
  for (const [key, expected] of Object.entries(testCase.expect)) {
    const [competency, option, level] = key.split('/');
    const result = evaluation.results.find((r) => r.competency === competency && r.option === option && r.level === level);
    if (!result) problems.push(`${key}: no such result`);
    else {
      const { gaps, ...rest } = expected as { gaps?: readonly string[] };
      problems.push(...subsetMismatches(result, rest, key));
      if (gaps)
        compare(
          result.gaps.map((g) => g.code),
          gaps,
          `${key}.gaps`,
          problems,
        );
    }
  }
  const warnings = evaluation.warnings.map((w) => w.code);
  if (Array.isArray(testCase.warnings)) compare(warnings, testCase.warnings, 'warnings', problems);
  else if (testCase.warnings) {
    const counts: Record<string, number> = {};
    for (const code of warnings) counts[code] = (counts[code] ?? 0) + 1;
    compare(counts, testCase.warnings, 'warnings', problems);
  }
  return problems;
}

/**
 * Checks that every field of `expected` equals the one in `actual`. Where `actual` is an array of objects with ids
 * and `expected` is an object, the array is matched by id: that is how cases name requirements, pools and roles.
 */
function subsetMismatches(actual: unknown, expected: unknown, path: string): string[] {
  if (isPlainObject(expected)) {
    const indexed = Array.isArray(actual) ? Object.fromEntries(actual.map((item: { id?: string }) => [item.id, item])) : actual;
    if (!isPlainObject(indexed)) return [`${path}: expected an object, found ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => {
      if (Array.isArray(actual) && k === 'requirements') return subsetMismatches(indexed[k], v, `${path}.${k}`);
      return subsetMismatches(indexed[k], v, `${path}.${k}`);
    });
  }
  const problems: string[] = [];
  compare(actual, expected, path, problems);
  return problems;
}

function compare(actual: unknown, expected: unknown, path: string, problems: string[]) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push(`${path}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
