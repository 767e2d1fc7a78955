import type { Catalog } from '../catalog/catalog-types.js';
import { findLevel } from '../catalog/find-level.js';
import { finding } from '../core/message-params.js';
import { contextOf, type EvaluateOptions, evaluateIn } from '../engine/evaluate.js';
import type { EvaluationContext } from '../engine/evaluation-context.js';
import type { Evaluation, LevelResult } from '../engine/evaluation-types.js';
import { satisfies } from '../engine/exam-formula.js';
import type { Organization } from '../engine/organization.js';
import { seatGroups } from '../kinds/people/seat-groups.js';
import { chunk, loadHighs, sum, wrap } from './highs.js';
import { type Alternative, expand, fixedMet } from './level-alternatives.js';

/**
 * Evaluates every level, then, when the program caps how many competencies one person may count toward, decides
 * which levels the organization holds together: the best set (highest levels first) for which one assignment of
 * people to competencies, within the cap, fills every chosen level's seats. Levels that pass alone but not
 * together with better ones are reported not attained, with a `people.cap` gap. An integer program (HiGHS) over
 * classes of interchangeable people; the tests check it against trying every assignment.
 */
export async function evaluateJointly(
  catalog: Catalog,
  organization: Organization,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  return evaluateJointlyIn(contextOf(catalog, organization, options));
}

/** `evaluateJointly` in a context the caller created and goes on using (see `evaluateIn`). */
export async function evaluateJointlyIn(context: EvaluationContext): Promise<Evaluation> {
  const evaluation = evaluateIn(context);
  const cap = evaluation.policy.maxCompetenciesPerPerson;
  const alone = evaluation.results.filter((r) => r.attained);
  const competencies = [...new Set(alone.map((r) => r.competency))];
  if (cap === null || competencies.length <= cap) return evaluation;
  const held = await solveJointly(context.catalog, context, alone, cap);
  const key = (r: { competency: string; option: string; level: string }) => `${r.competency}/${r.option}/${r.level}`;
  const together = new Set(held.map(key));
  const heldCompetencies = [...new Set(held.map((r) => r.competency))];
  const results = evaluation.results.map((r): LevelResult => {
    if (!r.attained || together.has(key(r))) return r;
    return {
      ...r,
      attained: false,
      status: 'not-attained',
      gaps: [
        ...r.gaps,
        finding('people.cap', r.level, { cap, competencies: heldCompetencies.filter((c) => c !== r.competency) }),
      ],
    };
  });
  return { ...evaluation, results };
}

interface Candidate {
  readonly result: LevelResult;
  readonly competency: number;
  readonly weight: number;
  readonly alternatives: readonly Alternative[];
}

async function solveJointly(
  catalog: Catalog,
  context: EvaluationContext,
  alone: readonly LevelResult[],
  cap: number,
): Promise<LevelResult[]> {
  const competencyIds = [...new Set(alone.map((r) => r.competency))];
  const candidates: Candidate[] = alone.flatMap((result) => {
    const found = findLevel(catalog, result, result.catalogVersion);
    if (!found) return [];
    const rank = found.option.levels.indexOf(found.level);
    // A higher level outweighs every lower one together: 100 per step allows up to 99 levels of each rank.
    const weight = 100 ** (rank + 1);
    const alternatives = expand(found.level.requirements).filter((alt) => fixedMet(alt, context));
    return [{ result, competency: competencyIds.indexOf(result.competency), weight, alternatives }];
  });
  const model = formulate(candidates, context, competencyIds.length, cap);
  const picked = await solveModel(model.text);
  return candidates.filter((_, i) => model.levelVars[i]?.some((name) => picked.has(name))).map((c) => c.result);
}

/**
 * The variables set to one in the model's optimum. The same model gives the same answer, and a forecast under a cap
 * asks again and again on days when nothing the cap decides changed (most records entering or leaving the window
 * move no level), so the last few answers are remembered by the model's text.
 */
async function solveModel(text: string): Promise<ReadonlySet<string>> {
  const known = SOLVED.get(text);
  if (known) return known;
  const solution = (await loadHighs()).solve(text);
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS ended with status ${solution.Status}`);
  const picked = new Set(
    Object.entries(solution.Columns).flatMap(([name, column]) => (Math.round(column.Primal ?? 0) === 1 ? [name] : [])),
  );
  if (SOLVED.size >= REMEMBERED_MODELS) SOLVED.delete(SOLVED.keys().next().value as string);
  SOLVED.set(text, picked);
  return picked;
}

const REMEMBERED_MODELS = 16;
const SOLVED = new Map<string, ReadonlySet<string>>();

/** Every non-empty set of at most `cap` of `n` competencies, as bit masks. */
export function competencySets(n: number, cap: number): number[] {
  const sets: number[] = [];
  for (let mask = 1; mask < 1 << n; mask++) if (bitCount(mask) <= cap) sets.push(mask);
  return sets;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n += 1;
  return n;
}

function formulate(candidates: readonly Candidate[], context: EvaluationContext, competencies: number, cap: number) {
  // People with the same eligibility for every role of every candidate pool are interchangeable.
  const pools = candidates.flatMap((c) => c.alternatives.flatMap((a) => a.pools.map((p) => p.pool)));
  const classes = new Map<string, { size: number; eligible: (pool: number, role: number) => boolean }>();
  for (const held of context.qualified) {
    const masks = pools.map((pool) =>
      seatGroups(pool).reduce((m, group, g) => (satisfies(group.exams, held) ? m | (1 << g) : m), 0),
    );
    if (masks.every((m) => m === 0)) continue;
    const signature = masks.join(',');
    const known = classes.get(signature);
    if (known) known.size += 1;
    else classes.set(signature, { size: 1, eligible: (pool, role) => ((masks[pool] ?? 0) & (1 << role)) !== 0 });
  }
  const classList = [...classes.values()];
  const sets = competencySets(competencies, cap);
  const rows: string[] = [];
  const integers: string[] = [];
  const binaries: string[] = [];
  // u_k_s: how many people of class k count toward exactly the competencies of set s.
  classList.forEach((k, ki) => {
    const vars = sets.map((_, si) => `u_${ki}_${si}`);
    integers.push(...vars);
    rows.push(`${sum(vars)} <= ${k.size}`);
  });
  const levelVars: string[][] = [];
  const objective: string[] = [];
  let poolIndex = 0;
  candidates.forEach((candidate, ci) => {
    const ys: string[] = [];
    candidate.alternatives.forEach((alternative, ai) => {
      const y = `y_${ci}_${ai}`;
      ys.push(y);
      binaries.push(y);
      objective.push(`${candidate.weight} ${y}`);
      for (const { pool } of alternative.pools) {
        const p = poolIndex++;
        const seated = classList.map(() => [] as string[]);
        seatGroups(pool).forEach((role, r) => {
          const filling = classList.flatMap((k, ki) => {
            if (!k.eligible(p, r)) return [];
            const x = `x_${p}_${r}_${ki}`;
            integers.push(x);
            seated[ki]?.push(x);
            return [x];
          });
          rows.push(filling.length === 0 ? `${role.count} ${y} <= 0` : `${sum(filling)} - ${role.count} ${y} >= 0`);
        });
        // Within one pool a person takes one seat, and only if they count toward this competency.
        seated.forEach((xs, ki) => {
          if (xs.length === 0) return;
          const available = sets.flatMap((s, si) => ((s >> candidate.competency) & 1 ? [`u_${ki}_${si}`] : []));
          rows.push(`${sum(xs)} - ${available.join(' - ')} <= 0`);
        });
      }
    });
    levelVars.push(ys);
    if (ys.length > 1) rows.push(`${sum(ys)} <= 1`);
  });
  const text = [
    'Maximize',
    ` obj: ${objective.length > 0 ? wrap(objective.join(' + ')) : '0 y_none'}`,
    'Subject To',
    ...(rows.length > 0 ? rows.map((row, i) => ` c${i}: ${wrap(row)}`) : [' c0: y_none >= 0']),
    ...(integers.length > 0 ? ['General', ...chunk(integers, 20).map((names) => ` ${names.join(' ')}`)] : []),
    'Binary',
    ...chunk([...binaries, 'y_none'], 20).map((names) => ` ${names.join(' ')}`),
    'End',
  ].join('\n');
  return { text, levelVars };
}
