import { type Document, LineCounter, parseDocument } from 'yaml';
import type { ImportIssues } from './import-issues.js';

const JSON_POSITION = /at position (\d+)/;
const PATH_STEP = /\.([^.[\]]+)|\[(\d+)\]/g;

/** Parses JSON, or refuses the file with the parser's reason and, when it gives one, the line and column. */
export function parseJsonText(text: string, issues: ImportIssues): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const offset = JSON_POSITION.exec(detail)?.[1];
    return issues.fail('input.malformed-json', '$', { detail, ...(offset === undefined ? {} : position(text, Number(offset))) });
  }
}

/** Parses YAML (synchronously, unlike the CLI's file reader: a plan is computed without I/O or awaiting). */
export function parseYamlText(text: string, issues: ImportIssues): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      issues.add('input.malformed-yaml', '$', { detail: e.message.split('\n')[0] ?? '', line: pos.line, column: pos.col });
    }
    issues.throwIfAny();
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    return issues.fail('input.malformed-yaml', '$', { detail: (error as Error).message });
  }
}

/**
 * Finds the line and column of a JSON path (`$[3].amount`, `$.people[0].exams[1]`) in JSON or YAML text, or of its
 * nearest ancestor that has one. Parses the text again with positions, so it is only called once a file has problems.
 */
export function pathLocator(text: string): (path: string) => { line?: number; column?: number } {
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  return (path) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false }), lines };
    }
    const { doc, lines } = parsed;
    const keys = [...path.matchAll(PATH_STEP)].map((m) => (m[2] === undefined ? (m[1] as string) : Number(m[2])));
    for (let n = keys.length; n >= 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  };
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
