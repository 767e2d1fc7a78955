import { AttainError, type Issue } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { Formatter } from '../render/formatter.js';
import { MESSAGES } from '../render/messages.js';
import { renderFinding } from '../render/render-text.js';

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503 | 507;

/** The HTTP status of each error code that is not a plain bad request. Decided here and nowhere else. */
const STATUS: Readonly<Record<string, Status>> = {
  'auth.required': 401,
  'auth.invalid': 401,
  'auth.forbidden': 403,
  'auth.rate-limited': 429,
  'org.not-found': 404,
  'token.not-found': 404,
  'route.not-found': 404,
  'request.too-large': 413,
  // Another writer changed the organization meanwhile, again and again: the same request may succeed later.
  'import.busy': 409,
  'store.conflict': 409,
  // The server is busy or the request too heavy for now; the same request may succeed later.
  'compute.timeout': 503,
  // The store's faults, never the request's (see store-fault.ts): the same request may succeed once they clear.
  'store.disk-full': 507,
  'store.read-only': 503,
  'store.unavailable': 503,
  'store.corrupt': 500,
  'store.fault': 500,
};

export function statusFor(error: AttainError): Status {
  return STATUS[error.code] ?? 400;
}

/**
 * The body of a store fault or an internal error: the code and attain's own words in the client's language, and the
 * request id that finds the rest in the server's log. Never what the database said: it can name tables, files and
 * stored values.
 */
export function faultBody(code: string, locale: Locale, requestId: string) {
  const template = MESSAGES[locale].issues[code] ?? MESSAGES[locale].issues.internal;
  const message = template ? template({}, new Formatter(locale, undefined)) : code;
  return { error: { code, message, requestId } };
}

/** The error body every failed request gets: `{ error: { code, message, path?, issues? } }`, issues in words too. */
export function errorBody(error: AttainError, locale: Locale) {
  const f = new Formatter(locale, undefined);
  const m = MESSAGES[locale];
  const issues = error.issues.map((issue: Issue) => ({ ...issue, message: renderFinding(issue.code, issue.params, f, m) }));
  const first = error.issues[0];
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(first && { path: first.path }),
      ...(error.file && { file: error.file }),
      ...(issues.length > 0 && { issues }),
      // An import's problems by cause, counted over the whole file: additive, for clients that show them grouped.
      ...(error.groups && { groups: error.groups.map((g) => ({ ...g, message: renderFinding(g.code, g.params, f, m) })) }),
    },
  };
}

/** Shorthands for the errors the routes raise themselves. */
export const httpErrors = {
  notFound: (org: string) => new AttainError('org.not-found', `no organization "${org}"`, []),
  forbidden: (why: string) => new AttainError('auth.forbidden', why, []),
  badParameter: (name: string, value: string, expected: string) =>
    new AttainError('request.parameter', `${name} must be ${expected}, not "${value}"`, [
      { code: 'request.parameter', path: name, params: { name, value, expected } },
    ]),
};
