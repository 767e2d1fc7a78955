import { AttainError, type Issue } from './attain-error.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Text from bytes that must be UTF-8, or `input.malformed` with the byte offset (0-based, as hex editors show it),
 * line and column of the first byte that is not. Decoding replaced such bytes with U+FFFD, so a file saved in
 * another encoding (Big5, EUC-KR, Latin-1) was stored with its names silently broken.
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    const issue = utf8Issue(bytes);
    const where = file ? `${file}: ` : '';
    const { offset, line } = issue.params;
    throw new AttainError('input.malformed', `${where}not UTF-8 text (byte ${offset}, line ${line})`, [issue], file);
  }
}

/** Where the first invalid byte sequence is. */
function utf8Issue(bytes: Uint8Array): Issue {
  const offset = firstInvalid(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = strict.decode(bytes.subarray(lineStart, offset)).length + 1;
  return { code: 'input.utf8', path: '$', params: { offset, line, column } };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The sequence's length, and the range its second byte must fall in (no overlong forms, no surrogates, ≤ U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
