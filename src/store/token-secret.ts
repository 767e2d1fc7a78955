import { createHash, randomBytes } from 'node:crypto';

/** Every secret starts so, which lets `authenticate` reject anything else without a query, and scanners spot leaks. */
const SECRET_PREFIX = 'att_';

/** A new token secret: `att_` and 32 random bytes in base64url (256 bits; nothing to guess). */
export function newTokenSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** A token's public id, shown in lists and the audit log. */
export function newTokenId(): string {
  return `tok_${randomBytes(9).toString('base64url')}`;
}

/**
 * What is stored instead of the secret. A fast unsalted hash suffices: the secret is random and long, so there is
 * no dictionary to try, and a lookup by hash needs the same hash every time.
 */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function looksLikeTokenSecret(text: string): boolean {
  return text.startsWith(SECRET_PREFIX) && text.length > SECRET_PREFIX.length;
}
