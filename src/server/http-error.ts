import { AttainError, type Issue } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { Formatter } from '../render/formatter.js';
import { MESSAGES } from '../render/messages.js';
import { renderFinding } from '../render/render-text.js';

/** The HTTP status of each error code that is not a plain bad request. Decided here and nowhere else. */
const STATUS: Readonly<Record<string, 401 | 403 | 404 | 409 | 413 | 503>> = {
  'auth.required': 401,
  'auth.invalid': 401,
  'auth.forbidden': 403,
  'org.not-found': 404,
  'token.not-found': 404,
  'route.not-found': 404,
  'request.too-large': 413,
  // Another writer changed the organization meanwhile, again and again: the same request may succeed later.
  'import.busy': 409,
  'store.conflict': 409,
  // The server is busy or the request too heavy for now; the same request may succeed later.
  'compute.timeout': 503,
};

export function statusFor(error: AttainError): 400 | 401 | 403 | 404 | 409 | 413 | 503 {
  return STATUS[error.code] ?? 400;
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
