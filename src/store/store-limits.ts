import { AttainError } from '../core/attain-error.js';

/** The most rows one read of a list returns, whatever the caller asks. */
export const MAX_LIMIT = 10_000;

/** A caller's row limit, capped at `MAX_LIMIT`; `store.limit.invalid` for anything but a whole number ≥ 0. */
export function checkLimit(limit: number): number {
  if (Number.isInteger(limit) && limit >= 0) return Math.min(limit, MAX_LIMIT);
  throw new AttainError('store.limit.invalid', `limit must be a whole number of at least 0, not ${limit}`, [
    { code: 'store.limit.invalid', path: '$.limit', params: { limit: String(limit) } },
  ]);
}

/** The store's error for an organization that does not exist. */
export function organizationNotFound(id: string): AttainError {
  return new AttainError('store.not-found', `there is no organization "${id}"`, [
    { code: 'store.not-found', path: '$.org', params: { id } },
  ]);
}
