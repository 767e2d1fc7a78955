import type { AnyOfRequirement } from '../../catalog/catalog-types.js';
import { finding } from '../../core/message-params.js';
import type { AnyOfResult, Finding, PathResult } from '../../engine/evaluation-types.js';
import { allStatus, type RequirementKind } from '../requirement-kind.js';

/** Alternative paths: met when every requirement of one path is met. */
export const anyOfKind: RequirementKind<AnyOfRequirement, AnyOfResult> = {
  evaluate(requirement, context, evaluateAny) {
    const paths: PathResult[] = requirement.paths.map((path) => {
      const requirements = path.requirements.map((r) => evaluateAny(r, context));
      const status = allStatus(requirements.map((r) => r.status));
      return { id: path.id, status, met: status === 'met', requirements };
    });
    const chosen = paths.find((p) => p.met);
    const statuses = paths.map((p) => p.status);
    return {
      kind: 'anyOf',
      id: requirement.id,
      status: chosen ? 'met' : statuses.includes('undetermined') ? 'undetermined' : 'not-met',
      met: chosen !== undefined,
      path: chosen?.id ?? null,
      paths,
    };
  },

  status(requirement, view, statusAny) {
    const statuses = requirement.paths.map((p) => allStatus(p.requirements.map((r) => statusAny(r, view))));
    return statuses.includes('met') ? 'met' : statuses.includes('undetermined') ? 'undetermined' : 'not-met';
  },

  explain(requirement, result, context, path, explainAny) {
    if (result.met) return [];
    const gaps: Finding[] = [
      finding('paths.none-met', path, { requirement: requirement.id, paths: requirement.paths.map((p) => p.id) }),
    ];
    requirement.paths.forEach((p, i) => {
      const pathResult = result.paths[i];
      if (!pathResult) return;
      p.requirements.forEach((r, j) => {
        const rResult = pathResult.requirements[j];
        if (rResult) gaps.push(...explainAny(r, rResult, context, `${path}/${p.id}/${r.id}`));
      });
    });
    return gaps;
  },
};
