/** Where JSON text stops being JSON, and what is there: a character, or nothing when the text ends too early. */
export interface JsonSyntaxError {
  readonly offset: number;
  /** The character at the offset (a whole code point), or '' at the end of the text. */
  readonly found: string;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const SIMPLE_ESCAPES = new Set('"\\/bfnrt');
const HEX = /[0-9a-fA-F]/;
const DIGIT = /[0-9]/;
const LITERALS: Readonly<Record<string, string>> = { t: 'true', f: 'false', n: 'null' };

/**
 * The first place text is not JSON, or undefined when `JSON.parse` takes it. Run only after `JSON.parse` has refused
 * a text: on Node 20 its message names no position for most mistakes ("Unexpected token ']', ..."ople": [1,] }" is
 * not valid JSON"), and a person needs the line and column. Iterative, with a stack of open containers, so that
 * deeply nested text cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const open: number[] = [];
  let i = 0;
  const fail = (): JsonSyntaxError => ({ offset: i, found: i < n ? String.fromCodePoint(text.codePointAt(i) as number) : '' });
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === SPACE || c === TAB || c === LF || c === CR; c = text.charCodeAt(++i));
  };
  const string = (): boolean => {
    i++;
    for (;;) {
      if (i >= n) return false;
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === BACKSLASH) {
        i++;
        const e = text[i];
        if (e === undefined) return false;
        if (e === 'u') {
          for (let k = 0; k < 4; k++) if (!HEX.test(text[++i] ?? '')) return false;
        } else if (!SIMPLE_ESCAPES.has(e)) return false;
      }
      i++;
    }
  };
  const digits = (): boolean => {
    if (!DIGIT.test(text[i] ?? '')) return false;
    while (DIGIT.test(text[i] ?? '')) i++;
    return true;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  /** A member's key and colon, at a quote. */
  const key = (): boolean => {
    if (text.charCodeAt(i) !== QUOTE || !string()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };

  // Each turn reads one value, opening a container or reading a scalar, then closes what it ends.
  for (;;) {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        if (c === '{' && !key()) return fail();
        open.push(c.charCodeAt(0));
        continue;
      }
    } else if (c === '"') {
      if (!string()) return fail();
    } else if (c === '-' || (c !== undefined && DIGIT.test(c))) {
      if (!number()) return fail();
    } else if (c !== undefined && LITERALS[c] !== undefined) {
      const word = LITERALS[c] as string;
      for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return fail();
    } else return fail();
    // After a value: close containers, or go on to the next element or member.
    for (;;) {
      skipSpace();
      const top = open[open.length - 1];
      if (top === undefined) return i < n ? fail() : undefined;
      const close = top === 123 ? '}' : ']';
      if (text[i] === close) {
        open.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail();
      i++;
      if (top === 123) {
        skipSpace();
        if (!key()) return fail();
      }
      break;
    }
  }
}
