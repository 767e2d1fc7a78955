import { readFile } from 'node:fs/promises';
import type { Document, LineCounter } from 'yaml';
import { AttainError, type Issue } from './attain-error.js';
import { decodeUtf8 } from './decode-utf8.js';
import { findInexactNumber } from './inexact-number.js';
import { findJsonSyntaxError } from './json-syntax-error.js';
import { positionOf } from './position-of.js';

/** A parsed JSON or YAML document, with a way back from a JSON path to its line and column in the text. */
export interface StructuredDocument {
  readonly value: unknown;
  readonly locate: (jsonPath: string) => { line?: number; column?: number };
}

/** The YAML library's parts a reader needs: imported by the caller, eagerly or only when a file is YAML. */
export type YamlParser = Pick<typeof import('yaml'), 'LineCounter' | 'parseDocument'>;

/**
 * Reads a file's text: anything the system refuses (missing, a directory, no permission, too many open files) is
 * `input.unreadable` with the system's code as the reason, so no command shows a stack trace for it.
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  return decodeUtf8(bytes, file);
}

/** The coded refusal of a file the system would not let us read. */
export function unreadable(file: string, error: unknown): AttainError {
  const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
  return new AttainError(
    'input.unreadable',
    `${file}: cannot read the file (${reason})`,
    [{ code: 'input.unreadable', path: '$', params: { reason } }],
    file,
  );
}

/**
 * Parses JSON (by extension or a leading brace) or YAML. YAML is imported only when needed, since it costs more
 * start-up time than the rest of an evaluation of a small organization. Refused as `input.malformed`, as every
 * reader refuses them: a NUL anywhere, a syntax error (with its line, column and the text around it), a number a
 * double would change, YAML aliases that repeat too much.
 */
export async function readStructuredFile(file: string, text: string): Promise<StructuredDocument> {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw malformed(file, 'a NUL character', [{ code: 'input.nul', path: '$', params: positionOf(text, nul) }]);
  const looksJson = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  if (looksJson) {
    const read = parseJson(text);
    if ('issues' in read) throw malformed(file, 'not valid JSON', read.issues);
    return { value: read.value, locate: () => ({}) };
  }
  const [yaml, { yamlValue }] = await Promise.all([import('yaml'), import('./yaml-value.js')]);
  const parsed = parseYaml(yaml, text);
  if ('issues' in parsed) throw malformed(file, 'not valid YAML', parsed.issues);
  const { doc, lineCounter } = parsed;
  const read = yamlValue(doc, text, lineCounter);
  if ('issues' in read) throw malformed(file, 'the YAML cannot be read', read.issues);
  return {
    value: read.value,
    locate: (jsonPath) => {
      const keys = [...jsonPath.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1] : Number(m[2])));
      for (let n = keys.length; n >= 0; n--) {
        const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return {};
    },
  };
}

/**
 * JSON text's value, or the one issue that refuses it: the first syntax error at its line and column, with what is
 * there and the text around it (`input.malformed-json`), else the first number a double would change. Every reader
 * of JSON (evaluate, catalogs, imports, NDJSON lines) says a mistake the same way; `line` counts from the line a
 * fragment starts on (an NDJSON record's).
 */
export function parseJson(text: string, line = 1): { value: unknown } | { issues: Issue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const at = findJsonSyntaxError(text);
    // JSON.parse refused what the scanner takes: only its own limits (a string past the engine's maximum length).
    if (at === undefined) return { issues: [{ code: 'input.malformed-json', path: '$', params: { detail } }] };
    // A text that ends too early is shown where its last word ends, not on the blank line after it.
    const offset = at.found === '' ? text.trimEnd().length : at.offset;
    const where = shifted(positionOf(text, offset), line);
    const params = { detail, found: at.found, ...where, ...excerptAt(text, offset) };
    return { issues: [{ code: 'input.malformed-json', path: '$', params }] };
  }
  const inexact = findInexactNumber(text);
  if (inexact) {
    const params = { value: inexact.literal, ...shifted(positionOf(text, inexact.offset), line) };
    return { issues: [{ code: 'input.number.inexact', path: '$', params }] };
  }
  return { value };
}

/**
 * A YAML document, or the one issue that refuses it. Only the first syntax error is reported: after a tab used as
 * indentation, say, the parser adds errors about the lines it then misreads, which only mislead.
 */
export function parseYaml(yaml: YamlParser, text: string): { doc: Document; lineCounter: LineCounter } | { issues: Issue[] } {
  const lineCounter = new yaml.LineCounter();
  let doc: Document;
  try {
    doc = yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The parser collects syntax errors; what it throws is a limit of its own (nesting too deep for its stack).
    const detail = (error as Error).message;
    const params = error instanceof RangeError ? { detail, reason: 'NESTED_TOO_DEEPLY' } : { detail };
    return { issues: [{ code: 'input.malformed-yaml', path: '$', params }] };
  }
  const first = doc.errors.reduce<(typeof doc.errors)[number] | undefined>(
    (a, e) => (a === undefined || e.pos[0] < a.pos[0] ? e : a),
    undefined,
  );
  if (first === undefined) return { doc, lineCounter };
  const pos = lineCounter.linePos(first.pos[0]);
  const params = {
    detail: first.message.split('\n')[0] ?? '',
    reason: first.code,
    line: pos.line,
    column: pos.col,
    ...excerptAt(text, first.pos[0]),
  };
  return { issues: [{ code: 'input.malformed-yaml', path: '$', params }] };
}

/** How much of the line around a mistake is shown, on each side. */
const EXCERPT_SIDE = 30;

/**
 * The line around an offset, cut to a few words each side and with control characters escaped, so a person sees
 * what is there (a tab is `\t`); nothing for a blank line.
 */
export function excerptAt(text: string, offset: number): { excerpt?: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const from = Math.max(start, offset - EXCERPT_SIDE);
  const to = Math.min(end, offset + EXCERPT_SIDE);
  const shown = text
    .slice(from, to)
    .replace(/\r$/, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    .replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .trim();
  if (shown === '') return {};
  return { excerpt: `${from > start ? '…' : ''}${shown}${to < end ? '…' : ''}` };
}

function shifted(position: { line: number; column: number }, line: number): { line: number; column: number } {
  return { line: position.line + line - 1, column: position.column };
}

function malformed(file: string, why: string, issues: readonly Issue[]): AttainError {
  return new AttainError('input.malformed', `${file}: ${why}`, issues, file);
}
