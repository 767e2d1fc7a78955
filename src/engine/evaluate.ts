import type { Catalog, Competency, CompetencyOption, CompetencyVersion, Level, ProgramPolicy } from '../catalog/catalog-types.js';
import { versionAt } from '../catalog/find-level.js';
import { type Day, dayOf, formatDay } from '../core/day.js';
import { allStatus, levelStanding } from '../kinds/requirement-kind.js';
import { evaluateRequirement, explainRequirement } from '../kinds/requirement-kinds.js';
import { createEvaluationContext, type EvaluationContext } from './evaluation-context.js';
import type { Evaluation, LevelResult } from './evaluation-types.js';
import type { Organization } from './organization.js';

export interface EvaluateOptions {
  /** The date to evaluate at; today (UTC) when absent. */
  readonly asOf?: Day;
  /** Overrides of the catalog's program policy. */
  readonly policy?: Partial<ProgramPolicy>;
}

/** Evaluates every competency, option and level of the catalog for one organization. Never throws on data. */
export function evaluate(catalog: Catalog, organization: Organization, options: EvaluateOptions = {}): Evaluation {
  return evaluateIn(contextOf(catalog, organization, options));
}

/** The context an evaluation with these options starts from: the as-of day (today when absent) and the policy. */
export function contextOf(catalog: Catalog, organization: Organization, options: EvaluateOptions = {}): EvaluationContext {
  const asOf = options.asOf ?? dayOf(new Date());
  return createEvaluationContext(catalog, organization, asOf, { ...catalog.policy, ...options.policy });
}

/**
 * Evaluates every level in a context the caller created, so that the caller can go on from the same state instead
 * of deriving it again (a standing's status tracker starts from it).
 */
export function evaluateIn(context: EvaluationContext): Evaluation {
  const { catalog, organization, asOf, policy } = context;
  const results = catalog.competencies.flatMap((competency) => {
    const version = versionAt(competency, asOf);
    return version.options.flatMap((option) =>
      option.levels.map((level) => evaluateLevel(context, competency, version, option, level)),
    );
  });
  return {
    organization: { id: organization.id, name: organization.name },
    asOf: formatDay(asOf),
    market: organization.market,
    catalog: { id: catalog.id },
    policy,
    results,
    warnings: context.warnings,
  };
}

export function evaluateLevel(
  context: EvaluationContext,
  competency: Competency,
  version: CompetencyVersion,
  option: CompetencyOption,
  level: Level,
): LevelResult {
  const requirements = level.requirements.map((r) => evaluateRequirement(r, context));
  const status = allStatus(requirements.map((r) => r.status));
  const gaps = level.requirements.flatMap((r, i) => {
    const result = requirements[i];
    return result ? explainRequirement(r, result, context, r.id) : [];
  });
  return {
    competency: competency.id,
    option: option.id,
    level: level.id,
    ...levelStanding(status),
    catalogVersion: version.id,
    requirements,
    gaps,
  };
}
