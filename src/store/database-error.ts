import { AttainError } from '../core/attain-error.js';

/** PostgreSQL's SQLSTATEs for a broken reference and a duplicate key, as both drivers report them. */
const FOREIGN_KEY_VIOLATION = '23503';
const UNIQUE_VIOLATION = '23505';

/**
 * Turns a constraint violation into an `AttainError` a caller can show (`store.reference.unknown`,
 * `store.duplicate`); anything else is a fault, not an input problem, and passes through unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof AttainError || typeof error !== 'object' || error === null) return error;
  const { code, constraint, detail, message } = error as {
    code?: unknown;
    constraint?: unknown;
    detail?: unknown;
    message?: unknown;
  };
  const params = { constraint: String(constraint ?? ''), detail: String(detail ?? message ?? '') };
  if (code === FOREIGN_KEY_VIOLATION) {
    return new AttainError('store.reference.unknown', `a record refers to something not stored: ${params.detail}`, [
      { code: 'store.reference.unknown', path: '$', params },
    ]);
  }
  if (code === UNIQUE_VIOLATION) {
    return new AttainError('store.duplicate', `a record repeats a key: ${params.detail}`, [
      { code: 'store.duplicate', path: '$', params },
    ]);
  }
  return error;
}
