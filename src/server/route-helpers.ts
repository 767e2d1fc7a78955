import { z } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { AttainError } from '../core/attain-error.js';
import { decodeUtf8 } from '../core/decode-utf8.js';
import { findInexactNumber } from '../core/inexact-number.js';
import { MAX_ORGANIZATION_ID_CHARS } from '../core/organization-id.js';
import { positionOf } from '../core/position-of.js';
import type { Organization } from '../engine/organization.js';
import type { Actor } from '../store/store.js';
import { type AppEnv, type AppOptions, canRead, canWrite } from './app-env.js';
import { httpErrors } from './http-error.js';

export const orgParams = z.object({
  id: z.string().min(1).max(MAX_ORGANIZATION_ID_CHARS).openapi({ example: 'contoso' }),
});

/** A JSON response of the given shape. */
export function json<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** An organization the token may read; 404 otherwise, whether it exists or not, so no one learns of others. */
export async function readableOrganization(c: Context<AppEnv>, options: AppOptions, id: string): Promise<Organization> {
  if (!canRead(c.get('token'), id)) throw httpErrors.notFound(id);
  const organization = await options.store.getOrganization(id);
  if (!organization) throw httpErrors.notFound(id);
  return organization;
}

/** Checks that the token may read the organization and that it exists, without reading its records; 404 otherwise. */
export async function assertReadable(c: Context<AppEnv>, options: AppOptions, id: string): Promise<void> {
  if (!canRead(c.get('token'), id) || !(await options.store.hasOrganization(id))) throw httpErrors.notFound(id);
}

/** Checks that the token may change the organization (existing or not). */
export function assertWritable(c: Context<AppEnv>, id: string): void {
  const token = c.get('token');
  if (!canRead(token, id)) throw httpErrors.notFound(id);
  if (!canWrite(token, id)) throw httpErrors.forbidden('a viewer token can only read');
}

export function actorOf(c: Context<AppEnv>): Actor {
  return { kind: 'token', id: c.get('token').id };
}

/** The content type of JSON bodies sent as already serialized text. */
export const JSON_HEADERS = { 'content-type': 'application/json; charset=UTF-8' } as const;

/** What a cached response is filed under: the authenticated token and the whole URL it asked for. */
export function responseKey(c: Context<AppEnv>): string {
  return `${c.get('token').id}\u0000${c.req.url}`;
}

const BODYLESS = new Set(['GET', 'HEAD']);
/** Request bodies as the guard decoded them, for the route to read without decoding them again. */
const bodies = new WeakMap<Request, string>();

/**
 * What every request must be before a route reads it: a URL without NUL (`%00`), and a body that is UTF-8 text
 * with no NUL in it, raw or escaped in JSON, and, when it is JSON, no number a double would change. Decoding had
 * replaced bytes that are not UTF-8 with U+FFFD, and a NUL reached PostgreSQL, which refuses it in text: a 500.
 */
export async function guardInput(c: Context<AppEnv>, next: Next): Promise<void> {
  if (c.req.url.includes('%00')) throw nulIssue('url', {});
  if (!BODYLESS.has(c.req.method)) {
    const text = decodeUtf8(new Uint8Array(await c.req.arrayBuffer()));
    const raw = text.indexOf('\u0000');
    if (raw >= 0) throw nulIssue('$', positionOf(text, raw));
    if (/^\s*[[{]/.test(text)) {
      const escaped = findEscapedNul(text);
      if (escaped >= 0) throw nulIssue('$', positionOf(text, escaped));
      const inexact = findInexactNumber(text);
      if (inexact) {
        throw new AttainError('input.malformed', `the number ${inexact.literal} cannot be read exactly`, [
          { code: 'input.number.inexact', path: '$', params: { value: inexact.literal, ...positionOf(text, inexact.offset) } },
        ]);
      }
    }
    bodies.set(c.req.raw, text);
  }
  await next();
}

/** The request's body as text, as `guardInput` decoded it (or, for a route it did not guard, strictly decoded now). */
export async function bodyText(c: Context<AppEnv>): Promise<string> {
  return bodies.get(c.req.raw) ?? decodeUtf8(new Uint8Array(await c.req.arrayBuffer()));
}

function nulIssue(path: string, where: Readonly<Record<string, number>>): AttainError {
  return new AttainError('input.malformed', 'a NUL character (U+0000) is not allowed', [
    { code: 'input.nul', path, params: where },
  ]);
}

/** The offset of a `\u0000` escape in JSON text (not a `\\u0000`, an escaped backslash before "u0000"), or -1. */
function findEscapedNul(text: string): number {
  for (let at = text.indexOf('\\u0000'); at >= 0; at = text.indexOf('\\u0000', at + 1)) {
    let backslashes = 1;
    while (text.charCodeAt(at - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 1) return at;
  }
  return -1;
}
