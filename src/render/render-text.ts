import type { Catalog, Level, Requirement } from '../catalog/catalog-types.js';
import { findLevel } from '../catalog/find-level.js';
import type { Locale } from '../core/localized.js';
import type { Evaluation, Finding, LevelResult, RequirementResult } from '../engine/evaluation-types.js';
import type { TextKind, TextTools } from '../kinds/text-kind.js';
import { textKinds } from '../kinds/text-kinds.js';
import { Formatter, requirementAt } from './formatter.js';
import { MESSAGES, type Messages, messageCodeOf } from './messages.js';

const MARK = { met: '✔', 'not-met': '✘', undetermined: '?' } as const;
const LEVEL_MARK = { attained: '✔', 'not-attained': '✘', undetermined: '?' } as const;

/** Up to this many ignored items are listed one by one; more are grouped by reason. */
const IGNORED_LISTED = 10;
/** Examples shown under each reason when ignored data is grouped. */
const IGNORED_EXAMPLES = 3;
/** The most frequent values (exam codes, products) named in a reason's line. */
const IGNORED_VALUES = 5;

export interface TextOptions {
  /** List every ignored item instead of grouping them by reason (the JSON always has every one). */
  readonly allIgnored?: boolean;
}

/** A readable report of an evaluation in one language, using the catalog's own localized names. */
export function renderEvaluationText(
  evaluation: Evaluation,
  catalog: Catalog,
  locale: Locale,
  personNames: ReadonlyMap<string, string> = new Map(),
  options: TextOptions = {},
): string {
  const m = MESSAGES[locale];
  const f = new Formatter(locale, catalog, personNames);
  const out: string[] = [];
  const org = evaluation.organization.name
    ? `${evaluation.organization.name} (${evaluation.organization.id})`
    : evaluation.organization.id;
  out.push(m.header(org, f.date(evaluation.asOf), m.market(evaluation.market), f.text(catalog.name)), '');
  out.push(m.summaryTitle);
  for (const r of evaluation.results) {
    const names = levelNames(catalog, r, f);
    out.push(`  ${LEVEL_MARK[r.status]} ${names.competency} · ${names.option} · ${names.level}: ${m.levelStatus[r.status]}`);
  }
  let lastOption = '';
  for (const r of evaluation.results) {
    const names = levelNames(catalog, r, f);
    const optionKey = `${r.competency}/${r.option}`;
    if (optionKey !== lastOption) {
      out.push('', `${names.competency} — ${names.option} [${m.version(r.catalogVersion)}]`);
      lastOption = optionKey;
    }
    out.push(`  ${names.level}: ${LEVEL_MARK[r.status]} ${m.levelStatus[r.status]}`);
    if (!names.definition) continue;
    r.requirements.forEach((result, i) => {
      const requirement = names.definition?.requirements[i];
      if (requirement) renderRequirement(requirement, result, 4, out, f, m);
    });
    if (r.gaps.length > 0) {
      out.push(`    ${m.gapsTitle}:`);
      for (const gap of r.gaps) out.push(`      - ${renderGap(gap, names.definition, f, m)}`);
    }
  }
  if (evaluation.warnings.length > 0) {
    out.push('', `${m.warningsTitle} (${f.number(evaluation.warnings.length)}):`);
    if (options.allIgnored || evaluation.warnings.length <= IGNORED_LISTED) {
      for (const w of evaluation.warnings) out.push(`  ${w.path}: ${renderFinding(w.code, w.params, f, m)}`);
    } else {
      renderIgnoredGroups(evaluation.warnings, out, f, m);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The parameter that tells one ignored item of a reason from another, counted to name the most frequent. */
const IGNORED_KEY: Readonly<Record<string, string>> = {
  'exam.unknown': 'exam',
  'exam.future': 'exam',
  'exam.before-launch': 'exam',
  'exam.after-retirement': 'exam',
  'exam.expired': 'exam',
  'credential.expired': 'exam',
  'revenue.unknown-product': 'product',
};

/**
 * Ignored data by reason, largest first: a count, the most frequent exams or products, and a few examples with
 * their paths. A large organization ignores thousands of records for a handful of reasons; one line each buried
 * the report (2,013 of its 2,080 lines).
 */
function renderIgnoredGroups(warnings: readonly Finding[], out: string[], f: Formatter, m: Messages): void {
  const groups = new Map<string, Finding[]>();
  for (const w of warnings) {
    const group = groups.get(w.code);
    if (group) group.push(w);
    else groups.set(w.code, [w]);
  }
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length);
  for (const [code, items] of ordered) {
    const key = IGNORED_KEY[code];
    let values = '';
    if (key !== undefined) {
      const counts = new Map<string, number>();
      for (const w of items) {
        const value = String(w.params[key] ?? '');
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const named = top.slice(0, IGNORED_VALUES).map(([value, n]) => `${value} (${f.number(n)})`);
      if (top.length > IGNORED_VALUES) named.push(m.ignoredOthers(top.length - IGNORED_VALUES));
      values = `: ${named.join(', ')}`;
    }
    out.push(`  ${m.ignoredReason[code] ?? code} (${f.number(items.length)})${values}`);
    for (const w of items.slice(0, IGNORED_EXAMPLES)) out.push(`    ${w.path}: ${renderFinding(w.code, w.params, f, m)}`);
    if (items.length > IGNORED_EXAMPLES) out.push(`    ${m.ignoredMore(items.length - IGNORED_EXAMPLES)}`);
  }
  out.push(`  ${m.ignoredAll}`);
}

function levelNames(catalog: Catalog, r: LevelResult, f: Formatter) {
  const found = findLevel(catalog, r, r.catalogVersion);
  return {
    competency: found ? f.text(found.competency.name) : r.competency,
    option: found ? f.text(found.option.name) : r.option,
    level: found ? f.text(found.level.name) : r.level,
    definition: found?.level,
  };
}

function renderRequirement(
  requirement: Requirement,
  result: RequirementResult,
  indent: number,
  out: string[],
  f: Formatter,
  m: Messages,
) {
  // A result of another kind than its definition (JSON of another version) has no lines to show beyond its head.
  if (result.kind !== requirement.kind) {
    out.push(`${' '.repeat(indent)}${MARK[result.status]} ${f.text(requirement.name)}`);
    return;
  }
  const pad = ' '.repeat(indent);
  const head = `${pad}${MARK[result.status]} ${f.text(requirement.name)}`;
  const kind = textKinds[requirement.kind] as TextKind<Requirement['kind']>;
  kind.lines(requirement as never, result as never, { head, pad, indent }, out, textTools(f, m));
}

function textTools(f: Formatter, m: Messages): TextTools {
  return {
    f,
    m,
    mark: MARK,
    finding: (code, params) => renderFinding(code, params, f, m),
    requirement: (requirement, result, indent, out) => renderRequirement(requirement, result, indent, out, f, m),
  };
}

/** A gap in words, with the names, formulas and people it needs looked up in the level's definition. */
export function renderGap(gap: Finding, level: Level, f: Formatter, m: Messages): string {
  const requirement = requirementAt(level, gap.path);
  const params: Record<string, unknown> = { ...gap.params, name: requirement ? f.text(requirement.name) : gap.path };
  if (!requirement) return renderFinding(gap.code, params, f, m);
  const kind = textKinds[requirement.kind] as TextKind<Requirement['kind']>;
  return kind.gap(gap, requirement as never, params, textTools(f, m));
}

/**
 * Any coded finding in words. Codes and parameters arrive as plain JSON (from the engine, or from another version
 * of attain over HTTP), so a code without words here, or parameters of another shape, still read as a sentence that
 * names the code and its facts.
 */
export function renderFinding(code: string, params: Readonly<Record<string, unknown>>, f: Formatter, m: Messages): string {
  const known = messageCodeOf(code);
  if (known) {
    try {
      // The parameters' shape is the code's by contract (MessageParams); JSON cannot prove it to the compiler.
      return (m.codes[known] as (p: unknown, f: Formatter) => string)(params, f);
    } catch {
      // Parameters of another version's shape: the generic sentence below still gives the facts.
    }
  }
  return m.unknownCode(code, describeFacts(params, f));
}

/** The facts of an issue as `name: value` pairs, for a code without words. */
function describeFacts(params: Readonly<Record<string, unknown>>, f: Formatter): string {
  const facts = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(
      ([name, value]) =>
        `${name}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    );
  return facts.join(f.locale === 'zh-TW' ? '；' : '; ');
}
