import type { Catalog } from '../catalog/catalog-types.js';
import { isAttainError } from '../core/attain-error.js';
import { type Day, formatDay, parseDay } from '../core/day.js';
import type { LevelStatus } from '../engine/evaluation-types.js';
import { lifecycleOf } from '../program/lifecycle-of.js';
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
  const head = {
    org: organization.id,
    dataVersion: input.dataVersion,
    catalog: rules.fingerprint,
    expectedRevision: previous?.revision ?? null,
    run,
  };
  try {
    const standing = await standingOf(rules.catalog, organization, asOf, { horizonDays: HORIZON_DAYS });
    const before = previous && previous.error === null ? standingOfStored(previous) : undefined;
    const transitions = await transitionsBetween(rules.catalog, organization, before, standing, {
      dataChanged: previous !== undefined && previous.dataVersion !== input.dataVersion,
      catalogChanged: previous !== undefined && previous.catalog !== rules.fingerprint,
    });
    const lifecycles = standing.levels.map((level) => ({ ...key(level), ...lifecycleFor(input, level, asOf, transitions) }));
    return { ...head, outcome: { kind: 'ok', standing, transitions, lifecycles } };
  } catch (error) {
    const code = isAttainError(error) ? error.code : 'evaluation.failed';
    const message = error instanceof Error ? error.message : String(error);
    return { ...head, outcome: { kind: 'failed', asOf: formatDay(asOf), code, message } };
  }
}

function lifecycleFor(
  input: EvaluationInput,
  level: LevelKey & { readonly status: LevelStatus },
  asOf: Day,
  added: readonly Transition[],
): Lifecycle {
  const same = (l: LevelKey) => l.competency === level.competency && l.option === level.option && l.level === level.level;
  const awards = input.awards.filter(same).map((a) => parseDay(a.awarded) as Day);
  const awarded = awards.filter((d) => d <= asOf).at(-1) ?? null;
  const override = input.overrides.find(same) ?? null;
  const history = [...input.transitions.filter(same), ...added.filter(same)]
    .map((t) => ({ day: parseDay(t.date) as Day, to: t.to }))
    .sort((a, b) => a.day - b.day);
  const statusOn = (day: Day): LevelStatus => {
    let status: LevelStatus = history[0]?.to ?? level.status;
    for (const t of history) {
      if (t.day > day) break;
      status = t.to;
    }
    return day >= asOf ? level.status : status;
  };
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
