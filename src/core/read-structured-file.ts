import { AttainError } from './attain-error.js';

/** A parsed JSON or YAML document, with a way back from a JSON path to its line and column in the text. */
export interface StructuredDocument {
  readonly value: unknown;
  readonly locate: (jsonPath: string) => { line?: number; column?: number };
}

/**
 * Parses JSON (by extension or a leading brace) or YAML. YAML is imported only when needed, since it costs more
 * start-up time than the rest of an evaluation of a small organization.
 */
export async function readStructuredFile(file: string, text: string): Promise<StructuredDocument> {
  const looksJson = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  if (looksJson) {
    try {
      return { value: JSON.parse(text), locate: () => ({}) };
    } catch (error) {
      throw new AttainError(
        'input.malformed',
        `${file}: not valid JSON: ${(error as Error).message}`,
        [{ code: 'input.malformed-json', path: '$', params: { detail: (error as Error).message } }],
        file,
      );
    }
  }
  const { LineCounter, parseDocument } = await import('yaml');
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
    throw new AttainError('input.malformed', `${file}: not valid YAML: ${issues[0]?.params.detail}`, issues, file);
  }
  return {
    value: doc.toJS({ maxAliasCount: 1000 }),
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
