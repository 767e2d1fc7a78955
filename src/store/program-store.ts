import type { LevelStatus } from '../engine/evaluation-types.js';
import type { Organization } from '../engine/organization.js';
import type {
  LevelKey,
  LevelStanding,
  Lifecycle,
  LifecycleOverride,
  LifecycleStatus,
  OrganizationStanding,
  Transition,
} from '../program/standing-types.js';
import type { Actor } from './store.js';

/** A level's standing as stored: the evaluation's view and the lifecycle's. */
export interface StoredLevel extends LevelStanding {
  readonly lifecycle: Lifecycle;
}

/** An organization's latest evaluation as stored by a job. */
export interface StoredEvaluation {
  readonly org: string;
  readonly asOf: string;
  readonly dataVersion: string;
  /** The catalog's identity (`id@fingerprint`): a change means the rules changed. */
  readonly catalog: string;
  readonly evaluatedAt: string;
  readonly revision: number;
  readonly nextEvent: string | null;
  readonly warnings: number;
  /** Set when the evaluation failed; the levels are then those of the last evaluation that succeeded. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly levels: readonly StoredLevel[];
}

/** What an evaluation job needs about one organization. */
export interface EvaluationInput {
  readonly organization: Organization;
  readonly dataVersion: string;
  readonly previous: StoredEvaluation | undefined;
  readonly awards: readonly (LevelKey & { readonly awarded: string })[];
  readonly overrides: readonly (LevelKey & LifecycleOverride)[];
  readonly transitions: readonly Transition[];
}

/** What an evaluation job writes about one organization. */
export interface EvaluationWrite {
  readonly org: string;
  readonly dataVersion: string;
  readonly catalog: string;
  /** The revision read with the previous evaluation (null: there was none): a newer one means someone else wrote. */
  readonly expectedRevision: number | null;
  readonly run: string | null;
  readonly outcome:
    | {
        readonly kind: 'ok';
        readonly standing: OrganizationStanding;
        readonly lifecycles: readonly (LevelKey & Lifecycle)[];
        readonly transitions: readonly Transition[];
      }
    | { readonly kind: 'failed'; readonly asOf: string; readonly code: string; readonly message: string };
}

/** A stored transition, with when it was recorded. */
export interface StoredTransition extends Transition {
  readonly id: string;
  readonly recordedAt: string;
}

export const SORTS = ['id', 'name', 'market', 'attained', 'at-risk'] as const;
export type ProgramSort = (typeof SORTS)[number];

/** The operator's filters. A level filter (`competency/option/level`) makes status, lifecycle and at-risk apply to it. */
export interface ProgramFilter {
  readonly level?: string;
  readonly status?: LevelStatus;
  readonly lifecycle?: LifecycleStatus;
  readonly market?: string;
  /** Levels held that the data says will be lost within this many days of the standing's as-of. */
  readonly atRiskWithin?: number;
  /** Part of the organization's id or name, any case. */
  readonly text?: string;
  /** Only organizations whose last evaluation failed. */
  readonly failed?: boolean;
}

export interface ProgramPageRequest extends ProgramFilter {
  readonly sort?: ProgramSort;
  readonly descending?: boolean;
  readonly offset?: number;
  readonly limit?: number;
}

/** One organization on the operator's page. */
export interface ProgramRow {
  readonly id: string;
  readonly name: string | null;
  readonly market: string;
  readonly asOf: string | null;
  readonly evaluatedAt: string | null;
  readonly attained: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly levels: readonly (LevelKey & {
    readonly status: LevelStatus;
    readonly lifecycle: LifecycleStatus;
    readonly atRisk: string | null;
    readonly nextChange: string | null;
  })[];
}

/** One organization × level of an export. */
export interface ExportRow {
  readonly id: string;
  readonly name: string | null;
  readonly market: string;
  readonly as_of: string;
  readonly competency: string;
  readonly option: string;
  readonly level: string;
  readonly status: string;
  readonly lifecycle: string;
  readonly at_risk_date: string | null;
  readonly next_change_date: string | null;
  readonly anniversary: string | null;
}

/** Per level, how many organizations stand where. */
export interface LevelCounts extends LevelKey {
  readonly attained: number;
  readonly notAttained: number;
  readonly undetermined: number;
  readonly atRisk: number;
  readonly byLifecycle: Readonly<Record<LifecycleStatus, number>>;
}

export interface ProgramPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: readonly ProgramRow[];
}

/** What starting a run takes: the kind, the day, the current catalog's fingerprint and, for an impact, the draft. */
export interface RunRequest {
  readonly kind: 'run' | 'impact';
  readonly asOf: string;
  readonly catalog: string;
  /** The draft catalog, validated (an impact's only). */
  readonly draft?: unknown;
  readonly draftName?: string;
}

/** A run of the program or of an impact report, with its progress. */
export interface ProgramRun {
  readonly id: string;
  readonly kind: 'run' | 'impact';
  readonly asOf: string;
  readonly requestedAt: string;
  readonly finishedAt: string | null;
  /** Organizations to evaluate; null until the run has listed them. */
  readonly total: number | null;
  readonly done: number;
  readonly failed: number;
  readonly catalog: string;
  readonly draftName: string | null;
  readonly error: string | null;
}

/** A level whose status differs between the current and the draft catalog. */
export interface ImpactChange extends LevelKey {
  readonly org: string;
  /** Null when the level does not exist in that catalog. */
  readonly before: LevelStatus | null;
  readonly after: LevelStatus | null;
}

/**
 * The program's stored state: what the evaluation jobs write and what the operator and partners read. Reading a
 * standing is a query; nothing here evaluates.
 */
export interface ProgramStore {
  /** Organizations with everything an evaluation job needs, one read for all of them; unknown ids are skipped. */
  readForEvaluation(orgs: readonly string[]): Promise<readonly EvaluationInput[]>;
  /**
   * Writes organizations' evaluations (each organization once), in one transaction: for each, in order, false when
   * another job wrote that organization's evaluation since it was read (read it again and retry).
   */
  writeEvaluations(writes: readonly EvaluationWrite[]): Promise<readonly boolean[]>;
  /**
   * Of these organizations, those whose stored evaluation succeeded and is already of their current data, under
   * this catalog and as of this day: evaluating them again would change nothing.
   */
  alreadyEvaluated(orgs: readonly string[], catalog: string, asOf: string): Promise<ReadonlySet<string>>;
  /** The day the program was last run as of; jobs for single organizations use it. Null before any run. */
  programAsOf(): Promise<string | null>;
  evaluation(org: string): Promise<StoredEvaluation | undefined>;
  transitions(org: string, options?: { readonly limit?: number }): Promise<readonly StoredTransition[]>;
  recordAward(org: string, level: LevelKey, awarded: string, actor: Actor): Promise<void>;
  recordOverride(org: string, level: LevelKey, override: LifecycleOverride | null, actor: Actor): Promise<void>;
  page(request: ProgramPageRequest): Promise<ProgramPage>;
  counts(): Promise<readonly LevelCounts[]>;
  /** Every organization × level the filter matches, for a CSV export. */
  exportRows(filter: ProgramFilter): Promise<readonly ExportRow[]>;
  /** Starts a run (queuing its first job in the same transaction) and returns it. */
  startRun(input: RunRequest): Promise<ProgramRun>;
  run(id: string): Promise<ProgramRun | undefined>;
  runs(kind: 'run' | 'impact', limit?: number): Promise<readonly ProgramRun[]>;
  impactChanges(run: string, options?: { readonly offset?: number; readonly limit?: number }): Promise<readonly ImpactChange[]>;
}
