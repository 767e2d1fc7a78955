import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { locateJsonPaths } from './locate-json-paths.js';

/** The reference: the YAML library's positions, which are right but slow on large files. */
function byYaml(text: string, path: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const keys = [...path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] as string) : Number(m[2])));
  const node = doc.getIn(keys, true) as { range: [number, number, number] };
  const pos = lines.linePos(node.range[0]);
  return { line: pos.line, column: pos.col };
}

/** Every path into a JSON value, as the organization validator writes them. */
function pathsOf(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((v, i) => pathsOf(v, `${path}[${i}]`))];
  if (typeof value === 'object' && value !== null) {
    return [path, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, `${path}.${k}`))];
  }
  return [path];
}

describe('locateJsonPaths', () => {
  it('finds values after escaped quotes, in keys with escapes, at any indentation', () => {
    const text = '[\n  {"a\\"b": "x\\\\", "k\\u0041": [1, {"z": "\\"]"}]},\n  {"amount": "12,50"}\n]';
    const found = locateJsonPaths(text, ['$[1].amount', '$[0].kA[1].z', '$[0].a"b']);
    expect(found.get('$[1].amount')).toEqual({ line: 3, column: 14 });
    expect(found.get('$[0].kA[1].z')).toEqual({ line: 2, column: 40 });
    expect(found.get('$[0].a"b')).toEqual({ line: 2, column: 12 });
  });

  it('places a missing field at its record, and skips any nesting it does not need without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `[{"other": ${deep}, "x": 1},\n {"customer": "c"}]`;
    expect(locateJsonPaths(text, ['$[1].amount', '$[0].x'])).toEqual(
      new Map([
        ['$[1].amount', { line: 2, column: 2 }],
        ['$[0].x', { line: 1, column: text.indexOf('1}') + 1 }],
      ]),
    );
  });

  it('agrees with the YAML library on every path of arbitrary JSON', () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !/[.[\]]/.test(k));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 0 }),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 1, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        const paths = pathsOf(JSON.parse(text));
        const found = locateJsonPaths(text, paths);
        for (const path of paths) expect(found.get(path), path).toEqual(byYaml(text, path));
      }),
      { numRuns: 200 },
    );
  });
});
