import { ALERT_ROUTES } from './alert-routes.js';
import { AUDIT_ROUTES } from './audit-routes.js';
import { ORGANIZATION_ROUTES } from './organization-routes.js';
import { OUTLOOK_ROUTES } from './outlook-routes.js';
import { PEOPLE_ROUTES } from './people-routes.js';
import { PROGRAM_ROUTES } from './program-routes.js';
import { RECORDS_ROUTES } from './records-routes.js';
import { REPORT_ROUTES } from './report-routes.js';
import { SERVICE_ROUTES } from './service-routes.js';
import { TOKEN_ROUTES } from './token-routes.js';

/**
 * Every route the API serves, with its parameters, responses and errors: what `/api/openapi.json` is written from,
 * what the dashboard's client takes its types from (`import type` only), and what the contract test checks real
 * answers against.
 */
export const API_ROUTES = {
  ...SERVICE_ROUTES,
  ...prefixed('org', ORGANIZATION_ROUTES),
  ...prefixed('records', RECORDS_ROUTES),
  ...prefixed('report', REPORT_ROUTES),
  ...prefixed('outlook', OUTLOOK_ROUTES),
  ...prefixed('program', PROGRAM_ROUTES),
  ...prefixed('people', PEOPLE_ROUTES),
  ...prefixed('token', TOKEN_ROUTES),
  ...prefixed('audit', AUDIT_ROUTES),
  ...prefixed('alerts', ALERT_ROUTES),
} as const;

type Prefixed<P extends string, R> = { readonly [K in keyof R & string as `${P}.${K}`]: R[K] };

function prefixed<P extends string, R extends object>(prefix: P, routes: R): Prefixed<P, R> {
  return Object.fromEntries(Object.entries(routes).map(([k, v]) => [`${prefix}.${k}`, v])) as Prefixed<P, R>;
}
