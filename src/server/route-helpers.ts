import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Day, dayOf, parseDay } from '../core/day.js';
import type { Organization } from '../engine/organization.js';
import type { Actor } from '../store/store.js';
import { type AppEnv, type AppOptions, canRead, canWrite } from './app-env.js';
import { httpErrors } from './http-error.js';

/** Any JSON: responses are the CLI's JSON, documented in the README, not re-declared here. */
export const anyJson = { 'application/json': { schema: z.any() } } as const;
export const orgParams = z.object({ id: z.string().min(1).max(200).openapi({ example: 'contoso' }) });

export function ok(description: string) {
  return { 200: { description, content: anyJson } } as const;
}

/** An organization the token may read; 404 otherwise, whether it exists or not, so no one learns of others. */
export async function readableOrganization(c: Context<AppEnv>, options: AppOptions, id: string): Promise<Organization> {
  if (!canRead(c.get('token'), id)) throw httpErrors.notFound(id);
  const organization = await options.store.getOrganization(id);
  if (!organization) throw httpErrors.notFound(id);
  return organization;
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

/** A date query parameter, or today. */
export function dayParameter(name: string, value: string | undefined, fallback: Day = dayOf(new Date())): Day {
  if (value === undefined || value === '') return fallback;
  const day = parseDay(value);
  if (day === undefined) throw httpErrors.badParameter(name, value, 'a date YYYY-MM-DD');
  return day;
}

export function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw httpErrors.badParameter(name, value, `a whole number of at least ${min}`);
  return n;
}

/** The content type of JSON bodies sent as already serialized text. */
export const JSON_HEADERS = { 'content-type': 'application/json; charset=UTF-8' } as const;

/** What a cached response is filed under: the authenticated token and the whole URL it asked for. */
export function responseKey(c: Context<AppEnv>): string {
  return `${c.get('token').id}\u0000${c.req.url}`;
}
