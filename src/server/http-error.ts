import { AttainError, type Issue } from '../core/attain-error.js';
import type { Locale } from '../core/localized.js';
import { issue, type MessageParams } from '../core/message-params.js';
import { Formatter } from '../render/formatter.js';
import { isMessageCode, MESSAGES, type Messages } from '../render/messages.js';
import { renderFinding } from '../render/render-text.js';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503 | 507;

/** The HTTP status of each error code that is not a plain bad request. Decided here and nowhere else. */
const STATUS: Readonly<Record<string, ErrorStatus>> = {
  'auth.required': 401,
  'auth.invalid': 401,
  'auth.forbidden': 403,
  'auth.rate-limited': 429,
  'org.not-found': 404,
  'token.not-found': 404,
  'alert.not-found': 404,
  'route.not-found': 404,
  'request.too-large': 413,
  // Another writer changed the organization meanwhile, again and again: the same request may succeed later.
  'import.busy': 409,
  'store.conflict': 409,
  // Another organization lists the individual: the request can succeed once they are removed there.
  'org.mcid.taken': 409,
  'org.mcid.taken-elsewhere': 409,
  // The server is busy or the request too heavy for now; the same request may succeed later.
  'compute.timeout': 503,
  // The store's faults, never the request's (see store-fault.ts): the same request may succeed once they clear.
  'store.disk-full': 507,
  'store.read-only': 503,
  'store.unavailable': 503,
  'store.corrupt': 500,
  'store.fault': 500,
};

export function statusFor(error: AttainError): ErrorStatus {
  return statusForCode(error.code);
}

export function statusForCode(code: string): ErrorStatus {
  return STATUS[code] ?? (code === 'internal' ? 500 : 400);
}

/**
 * The body of a store fault or an internal error: the code and attain's own words in the client's language, and the
 * request id that finds the rest in the server's log. Never what the database said: it can name tables, files and
 * stored values.
 */
export function faultBody(code: string, locale: Locale, requestId: string) {
  const message = renderFinding(isMessageCode(code) ? code : 'internal', {}, new Formatter(locale, undefined), MESSAGES[locale]);
  return { error: { code, message, requestId } };
}

/** The error body every failed request gets: `{ error: { code, message, path?, issues? } }`, issues in words too. */
export function errorBody(error: AttainError, locale: Locale) {
  const f = new Formatter(locale, undefined);
  const m = MESSAGES[locale];
  const issues = error.issues.map((issue: Issue) => ({ ...issue, message: renderFinding(issue.code, issue.params, f, m) }));
  const first = error.issues[0];
  const message = localizedMessage(error, issues, locale, f, m);
  return {
    error: {
      code: error.code,
      message,
      ...(first && { path: first.path }),
      ...(error.file && { file: error.file }),
      ...(issues.length > 0 && { issues }),
      // An import's problems by cause, counted over the whole file: additive, for clients that show them grouped.
      ...(error.groups && { groups: error.groups.map((g) => ({ ...g, message: renderFinding(g.code, g.params, f, m) })) }),
    },
  };
}

/**
 * The error's message in the client's language where attain has words for it: an error that is its one issue (a bad
 * parameter, say) is said like its issues; a refusal without issues (not signed in, not found) by its code's
 * template, except in English, whose message names the specifics. Otherwise the message as the code wrote it.
 */
function localizedMessage(
  error: AttainError,
  issues: readonly { readonly code: string; readonly message: string }[],
  locale: Locale,
  f: Formatter,
  m: Messages,
): string {
  const [only] = issues;
  if (issues.length === 1 && only?.code === error.code) return only.message;
  if (issues.length === 0 && locale !== 'en' && isMessageCode(error.code)) return renderFinding(error.code, {}, f, m);
  return error.message;
}

/** Shorthands for the errors the routes raise themselves. */
export const httpErrors = {
  notFound: (org: string) => new AttainError('org.not-found', `no organization "${org}"`, []),
  forbidden: (why: string) => new AttainError('auth.forbidden', why, []),
  /** A query parameter that is not a date (`min` absent) or not a whole number of at least `min`. */
  badParameter: (name: string, value: string, min?: number) => {
    const params: MessageParams['request.parameter'] =
      min === undefined ? { name, value, expected: 'date' } : { name, value, expected: 'whole-number', min };
    const text = renderFinding('request.parameter', params, new Formatter('en', undefined), MESSAGES.en);
    return new AttainError('request.parameter', text, [issue('request.parameter', name, params)]);
  },
};
