import { AttainError } from '../core/attain-error.js';

/**
 * Faults of the store itself, not of the request: its disk is full, its files cannot be written, the database does not
 * answer, or it holds data attain cannot read. A request that meets one may succeed later, unchanged.
 */
export const STORE_FAULTS = ['store.disk-full', 'store.read-only', 'store.unavailable', 'store.corrupt', 'store.fault'] as const;
export type StoreFaultCode = (typeof STORE_FAULTS)[number];

/**
 * A store fault. Its message is attain's own words; `detail` is what the database or the file system said, which
 * can name tables, files and stored values: it is for the server's log, never for a client.
 */
export class StoreFault extends AttainError {
  constructor(
    code: StoreFaultCode,
    message: string,
    readonly detail: string,
    params: Readonly<Record<string, string | number>> = {},
  ) {
    super(code, message, [{ code, path: '$', params }]);
  }
}

/** SQLSTATEs (PostgreSQL's and PGlite's alike) and Node's errno codes, by the fault they mean. */
const BY_SQLSTATE: Readonly<Record<string, StoreFaultCode>> = {
  '53100': 'store.disk-full',
  '25006': 'store.read-only',
  '53300': 'store.unavailable',
  '57P01': 'store.unavailable',
  '57P02': 'store.unavailable',
  '57P03': 'store.unavailable',
  XX001: 'store.corrupt',
  XX002: 'store.corrupt',
};
const BY_ERRNO: Readonly<Record<string, StoreFaultCode>> = {
  ENOSPC: 'store.disk-full',
  EDQUOT: 'store.disk-full',
  EROFS: 'store.read-only',
  EACCES: 'store.read-only',
  EPERM: 'store.read-only',
  ECONNREFUSED: 'store.unavailable',
  ECONNRESET: 'store.unavailable',
  ETIMEDOUT: 'store.unavailable',
  EPIPE: 'store.unavailable',
  EHOSTUNREACH: 'store.unavailable',
  ENOTFOUND: 'store.unavailable',
  EAI_AGAIN: 'store.unavailable',
};
const MESSAGES: Readonly<Record<StoreFaultCode, string>> = {
  'store.disk-full': "the store's disk is full; writes are refused until space is freed",
  'store.read-only': "the store's files cannot be written; writes are refused until they can be",
  'store.unavailable': 'the database does not answer; try again shortly',
  'store.corrupt': 'the store holds data attain cannot read',
  'store.fault': 'the store failed; see the server log',
};
/** The file system's words inside PostgreSQL's "could not write file" errors (SQLSTATE 42501 covers table grants too). */
const FILE_NOT_WRITABLE = /Permission denied|Read-only file system|Operation not permitted/;
/** What `pg` says, without a code, when its connection breaks. */
const CONNECTION_LOST =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** The fault of this code, in attain's words. */
export function storeFault(code: StoreFaultCode, detail: string, params: Readonly<Record<string, string | number>> = {}) {
  return new StoreFault(code, MESSAGES[code], detail, params);
}

export function isStoreFault(error: unknown): error is AttainError {
  return error instanceof AttainError && (STORE_FAULTS as readonly string[]).includes(error.code);
}

/**
 * The store fault an error means, or undefined when it is not one (a bug, or an input problem). Reads and writes of
 * both backends fail this way; the server answers each with a 5xx and its code, and logs what the database said.
 */
export function storeFaultOf(error: unknown): AttainError | undefined {
  if (isStoreFault(error)) return error;
  if (error instanceof AttainError || typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = String(message ?? '');
  if (typeof code === 'string') {
    const known = BY_SQLSTATE[code] ?? BY_ERRNO[code];
    if (known) return storeFault(known, `${code}: ${text}`);
    if (code === '42501' && FILE_NOT_WRITABLE.test(text)) return storeFault('store.read-only', `${code}: ${text}`);
    // Connection exceptions (class 08), other resource limits (53) and system errors (58: I/O, missing files).
    if (/^08/.test(code)) return storeFault('store.unavailable', `${code}: ${text}`);
    if (/^(53|58)/.test(code) || code === 'XX000') return storeFault('store.fault', `${code}: ${text}`);
  }
  if (CONNECTION_LOST.test(text)) return storeFault('store.unavailable', text);
  // PGlite's WebAssembly stopped (an abort inside PostgreSQL): nothing more can be asked of it.
  if (error instanceof Error && error.name === 'RuntimeError') return storeFault('store.fault', text);
  return undefined;
}
