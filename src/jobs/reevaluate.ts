import type { Catalog } from '../catalog/catalog-types.js';
import { isAttainError } from '../core/attain-error.js';
import { type Day, formatDay, parseDay } from '../core/day.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import { levelKey } from '../program/level-changes.js';
import { lifecycleOf, statusOnFromTransitions } from '../program/lifecycle-of.js';
import { standingOf } from '../program/standing-of.js';
import type { LevelKey, Lifecycle, OrganizationStanding, Transition } from '../program/standing-types.js';
import { transitionsBetween } from '../program/transitions-between.js';
import type { EvaluationInput, EvaluationWrite, StoredEvaluation } from '../store/program-store.js';

/** How far ahead a stored standing looks for losses: the operator's at-risk window. */
export const HORIZON_DAYS = 90;

/** The rules a job evaluates with: the compiled catalog and its fingerprint (`catalogFingerprint`). */
export interface Rules {
  readonly catalog: Catalog;
  readonly fingerprint: string;
}

/**
 * One organization's new standing, the transitions since its previous one, and each level's lifecycle: what an
 * evaluation job writes. An evaluation that fails is returned as a failure with its code, never thrown, so that
 * one organization cannot stop a run.
 */
export async function reevaluate(rules: Rules, input: EvaluationInput, asOf: Day, run: string | null): Promise<EvaluationWrite> {
  const { organization, previous } = input;
  try {
    const standing = await standingOf(rules.catalog, organization, asOf, { horizonDays: HORIZON_DAYS });
    const before = previous && previous.error === null ? standingOfStored(previous) : undefined;
    const transitions = await transitionsBetween(rules.catalog, organization, before, standing, {
      dataChanged: previous !== undefined && previous.dataVersion !== input.dataVersion,
      catalogChanged: previous !== undefined && previous.catalog !== rules.fingerprint,
    });
    const lifecycles = standing.levels.map((level) => ({ ...key(level), ...lifecycleFor(input, level, asOf, transitions) }));
    return { ...writeHead(rules, input, run), outcome: { kind: 'ok', standing, transitions, lifecycles } };
  } catch (error) {
    return failedWrite(rules, input, asOf, run, error);
  }
}

/** The write that records an organization's evaluation as failed, with the error's code. */
export function failedWrite(
  rules: Rules,
  input: EvaluationInput,
  asOf: Day,
  run: string | null,
  error: unknown,
): EvaluationWrite {
  const code = isAttainError(error) ? error.code : 'evaluation.failed';
  const message = error instanceof Error ? error.message : String(error);
  return { ...writeHead(rules, input, run), outcome: { kind: 'failed', asOf: formatDay(asOf), code, message } };
}

function writeHead(rules: Rules, input: EvaluationInput, run: string | null): Omit<EvaluationWrite, 'outcome'> {
  return {
    org: input.organization.id,
    dataVersion: input.dataVersion,
    catalog: rules.fingerprint,
    expectedRevision: input.previous?.revision ?? null,
    run,
  };
}

function lifecycleFor(
  input: EvaluationInput,
  level: LevelKey & { readonly status: LevelStatus },
  asOf: Day,
  added: readonly Transition[],
): Lifecycle {
  const key = levelKey(level);
  const same = (l: LevelKey) => levelKey(l) === key;
  const awards = input.awards.filter(same).map((a) => parseDay(a.awarded) as Day);
  const awarded = awards.filter((d) => d <= asOf).at(-1) ?? null;
  const override = input.overrides.find(same) ?? null;
  const history = [...input.transitions.filter(same), ...added.filter(same)];
  // Before attain first stood the level, it is taken to have stood as it was first seen.
  const earliest = history.reduce<Transition | undefined>((e, t) => (e === undefined || t.date < e.date ? t : e), undefined);
  const recorded = statusOnFromTransitions(history, earliest?.to ?? level.status);
  const statusOn = (day: Day): LevelStatus => (day >= asOf ? level.status : recorded(day));
  return lifecycleOf({
    asOf,
    awarded,
    override: override && { status: override.status, until: override.until, reason: override.reason },
    statusOn,
  });
}

/** The previous standing as `transitionsBetween` compares it. */
function standingOfStored(previous: StoredEvaluation): OrganizationStanding {
  return {
    org: previous.org,
    asOf: previous.asOf,
    horizonDays: HORIZON_DAYS,
    levels: previous.levels.map(({ lifecycle: _, ...level }) => level),
    nextEvent: previous.nextEvent,
    warnings: previous.warnings,
  };
}

function key(level: LevelKey): LevelKey {
  return { competency: level.competency, option: level.option, level: level.level };
}
