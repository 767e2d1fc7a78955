import { z } from 'zod';
import type { Issue } from '../core/attain-error.js';
import { dayRangeIssue, readDay } from '../core/day-range.js';
import { issueParams, type ReportIssue } from '../core/message-params.js';
import { shownParams } from '../core/shown-value.js';
import type { CheckKind, CheckTools } from '../kinds/catalog-kind.js';
import { plainRequirement } from '../kinds/catalog-kinds.js';
import { kindChecks } from '../kinds/kind-schemas.js';
import { MAX_FORMULA_TERMS } from './catalog-limits.js';
import { catalogSchema, type RawCatalog, type RawFormula, type RawRequirement } from './catalog-schema.js';
import { examKey } from './exam-code.js';
import { resolveExtends } from './resolve-extends.js';

/**
 * The outcome of validating a catalog: every issue found, and when there were none the catalog in its plain form,
 * as `compileCatalog` takes it and the build writes it: every level complete (no `extends`) and a threshold per market.
 */
export type CatalogValidation =
  | { readonly ok: true; readonly catalog: RawCatalog; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Checks a parsed catalog document completely, in stages: levels that extend others are expanded, then the
 * structure is checked, then every cross-reference and rule, collecting all issues (code, JSON path, facts) instead
 * of stopping at the first.
 */
export function validateCatalog(document: unknown): CatalogValidation {
  const resolved = resolveExtends(document);
  if (resolved.issues.length > 0) return { ok: false, issues: listed(resolved.issues) };
  const parsed = catalogSchema.safeParse(resolved.document, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: listed(parsed.error.issues.map((i) => schemaIssue(i, resolved.document))) };
  const issues = checkSemantics(parsed.data);
  return issues.length === 0
    ? { ok: true, catalog: plainThresholds(parsed.data), issues }
    : { ok: false, issues: listed(issues) };
}

/** At most this many problems are listed, then how many there were: a draft can be as large as a request body. */
const MAX_LISTED = 1000;

function listed(issues: readonly Issue[]): readonly Issue[] {
  if (issues.length <= MAX_LISTED) return issues;
  return [
    ...issues.slice(0, MAX_LISTED),
    { code: 'catalog.issues.truncated', path: '$', params: { shown: MAX_LISTED, total: issues.length } },
  ];
}

interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** The value found, kept by `reportInput`. */
  readonly input?: unknown;
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

/**
 * A structural issue as zod found it, except an empty value (null), which in YAML usually comes from an unquoted
 * comma: `{ developed: 100,000 }` reads as `developed: 100` and a key `000` with no value. That one says so.
 */
function schemaIssue(issue: SchemaIssue, document: unknown): Issue {
  const candidates = [issue.path, ...(issue.errors ?? []).flat().map((e) => [...issue.path, ...e.path])];
  const empty = candidates.find((path) => path.length > 0 && valueAt(document, path) === null);
  if (empty !== undefined) return { code: 'catalog.value.null', path: jsonPath(empty), params: { key: String(empty.at(-1)) } };
  const path = jsonPath(issue.path);
  if (issue.message.startsWith('catalog.format.')) {
    return { code: issue.message, path, params: shownParams({ value: shownInput(issue.input) }) };
  }
  // zod's own words, in each language: a catalog author reading Korean gets no English in the middle.
  const params = {
    detail: issue.message,
    detailZhTW: localeMessage(z.locales.zhTW(), issue) ?? issue.message,
    detailKoKR: localeMessage(z.locales.ko(), issue) ?? issue.message,
  };
  return { code: `catalog.schema.${issue.code}`, path, params: shownParams(params) };
}

function localeMessage(locale: { localeError: z.core.$ZodErrorMap }, issue: SchemaIssue): string | undefined {
  const message = locale.localeError(issue as never);
  return typeof message === 'string' ? message : message?.message;
}

/** The value a format check refused, as text. */
function shownInput(input: unknown): string {
  return typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The catalog with each revenue requirement's thresholds stated per market, as `compileCatalog` takes them. */
function plainThresholds(catalog: RawCatalog): RawCatalog {
  const requirement = (r: RawRequirement): RawRequirement => plainRequirement(r, catalog.markets);
  return {
    ...catalog,
    competencies: catalog.competencies.map((c) => ({
      ...c,
      versions: c.versions.map((v) => ({
        ...v,
        options: v.options.map((o) => ({
          ...o,
          levels: o.levels.map((l) => ({ ...l, requirements: l.requirements.map(requirement) })),
        })),
      })),
    })),
  };
}

/** Formats a path of keys and indexes as `$.a[0].b`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/** How many alternatives a formula expands to (an upper bound: the engine also drops redundant ones). */
function countAlternatives(formula: RawFormula): number {
  if (typeof formula === 'string') return 1;
  if ('allOf' in formula) return formula.allOf.reduce((n, f) => Math.min(n * countAlternatives(f), Number.MAX_SAFE_INTEGER), 1);
  return formula.oneOf.reduce((n, f) => n + countAlternatives(f), 0);
}

function checkSemantics(catalog: RawCatalog): Issue[] {
  const issues: Issue[] = [];
  const report: ReportIssue<readonly PropertyKey[]> = (code, path, ...[params = {}]) =>
    issues.push({ code, path: jsonPath(path), params: shownParams(issueParams(params)) });
  /** A date as every input reads it: a real day from 1900-01-01 to 9999-12-31. */
  const checkDay = (text: string, path: readonly PropertyKey[]) => {
    const day = readDay(text);
    if (day === 'invalid') report('catalog.date.invalid', path, { value: text });
    else if (day === 'out-of-range') report('input.date.range', path, dayRangeIssue('', text).params);
    else return day;
    return undefined;
  };
  const checkText = (text: Record<string, string>, path: readonly PropertyKey[]) => {
    for (const locale of catalog.locales) {
      if (!text[locale]) report('catalog.text.missing-locale', [...path, locale], { locale });
    }
  };
  const checkUnique = (ids: readonly string[], path: readonly PropertyKey[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) report('catalog.id.duplicate', [...path, i, 'id'], { id, what });
      seen.add(id);
    });
  };

  checkText(catalog.name, ['name']);
  const exams = new Map<string, { title: Record<string, string>; index: number }>();
  catalog.exams.forEach((exam, i) => {
    const path = ['exams', i];
    checkText(exam.title, [...path, 'title']);
    const key = examKey(exam.code);
    const earlier = exams.get(key);
    if (earlier) {
      const sameTitle = JSON.stringify(earlier.title) === JSON.stringify(exam.title);
      report(sameTitle ? 'catalog.exam.duplicate' : 'catalog.exam.conflicting-titles', [...path, 'code'], {
        code: exam.code,
        first: `$.exams[${earlier.index}]`,
      });
    } else {
      exams.set(key, { title: exam.title, index: i });
    }
    const dates = (['launched', 'retired', 'acceptedUntil'] as const).map((field) => {
      const text = exam[field];
      return text === undefined ? undefined : checkDay(text, [...path, field]);
    });
    const [launched, retired, acceptedUntil] = dates;
    if (launched !== undefined && retired !== undefined && retired < launched) {
      report('catalog.exam.retired-before-launch', [...path, 'retired'], { code: exam.code });
    }
    if (retired !== undefined && acceptedUntil !== undefined && acceptedUntil < retired) {
      report('catalog.exam.accepted-until-before-retirement', [...path, 'acceptedUntil'], { code: exam.code });
    }
  });

  const products = new Map<string, number>();
  catalog.products.forEach((product, i) => {
    checkText(product.name, ['products', i, 'name']);
    for (const [j, key] of [product.id, ...product.aliases].entries()) {
      const lower = key.toLowerCase();
      if (products.has(lower)) {
        report('catalog.product.duplicate', ['products', i, ...(j === 0 ? ['id'] : ['aliases', j - 1])], { id: key });
      }
      products.set(lower, i);
    }
  });

  const checkFormula = (formula: RawFormula, path: readonly PropertyKey[], codes: Map<string, string>) => {
    if (typeof formula === 'string') {
      const key = examKey(formula);
      if (!exams.has(key)) report('catalog.exam.unknown', path, { code: formula });
      const previous = codes.get(key);
      if (previous !== undefined) report('catalog.formula.repeated-exam', path, { code: formula, first: previous });
      codes.set(key, jsonPath(path));
      return;
    }
    const [op, items] = 'allOf' in formula ? (['allOf', formula.allOf] as const) : (['oneOf', formula.oneOf] as const);
    if (items.length === 0) report('catalog.formula.empty', [...path, op]);
    for (const [i, item] of items.entries()) checkFormula(item, [...path, op, i], codes);
  };

  // Each kind checks its own requirements (in its folder under `kinds/`); these are what it may ask of the catalog.
  const tools: CheckTools = {
    markets: catalog.markets,
    report,
    text: checkText,
    unique: checkUnique,
    formula: (formula, path) => {
      checkFormula(formula, path, new Map());
      const alternatives = countAlternatives(formula);
      if (alternatives > MAX_FORMULA_TERMS) {
        report('catalog.formula.too-complex', path, { alternatives, limit: MAX_FORMULA_TERMS });
      }
    },
    knownProduct: (id) => products.has(id.toLowerCase()),
    requirements: (reqs, path) => checkRequirements(reqs, path),
  };
  const checkRequirement = (req: RawRequirement, path: readonly PropertyKey[]): void => {
    checkText(req.name, [...path, 'name']);
    (kindChecks[req.kind] as CheckKind<RawRequirement['kind']>)(req as never, path, tools);
  };
  const checkRequirements = (reqs: readonly RawRequirement[], path: readonly PropertyKey[]) => {
    checkUnique(
      reqs.map((r) => r.id),
      path,
      'requirement',
    );
    for (const [i, r] of reqs.entries()) checkRequirement(r, [...path, i]);
  };

  checkUnique(
    catalog.competencies.map((c) => c.id),
    ['competencies'],
    'competency',
  );
  catalog.competencies.forEach((competency, c) => {
    const cPath = ['competencies', c];
    checkText(competency.name, [...cPath, 'name']);
    checkUnique(
      competency.versions.map((v) => v.id),
      [...cPath, 'versions'],
      'version',
    );
    const starts = new Map<string, number>();
    competency.versions.forEach((version, v) => {
      const vPath = [...cPath, 'versions', v];
      if (version.effective !== undefined) checkDay(version.effective, [...vPath, 'effective']);
      const start = version.effective ?? 'always';
      const other = starts.get(start);
      if (other !== undefined) {
        report('catalog.version.overlap', [...vPath, 'effective'], {
          version: version.id,
          other: competency.versions[other]?.id ?? '',
        });
      }
      starts.set(start, v);
      checkUnique(
        version.options.map((o) => o.id),
        [...vPath, 'options'],
        'option',
      );
      version.options.forEach((option, o) => {
        const oPath = [...vPath, 'options', o];
        checkText(option.name, [...oPath, 'name']);
        checkUnique(
          option.levels.map((l) => l.id),
          [...oPath, 'levels'],
          'level',
        );
        option.levels.forEach((level, l) => {
          checkText(level.name, [...oPath, 'levels', l, 'name']);
          // A level without requirements would be attained by everyone: surely an omission.
          if (level.requirements.length === 0)
            report('catalog.level.empty', [...oPath, 'levels', l, 'requirements'], { level: level.id });
          checkRequirements(level.requirements, [...oPath, 'levels', l, 'requirements']);
        });
      });
    });
  });
  return issues;
}
