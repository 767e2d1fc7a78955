import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Issue } from '../core/attain-error.js';
import { findInexactNumber } from '../core/inexact-number.js';
import { positionOf } from '../core/position-of.js';
import { yamlValue } from '../core/yaml-value.js';
import type { ImportIssues } from './import-issues.js';
import { locateJsonPaths, pathPrefixes } from './locate-json-paths.js';
import type { TextPosition } from './text-position.js';

const JSON_POSITION = /at position (\d+)/;

/** Where the values at JSON paths start in the text, found for many paths at once. */
export type PathLocator = (paths: readonly string[]) => ReadonlyMap<string, TextPosition>;

/** A parsed JSON or YAML document, with the way back from a JSON path to its line and column. */
export interface StructuredText {
  readonly value: unknown;
  readonly locate: PathLocator;
}

/** Parses JSON, or refuses the file with the parser's reason and, when it gives one, the line and column. */
export function parseJsonText(text: string, issues: ImportIssues): StructuredText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const offset = JSON_POSITION.exec(detail)?.[1];
    const where = offset === undefined ? {} : positionOf(text, Number(offset));
    return issues.fail('input.malformed-json', '$', { detail, ...where });
  }
  const inexact = findInexactNumber(text);
  if (inexact) issues.fail('input.number.inexact', '$', { value: inexact.literal, ...positionOf(text, inexact.offset) });
  return { value, locate: (paths) => locateJsonPaths(text, paths) };
}

/** Parses YAML (synchronously, unlike the CLI's file reader: a plan is computed without I/O or awaiting). */
export function parseYamlText(text: string, issues: ImportIssues): StructuredText {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser collects syntax errors; what it throws is a limit of its own (nesting too deep for its stack).
    return issues.fail('input.malformed-yaml', '$', { detail: (error as Error).message });
  }
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      issues.add('input.malformed-yaml', '$', { detail: e.message.split('\n')[0] ?? '', line: pos.line, column: pos.col });
    }
    issues.stop();
  }
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
