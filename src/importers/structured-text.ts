import * as yaml from 'yaml';
import type { Issue } from '../core/attain-error.js';
import { parseJson, parseYaml } from '../core/read-structured-file.js';
import { yamlValue } from '../core/yaml-value.js';
import type { ImportIssues } from './import-issues.js';
import { locateJsonPaths, pathPrefixes } from './locate-json-paths.js';
import type { TextPosition } from './text-position.js';

/** Where the values at JSON paths start in the text, found for many paths at once. */
export type PathLocator = (paths: readonly string[]) => ReadonlyMap<string, TextPosition>;

/** A parsed JSON or YAML document, with the way back from a JSON path to its line and column. */
export interface StructuredText {
  readonly value: unknown;
  readonly locate: PathLocator;
}

/** Parses JSON, or refuses the file as every reader of JSON does (`parseJson`): at the line and column of the mistake. */
export function parseJsonText(text: string, issues: ImportIssues): StructuredText {
  const read = parseJson(text);
  if ('issues' in read) {
    issues.addAll(read.issues);
    return issues.stop();
  }
  return { value: read.value, locate: (paths) => locateJsonPaths(text, paths) };
}

/** Parses YAML (synchronously, unlike the CLI's file reader: a plan is computed without I/O or awaiting). */
export function parseYamlText(text: string, issues: ImportIssues): StructuredText {
  const parsed = parseYaml(yaml, text);
  if ('issues' in parsed) {
    issues.addAll(parsed.issues);
    return issues.stop();
  }
  const { doc, lineCounter } = parsed;
  const read = yamlValue(doc, text, lineCounter);
  if ('issues' in read) {
    for (const issue of read.issues) issues.add(issue.code, issue.path, issue.params);
    return issues.stop();
  }
  const value = read.value;
  const locate: PathLocator = (paths) => {
    const positions = new Map<string, TextPosition>();
    for (const path of paths) {
      const chain = pathPrefixes(path);
      // The node at the path, or at its nearest ancestor when it is not there (a missing field).
      for (let n = chain.length - 1; n >= 0; n--) {
        const keys = [...(chain[n] as string).matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
          m[2] === undefined ? (m[1] as string) : Number(m[2]),
        );
        const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          positions.set(path, { line: pos.line, column: pos.col });
          break;
        }
      }
    }
    return positions;
  };
  return { value, locate };
}

/**
 * Adds issues found in a JSON or YAML document, each at the line and column of its path. Only the issues that will
 * be listed are located, all in one pass over the text.
 */
export function addLocated(
  issues: ImportIssues,
  found: readonly Issue[],
  locate: PathLocator,
  rowOf: (path: string) => number | undefined = () => undefined,
): void {
  // The organization validator lists its first problems, then how many it found: counted, not listed as one.
  const problems = found.filter((i) => i.code !== 'org.issues.truncated');
  const listed = problems.slice(0, issues.room);
  const positions = listed.length > 0 ? locate(listed.map((i) => i.path)) : new Map<string, TextPosition>();
  for (const issue of problems) {
    const position = positions.get(issue.path);
    const key = rowOf(issue.path);
    const row = key === undefined ? undefined : { key, ...(position && { line: position.line }) };
    issues.add(issue.code, issue.path, { ...issue.params, ...position }, row);
  }
  for (const issue of found) {
    if (issue.code === 'org.issues.truncated') issues.addUnlisted(Number(issue.params.total) - Number(issue.params.shown));
  }
}
