/**
 * The JSON the HTTP API answers, typed from the very schemas the server declares its routes with and writes
 * `/api/openapi.json` from (src/server/contract). Type imports only: zod stays out of the dashboard's bundle.
 */
import type { z } from '@hono/zod-openapi';
import { IMPORT_KINDS as FILE_KINDS } from '../../../src/importers/import-kinds.js';
import type {
  alertDeliveryPageSchema,
  alertSubscriptionListSchema,
  createdAlertSchema,
} from '../../../src/server/contract/alert-schemas.js';
import type { catalogDocumentSchema } from '../../../src/server/contract/catalog-document-schema.js';
import type { ErrorBody } from '../../../src/server/contract/error-responses.js';
import type { evaluationSchema, levelResultSchema } from '../../../src/server/contract/evaluation-schema.js';
import type { forecastSchema } from '../../../src/server/contract/forecast-schema.js';
import type { claimedTwicePageSchema } from '../../../src/server/contract/identity-schemas.js';
import type { outlookSchema } from '../../../src/server/contract/outlook-schema.js';
import type { planSchema } from '../../../src/server/contract/plan-schema.js';
import type {
  impactReportSchema,
  programCountsSchema,
  programPageSchema,
  programRunSchema,
  standingSchema,
  storedEvaluationSchema,
  storedTransitionSchema,
  transitionsSchema,
} from '../../../src/server/contract/program-schemas.js';
import type { customersPageSchema, peoplePageSchema, revenuePageSchema } from '../../../src/server/contract/records-schemas.js';
import type {
  auditPageSchema,
  importResultSchema,
  meSchema,
  organizationDocumentSchema,
  organizationListSchema,
  roleSchema,
  tokenListSchema,
} from '../../../src/server/contract/store-schemas.js';

export type { LifecycleStatus } from '../../../src/program/standing-types.js';
export { LIFECYCLE_STATUSES } from '../../../src/program/standing-types.js';
export type { ProgramSort } from '../../../src/store/program-store.js';

/** `GET /api/me`. */
export type Me = z.infer<typeof meSchema>;
export type Role = z.infer<typeof roleSchema>;
/** `GET /api/catalog`: the catalog document, names in every language. */
export type RawCatalog = z.infer<typeof catalogDocumentSchema>;

/** `GET /api/orgs`. */
export type OrganizationSummary = z.infer<typeof organizationListSchema>['organizations'][number];
/** `GET /api/orgs/{id}`: the organization file. */
export type OrganizationDocument = z.infer<typeof organizationDocumentSchema>;

/** `GET /api/orgs/{id}/people`, `/customers`, `/revenue`: a page of the data page's tables. */
export type PeoplePage = z.infer<typeof peoplePageSchema>;
export type CustomersPage = z.infer<typeof customersPageSchema>;
export type RevenuePage = z.infer<typeof revenuePageSchema>;
export type RecordsPage = PeoplePage | CustomersPage | RevenuePage;

/** `GET /api/orgs/{id}/evaluation`: the JSON of `attain evaluate --format json`. */
export type Evaluation = z.infer<typeof evaluationSchema>;
export type LevelResult = z.infer<typeof levelResultSchema>;
export type LevelStatus = LevelResult['status'];
export type Finding = LevelResult['gaps'][number];
/** `GET /api/orgs/{id}/plan`. */
export type Plan = z.infer<typeof planSchema>;
/** `GET /api/orgs/{id}/forecast`, causes in words too. */
export type Forecast = z.infer<typeof forecastSchema>;
export type ForecastChange = Forecast['changes'][number];

/** `GET /api/orgs/{id}/outlook`. */
export type Outlook = z.infer<typeof outlookSchema>;
export type LevelOutlook = Outlook['levels'][number];
export type NextAction = NonNullable<LevelOutlook['action']>;

/** `GET /api/orgs/{id}/standing`: the stored evaluation, or that the first one is still queued. */
export type Standing = z.infer<typeof standingSchema>;
export type StoredEvaluation = z.infer<typeof storedEvaluationSchema>;
export type StoredLevel = StoredEvaluation['levels'][number];
export type Lifecycle = StoredLevel['lifecycle'];
export type DatedChange = NonNullable<StoredLevel['nextChange']>;
export type Cause = DatedChange['causes'][number];
/** `GET /api/orgs/{id}/transitions`. */
export type StoredTransition = z.infer<typeof transitionsSchema>['transitions'][number];
export type TransitionCause = z.infer<typeof storedTransitionSchema>['cause'];
export type LevelKey = Pick<StoredTransition, 'competency' | 'option' | 'level'>;

/** `GET /api/program/organizations`. */
export type ProgramPage = z.infer<typeof programPageSchema>;
export type ProgramRow = ProgramPage['rows'][number];
/** `GET /api/program/counts`. */
export type ProgramCounts = z.infer<typeof programCountsSchema>;
export type LevelCounts = ProgramCounts['levels'][number];
/** A run of the program or of an impact report (`/api/program/runs`, `/api/program/impacts`). */
export type ProgramRun = z.infer<typeof programRunSchema>;
/** `GET /api/program/impacts/{id}`. */
export type ImpactReport = z.infer<typeof impactReportSchema>;
export type ImpactTotals = ImpactReport['totals'];
export type ImpactChange = ImpactReport['changes'][number];

/** `GET /api/alerts`. */
export type AlertSubscriptionList = z.infer<typeof alertSubscriptionListSchema>;
export type AlertSubscription = AlertSubscriptionList['subscriptions'][number];
/** `POST /api/alerts` and `POST /api/alerts/{id}/secret`: the secret, shown once. */
export type CreatedAlert = z.infer<typeof createdAlertSchema>;
/** `GET /api/alerts/deliveries`. */
export type AlertDeliveryPage = z.infer<typeof alertDeliveryPageSchema>;
export type AlertDelivery = AlertDeliveryPage['deliveries'][number];
export { ALERT_EVENTS, MAX_LEAD_DAYS } from '../../../src/alerts/alert-types.js';
/** `GET /api/people/claimed-twice`: individuals two organizations claim. */
export type ClaimedTwicePage = z.infer<typeof claimedTwicePageSchema>;

/** `GET /api/tokens`. */
export type TokenList = z.infer<typeof tokenListSchema>;
/** `GET /api/audit`. */
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What an import did, or would do on a dry run (`attain import --format json`'s report). */
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportCounts = ImportResult['summary'][keyof ImportResult['summary']];

/** The kinds the importers read, and `auto`: recognized from the file's header. */
export const IMPORT_KINDS = ['auto', ...FILE_KINDS] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * One coded problem of a refused request: a bad row of an import (path = the CSV column's name, or `$[3].amount` in
 * JSON; params.line and params.column = where in the file), a bad field of an organization file. `message` is the
 * problem in the request's language; the dashboard renders `code` + `params` in the chosen language instead.
 */
export type ApiIssue = Omit<NonNullable<ErrorBody['error']['issues']>[number], 'message'> & { readonly message?: string };
/**
 * Problems of one cause in an import, counted over the whole file, with the first few of their lines: a refusal's
 * (which also says each in the request's language) or the rows an import left out.
 */
export type ApiIssueGroup = NonNullable<ImportResult['leftOut']>['groups'][number];
/** Every error's body: `{ error: { code, message, path?, issues? } }`. */
export type { ErrorBody };
