import type { Catalog } from '../../catalog/catalog-types.js';
import type { Day } from '../../core/day.js';
import type { Locale } from '../../core/localized.js';
import type { Organization } from '../../engine/organization.js';
import { reevaluate } from '../../jobs/reevaluate.js';
import { evaluateJointly } from '../../planner/evaluate-jointly.js';
import { planLevel } from '../../planner/plan-level.js';
import { atRiskReport, forecastReport } from '../../service/forecast-report.js';
import { levelOutlook } from '../../service/level-outlook.js';
import { notCounting } from '../../service/not-counting.js';
import type { EvaluationInput } from '../../store/program-store.js';

/** What a task runs on, rebuilt inside the worker thread from what crossed the thread boundary. */
export interface TaskSubject {
  readonly catalog: Catalog;
  readonly organization: Organization;
}

/** A task: plain JSON parameters in, a value whose JSON is the response body out. */
type ComputeTask<P> = (subject: TaskSubject, params: P) => unknown;

/**
 * The heavy computations the server runs off its event loop, by name. Adding a task is one entry here: its
 * parameters must be plain JSON (they are copied to the worker thread), its result is sent back as JSON text.
 */
export const COMPUTE_TASKS = {
  evaluate: ({ catalog, organization }, params: { readonly asOf: Day }) => evaluateJointly(catalog, organization, params),
  plan: (
    { catalog, organization },
    params: {
      readonly target: string;
      readonly asOf: Day;
      readonly maxExamsPerPerson: number | null;
      readonly exclude: readonly string[];
      readonly noHire: boolean;
    },
  ) => {
    const { target, ...options } = params;
    return planLevel(catalog, organization, target, options);
  },
  forecast: async ({ catalog, organization }, params: { readonly from: Day; readonly to: Day; readonly locale: Locale }) =>
    (await forecastReport(catalog, organization, params, params.locale)).report,
  atRisk: ({ catalog, organization }, params: { readonly from: Day; readonly to: Day; readonly locale: Locale }) =>
    atRiskReport(catalog, organization, params, params.locale),
  outlook: ({ catalog, organization }, params: { readonly asOf: Day }) => levelOutlook(catalog, organization, params.asOf),
  /** What of the data counts toward no level, by record, for the data page's pages. */
  notCounting: ({ catalog, organization }, params: { readonly asOf: Day }) => notCounting(catalog, organization, params.asOf),
  /** An evaluation job's work for one organization, when the jobs share a process with the API. */
  reevaluate: (
    { catalog, organization },
    params: {
      readonly input: Omit<EvaluationInput, 'organization'>;
      readonly asOf: Day;
      readonly run: string | null;
      readonly fingerprint: string;
    },
  ) => reevaluate({ catalog, fingerprint: params.fingerprint }, { ...params.input, organization }, params.asOf, params.run),
} satisfies Record<string, ComputeTask<never>>;

export type TaskName = keyof typeof COMPUTE_TASKS;
export type TaskParams<N extends TaskName> = Parameters<(typeof COMPUTE_TASKS)[N]>[1];
export type TaskResult<N extends TaskName> = Awaited<ReturnType<(typeof COMPUTE_TASKS)[N]>>;

/** JSON text of a value of type T: sent as it is, and typed as what it encodes. */
export type JsonText<T> = string & { readonly __encodes?: T };

/** Every task's time limit in ms, unless the app is told otherwise: a plan may search, the rest only compute. */
export const DEFAULT_TIME_LIMITS: Readonly<Record<TaskName, number>> = {
  evaluate: 10_000,
  plan: 30_000,
  forecast: 10_000,
  atRisk: 30_000,
  outlook: 30_000,
  notCounting: 10_000,
  reevaluate: 60_000,
};
