import type { Catalog, Level } from '../catalog/catalog-types.js';
import { everyRole } from '../catalog/every-requirement.js';
import { findLevel } from '../catalog/find-level.js';
import type { Locale } from '../core/localized.js';
import { partOf } from '../kinds/catalog-kinds.js';
import { POINTS_WORDS } from '../kinds/points/points-messages.js';
import { moveWords } from '../kinds/points/points-text.js';
import { measureAmount, measurePair } from '../kinds/presented.js';
import type { Plan } from '../planner/plan-types.js';
import { CREDENTIAL_WORDS } from './credential-words.js';
import { Formatter, requirementAt } from './formatter.js';
import { MESSAGES } from './messages.js';
import { planWords } from './plan-messages.js';
import { measureBlockers, planRows } from './plan-rows.js';
import { renderFinding } from './render-text.js';

/** Each score of a plan in words: where it stands, and its cheapest moves; the text report and the dashboard share it. */
export function planScores(
  plan: Plan,
  level: Level | undefined,
  f: Formatter,
): { readonly requirement: string; readonly head: string; readonly title: string; readonly moves: readonly string[] }[] {
  const m = MESSAGES[f.locale];
  const words = POINTS_WORDS[f.locale];
  const tools = { f, m, finding: (code: string, p: Readonly<Record<string, unknown>>) => renderFinding(code, p, f, m) };
  return (plan.points ?? []).map((score) => {
    const definition = level ? requirementAt(level, score.requirement) : undefined;
    const requirement = definition?.kind === 'points' ? definition : undefined;
    const max = requirement?.metrics.reduce((n, x) => n + x.max, 0) ?? score.passMark;
    return {
      requirement: score.requirement,
      head: `${requirement ? f.text(requirement.name) : score.requirement}: ${words.score(score.score, score.passMark, max)}`,
      title: words.movesTitle,
      moves: moveWords(score.moves, requirement, score.currency, tools),
    };
  });
}

/** A plan as a practice lead reads it: the path and why, then who sits which exam, grouped by person. */
export function renderPlanText(
  plan: Plan,
  catalog: Catalog,
  locale: Locale,
  personNames: ReadonlyMap<string, string> = new Map(),
): string {
  const m = planWords(plan, catalog, locale);
  const f = new Formatter(locale, catalog, personNames);
  const [competency = '', option = '', levelId = ''] = plan.target.split('/');
  const level = findLevel(catalog, { competency, option, level: levelId }, plan.catalogVersion)?.level;
  const pathName = (path: string | null) => {
    if (path === null || !level) return path ?? '';
    return path
      .split(',')
      .map((choice) => {
        const pathId = choice.split(':').pop() ?? choice;
        for (const r of level.requirements) {
          const path = partOf(r, 'path', pathId);
          if (path) return f.text(path.name);
        }
        return pathId;
      })
      .join(', ');
  };
  const roleName = (requirement: string, pool: string, role: string) => {
    const r = level ? requirementAt(level, requirement) : undefined;
    const definition = partOf(r, 'role', `${pool}/${role}`);
    return definition ? f.text(definition.name) : role;
  };
  const blocked = (alt: Plan['alternatives'][number]) => {
    const params = alt.blocked?.params ?? {};
    const names = Array.isArray(params.roles) ? params.roles.map((id: string) => roleNameById(id)) : params.roles;
    return m.blocked(alt.blocked?.code ?? '', { ...params, roles: names });
  };
  const roleNameById = (id: string) => {
    for (const seat of everyRole(level?.requirements ?? [])) if (seat.id === id) return f.text(seat.name);
    return id;
  };
  // Assessments and certifications are named as such; an exam by its code, as always.
  const credential = (code: string) => CREDENTIAL_WORDS[locale].named(catalog.findExam(code)?.type, code);
  const revenueLine = (r: Plan['measures'][number]) => {
    const definition = level ? requirementAt(level, r.requirement) : undefined;
    const name = definition ? f.text(definition.name) : r.requirement;
    const amount = (a: string) => measureAmount(a, r.unit, f);
    const status =
      r.required === null ? m.noThreshold : r.shortfall === '0' ? m.revenueMet : m.revenueShort(amount(r.shortfall ?? '0'));
    const figures =
      r.required === null ? amount(r.counted) : measurePair(r.counted, r.required, r.unit, f, (c, q) => `${c} / ${q}`);
    return `  ${name}: ${figures} — ${status}`;
  };
  const out = [m.title(plan.target, f.date(plan.asOf)), ''];
  // What no exam can fix comes first: a plan of exams that still leaves the level out of reach must say so up front.
  const blockers = measureBlockers(plan);
  if (blockers.length > 0) out.push(m.blockerTitle, ...blockers.map(revenueLine), '');
  if (!plan.feasible) {
    out.push(m.infeasible);
    for (const alt of plan.alternatives) out.push(`  - ${pathName(alt.path) || m.thisLevel}: ${blocked(alt)}`);
  } else {
    out.push(
      m.reason(plan.reason.code, { ...plan.reason.params, pathName: pathName(plan.path) }),
      m.cost(plan.cost.newPeople, plan.cost.exams),
    );
    for (const alt of plan.alternatives.filter((a) => a.path !== plan.path)) {
      const what = alt.feasible ? m.cost(alt.newPeople ?? 0, alt.exams ?? 0) : blocked(alt);
      out.push(`  ${m.alternative(pathName(alt.path))}: ${what}`);
    }
    // Grouped by person, then by the seat the exams are for: "王小明: MB2-710 → Functional and deployment consultant";
    // new hires who all do the same are one line.
    const rows = planRows(plan);
    if (rows.length > 0) {
      out.push('', m.stepsTitle);
      for (const row of rows) {
        const who =
          row.kind === 'person'
            ? f.person(row.person.person)
            : row.people.length === 1
              ? m.newPerson(row.people[0] as string)
              : m.newHires(row.people.length);
        const seats = row.kind === 'person' ? row.person.seats : row.seats;
        out.push(
          `  ${who}: ${seats.map((seat) => `${seat.exams.map(credential).join(', ')} → ${roleName(seat.requirement, seat.pool, seat.role)}`).join('; ')}`,
        );
      }
    }
  }
  for (const score of planScores(plan, level, f)) {
    out.push('', score.head);
    if (score.moves.length > 0) out.push(`  ${score.title}`, ...score.moves.map((line) => `    - ${line}`));
  }
  const rest = plan.measures.filter((r) => !blockers.includes(r));
  if (rest.length > 0) out.push('', m.revenueTitle, ...rest.map(revenueLine));
  return `${out.join('\n')}\n`;
}
