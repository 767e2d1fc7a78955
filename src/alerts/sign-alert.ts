import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every signing secret starts so, as Stripe's do: a leaked one is recognizable. */
const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes. It is stored as it is, since signing needs it, and shown once. */
export function newAlertSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * The `X-Attain-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>`. The
 * timestamp is signed with the body so that a receiver can refuse an old message replayed.
 */
export function signAlert(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does with the header: whether it signs this body under the secret, and is at most `toleranceS`
 * seconds old. Compared in constant time.
 */
export function verifyAlertSignature(
  secret: string,
  header: string,
  body: string,
  options: { readonly toleranceS?: number; readonly now?: number } = {},
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceS ?? 300)) return false;
  const expected = signAlert(secret, timestamp, body).slice(`t=${timestamp},v1=`.length);
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'));
}
