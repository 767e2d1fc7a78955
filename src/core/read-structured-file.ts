import { AttainError, type Issue } from './attain-error.js';
import { findInexactNumber } from './inexact-number.js';
import { positionOf } from './position-of.js';

/** A parsed JSON or YAML document, with a way back from a JSON path to its line and column in the text. */
export interface StructuredDocument {
  readonly value: unknown;
  readonly locate: (jsonPath: string) => { line?: number; column?: number };
}

/**
 * Parses JSON (by extension or a leading brace) or YAML. YAML is imported only when needed, since it costs more
 * start-up time than the rest of an evaluation of a small organization. Refused as `input.malformed`, as every
 * reader refuses them: a NUL anywhere, a number a double would change, YAML aliases that repeat too much.
 */
export async function readStructuredFile(file: string, text: string): Promise<StructuredDocument> {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw malformed(file, 'a NUL character', [{ code: 'input.nul', path: '$', params: positionOf(text, nul) }]);
  const looksJson = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  if (looksJson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw malformed(file, `not valid JSON: ${(error as Error).message}`, [
        { code: 'input.malformed-json', path: '$', params: { detail: (error as Error).message } },
      ]);
    }
    const inexact = findInexactNumber(text);
    if (inexact) {
      const params = { value: inexact.literal, ...positionOf(text, inexact.offset) };
      throw malformed(file, `the number ${inexact.literal} cannot be read exactly`, [
        { code: 'input.number.inexact', path: '$', params },
      ]);
    }
    return { value, locate: () => ({}) };
  }
  const [{ LineCounter, parseDocument }, { yamlValue }] = await Promise.all([import('yaml'), import('./yaml-value.js')]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return {
        code: 'input.malformed-yaml',
        path: '$',
        params: { detail: e.message.split('\n')[0] ?? '', line: pos.line, column: pos.col },
      };
    });
    throw malformed(file, `not valid YAML: ${issues[0]?.params.detail}`, issues);
  }
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

function malformed(file: string, why: string, issues: readonly Issue[]): AttainError {
  return new AttainError('input.malformed', `${file}: ${why}`, issues, file);
}
