import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv.js';

const fields = (text: string) => [...readCsv(text).records()].map((r) => r.fields);
const problems = (text: string) => {
  const table = readCsv(text);
  return [...table.records()].flatMap((r) => r.problems ?? []).map((p) => ({ code: p.code, ...table.position(p.offset) }));
};
/** Which records (by index, the header 0) have a structural problem. */
const broken = (text: string) => [...readCsv(text).records()].flatMap((r, i) => (r.problems ? [i] : []));

describe('readCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    expect(fields('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('accepts CRLF, LF and a lone CR as line ends, mixed in one file, and keeps CRLF inside quotes', () => {
    expect(fields('a,b\r\n1,2\n3,4\r5,"6\r\n7"\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6\r\n7'],
    ]);
  });

  it('skips blank lines but keeps empty fields and a quoted empty line', () => {
    expect(fields('\n\na,b\n\n,\n""\n\n')).toEqual([['a', 'b'], ['', ''], ['']]);
  });

  it('places every field at its physical line and column, after multi-line quoted fields too', () => {
    const table = readCsv('h1,h2,h3\n"multi\nline\nvalue",x,"a\r\nb"\nlast,y,z');
    const [, second, third] = table.records();
    expect([0, 1, 2].map((c) => table.position(table.fieldOffset(second as never, c)))).toEqual([
      { line: 2, column: 1 },
      { line: 4, column: 8 },
      { line: 4, column: 10 },
    ]);
    expect([0, 1, 2].map((c) => table.position(table.fieldOffset(third as never, c)))).toEqual([
      { line: 6, column: 1 },
      { line: 6, column: 6 },
      { line: 6, column: 8 },
    ]);
  });

  it('reports an unclosed quote where the field starts, and a stray quote where it is', () => {
    const unclosed = 'a,b\n1,"open\n2,3\n';
    expect(problems(unclosed)).toEqual([{ code: 'import.csv.unterminated-quote', line: 2, column: 3 }]);
    expect(broken(unclosed)).toEqual([1]);
    const stray = 'a,b\n5" screen,x\n"quoted"tail,y\nok,fine\n';
    expect(problems(stray)).toEqual([
      { code: 'import.csv.stray-quote', line: 2, column: 2 },
      { code: 'import.csv.stray-quote', line: 3, column: 9 },
    ]);
    expect(broken(stray)).toEqual([1, 2]);
    expect(fields(stray)[3]).toEqual(['ok', 'fine']);
  });
});
