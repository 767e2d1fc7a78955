import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AttainError } from '../core/attain-error.js';
import { decodeUtf8 } from '../core/decode-utf8.js';
import { parseJson } from '../core/read-structured-file.js';
import type { Organization } from '../engine/organization.js';
import type { OrganizationRules } from '../engine/organization-rules.js';
import { parseOrganization } from '../engine/parse-organization.js';
import { locateJsonPaths } from './locate-json-paths.js';
import { readOrganizationFile } from './read-organization-file.js';

/** Where an organization was read: its file, and its line in an NDJSON file. */
export interface InputPlace {
  readonly file: string;
  readonly line?: number;
}

/** One organization of the inputs, read and validated, or why it could not be. */
export type OrganizationInput =
  | { readonly place: InputPlace; readonly organization: Organization }
  | { readonly place: InputPlace; readonly error: AttainError };

const CR = 13;

/** Files of one organization per line. */
const NDJSON = /\.(ndjson|jsonl)$/i;
/** What a directory's files must be called to be read: organization files and NDJSON files. */
const ORGANIZATION_FILE = /\.(json|ya?ml|ndjson|jsonl)$/i;

/** `file` or `file:line`, as messages name a place. */
export function formatPlace(place: InputPlace): string {
  return place.line === undefined ? place.file : `${place.file}:${place.line}`;
}

/**
 * The files the arguments name: a file as it is (whatever its name: it is what was asked for), a directory as its
 * organization and NDJSON files, recursively, sorted by path so that every run reads them in the same order.
 * A path that cannot be read is kept, so that reading it reports why.
 */
export async function listOrganizationFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info?.isDirectory()) files.push(given);
    else {
      const entries = await readdir(given, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        // A directory (or one inside it) that cannot be listed is kept as a path, so that reading it says why.
        files.push(error.path ?? given);
        return [];
      });
      const found = entries
        .filter((e) => e.isFile() && ORGANIZATION_FILE.test(e.name))
        .map((e) => path.join(e.parentPath, e.name))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      files.push(...found);
    }
  }
  return files;
}

/** How many organizations the files hold (an NDJSON file's non-blank lines), for progress; cheap next to reading them. */
export async function countOrganizations(files: readonly string[]): Promise<number> {
  let count = 0;
  for (const file of files) {
    if (!NDJSON.test(file)) {
      count++;
      continue;
    }
    try {
      for await (const line of byteLines(file)) if (!isBlank(line)) count++;
    } catch {
      // Unreadable: counted as one, reported when read.
      count++;
    }
  }
  return count;
}

/** Bytes read at a time: lines are found in each chunk by the engine's own search, not byte by byte in JavaScript. */
const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 10;

/**
 * The lines of a file as bytes, without their line feeds, found a chunk at a time; a line longer than a chunk is
 * joined from its pieces. As readline gives them: no line after a final line feed.
 */
async function* byteLines(file: string): AsyncGenerator<Buffer> {
  const pieces: Buffer[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      start = end + 1;
      if (pieces.length === 0) yield piece;
      else {
        pieces.push(piece);
        const line = Buffer.concat(pieces);
        pieces.length = 0;
        yield line;
      }
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start));
  }
  if (pieces.length > 0) yield Buffer.concat(pieces);
}

/** A line of spaces, tabs and carriage returns only (or nothing). */
function isBlank(line: Buffer): boolean {
  for (const byte of line) if (byte !== 32 && byte !== 13 && byte !== 9) return false;
  return true;
}

/**
 * Reads and validates the organizations of the files one at a time, as `attain evaluate` reads each file (the same
 * codes, JSON paths and lines), without stopping at a bad one: an NDJSON file is read line by line, never whole, so
 * that a file of any size takes the memory of its longest line.
 *
 * @param rules the catalog's currency, which needs no `fx` rate, and its markets
 */
export async function* readOrganizationInputs(
  files: readonly string[],
  rules: OrganizationRules,
): AsyncGenerator<OrganizationInput> {
  for (const file of files) {
    if (NDJSON.test(file)) {
      yield* readNdjson(file, rules);
      continue;
    }
    try {
      yield { place: { file }, organization: await readOrganizationFile(file, rules) };
    } catch (error) {
      if (!(error instanceof AttainError)) throw error;
      yield { place: { file }, error };
    }
  }
}

async function* readNdjson(file: string, rules: OrganizationRules): AsyncGenerator<OrganizationInput> {
  // Read as bytes and decoded a line at a time: a line that is not UTF-8 is refused where it stops being UTF-8,
  // where decoding the stream as text would have replaced its bytes with U+FFFD and read on.
  let line = 0;
  /** The byte offset in the file where the line being read starts. */
  let offset = 0;
  try {
    for await (const bytes of byteLines(file)) {
      const start = offset;
      offset += bytes.length + 1;
      const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
      // A lone carriage return inside ends a line too (an old Mac file, or a stray one), as readline ends them.
      let from = 0;
      for (let cr = bytes.indexOf(CR, from); cr >= 0 && cr < end; cr = bytes.indexOf(CR, from)) {
        const input = readLine(file, ++line, start + from, bytes.subarray(from, cr), rules);
        if (input) yield input;
        from = cr + 1;
      }
      const input = readLine(file, ++line, start + from, bytes.subarray(from, end), rules);
      if (input) yield input;
    }
  } catch (error) {
    if (error instanceof AttainError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const issue = { code: 'input.unreadable', path: '$', params: { reason } };
    yield {
      place: { file },
      error: new AttainError('input.unreadable', `${file}: cannot read the file (${reason})`, [issue], file),
    };
  }
}

/**
 * One line of an NDJSON file (without its line feed, and a carriage return before it), or nothing for a blank
 * line: its problems located on that line, as `file: $.path (line:column)`.
 */
function readLine(
  file: string,
  line: number,
  start: number,
  bytes: Buffer,
  rules: OrganizationRules,
): OrganizationInput | undefined {
  const place = { file, line };
  const content = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
  let text: string;
  try {
    text = decodeUtf8(content);
  } catch (error) {
    if (!(error instanceof AttainError)) throw error;
    // Where it is in the file: the byte offset from the file's start, on this line.
    const issues = error.issues.map((i) => ({ ...i, params: { ...i.params, offset: Number(i.params.offset) + start, line } }));
    return { place, error: new AttainError(error.code, `${file}:${line}: not UTF-8 text`, issues, file) };
  }
  if (text.trim() === '') return undefined;
  const read = parseJson(text, line);
  if ('issues' in read) {
    const why = read.issues[0]?.code === 'input.number.inexact' ? 'a number cannot be read exactly' : 'not valid JSON';
    return { place, error: new AttainError('input.malformed', `${file}:${line}: ${why}`, read.issues, file) };
  }
  const document = read.value;
  try {
    return { place, organization: parseOrganization(document, rules) };
  } catch (error) {
    if (!(error instanceof AttainError)) throw error;
    // Located only now that something is wrong: finding positions costs a pass over the line.
    const positions = locateJsonPaths(
      text,
      error.issues.map((i) => i.path),
    );
    const issues = error.issues.map((i) => ({
      ...i,
      params: { ...i.params, line, column: positions.get(i.path)?.column ?? 1 },
    }));
    return { place, error: new AttainError(error.code, `${file}:${line}: ${error.message}`, issues, file) };
  }
}

/** The later of two organizations with one id in one load: refused, naming both places. */
export function duplicateOrganization(id: string, place: InputPlace, first: InputPlace): AttainError {
  const params = { id, first: formatPlace(first), ...(place.line !== undefined && { line: place.line }) };
  return new AttainError(
    'load.duplicate',
    `${formatPlace(place)}: organization "${id}" is already loaded from ${formatPlace(first)}`,
    [{ code: 'load.duplicate', path: '$.id', params }],
    place.file,
  );
}
