import { z } from '@hono/zod-openapi';
import { type ErrorStatus, statusForCode } from '../http-error.js';

/** Problems of one cause, counted over the whole input, with the first few of their lines. */
export const issueGroupSchema = z
  .object({
    code: z.string(),
    path: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    count: z.number().int(),
    lines: z.array(z.number().int()).readonly(),
  })
  .openapi('IssueGroup');

/** One problem of a refused request, in the request's language. */
const issueSchema = z
  .object({
    code: z.string(),
    path: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    /** The issue in the request's language. */
    message: z.string(),
  })
  .openapi('Issue');

/**
 * What every error says besides its code, once in the document: each route's errors refer to it and add the codes
 * they can answer, instead of repeating it (the document was a third of a megabyte).
 */
const errorDetailSchema = z
  .object({
    message: z.string(),
    /** The first issue's path: a JSON path, a CSV column, a parameter's name. */
    path: z.string().exactOptional(),
    file: z.string().exactOptional(),
    issues: z.array(issueSchema).exactOptional(),
    /** An import's problems by cause, counted over the whole file, with the first of their lines. */
    groups: z.array(issueGroupSchema.extend({ message: z.string() }).openapi('IssueGroupMessage')).exactOptional(),
    /** A store fault's or an internal error's: finds the details in the server's log. */
    requestId: z.string().exactOptional(),
  })
  .openapi('ErrorDetail');

/** What every failed request answers: a stable code, attain's words, and where the problem is. */
function errorBodySchema(codes: readonly [string, ...string[]]) {
  return z.object({ error: errorDetailSchema.extend({ code: z.enum(codes) }) });
}

/** Store faults and internal errors: any route that reaches the store may answer them. */
export const FAULT_CODES = [
  'store.unavailable',
  'store.read-only',
  'store.disk-full',
  'store.corrupt',
  'store.fault',
  'internal',
];
/** What the authentication in front of every route but the public ones answers. */
export const AUTH_CODES = ['auth.required', 'auth.invalid', 'auth.rate-limited'];
/** What the input guard in front of every route answers (a NUL in the URL or body, an inexact number, too large). */
export const GUARD_CODES = ['input.malformed', 'request.too-large'];

/**
 * The error responses of a route, by status, from the codes it can answer: each status lists its own codes, so a
 * client can tell from the document which errors to expect. Statuses come from `http-error.ts`, the one place they
 * are decided.
 */
export function errorResponses(codes: readonly string[], options: { readonly public?: boolean } = {}) {
  const all = [...new Set([...codes, ...GUARD_CODES, ...FAULT_CODES, ...(options.public ? [] : AUTH_CODES)])];
  const byStatus = new Map<ErrorStatus, string[]>();
  for (const code of all) {
    const status = statusForCode(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Partial<
    Record<ErrorStatus, { description: string; content: { 'application/json': { schema: ReturnType<typeof errorBodySchema> } } }>
  > = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: list.join(', '),
      content: { 'application/json': { schema: errorBodySchema(list as [string, ...string[]]) } },
    };
  }
  return responses;
}

/** The body of any error, whatever its code: for clients that read errors generically. */
export const anyErrorSchema = errorBodySchema(['error']).extend({
  error: errorBodySchema(['error']).shape.error.extend({ code: z.string() }),
});
export type ErrorBody = z.infer<typeof anyErrorSchema>;
