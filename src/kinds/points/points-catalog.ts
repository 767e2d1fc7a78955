import { expandThresholds } from '../../catalog/expand-thresholds.js';
import type { RawThresholds } from '../../catalog/schema-parts.js';
import { Decimal } from '../../core/decimal.js';
import type { CatalogKind, CompileTools } from '../catalog-kind.js';
import type { RawMetric } from './points-schema.js';
import type { Metric } from './points-types.js';

/** A points requirement in a catalog: amounts as exact decimals, thresholds per market, credentials as formulas. */
export const pointsCatalog: CatalogKind<'points'> = {
  compile: (raw, tools) => ({
    kind: 'points',
    id: raw.id,
    name: Object.freeze({ ...raw.name }),
    passMark: raw.passMark,
    everyMetricPositive: raw.everyMetricPositive,
    associations: Object.freeze([...raw.associations]),
    metrics: Object.freeze(raw.metrics.map((m) => compileMetric(m, tools))),
  }),
  // `unpublished` stays, as in revenue thresholds: an operator's draft made from the plain form must validate again.
  plain: (raw, markets) => ({
    ...raw,
    metrics: raw.metrics.map((m) =>
      m.rule === 'proportional' || m.rule === 'all-or-nothing'
        ? { ...m, thresholds: expandThresholds(m.thresholds, markets, { keepUnpublished: true }) }
        : m,
    ),
  }),
  nested: () => [],
  branch: () => undefined,
  part: () => undefined,
  credentials: (requirement) =>
    requirement.metrics.flatMap((m) => (m.rule === 'skilling' ? m.steps.map((s) => s.credentials) : [])),
};

type RawOf<R extends RawMetric['rule']> = Extract<RawMetric, { rule: R }>;

/** How each rule's metric compiles; a rule missing here is a compile error. */
const compilers: { readonly [R in RawMetric['rule']]: (m: RawOf<R>, tools: CompileTools) => Extract<Metric, { rule: R }> } = {
  'per-customer': (m) => ({ ...base(m), rule: m.rule, points: m.points, floor: toDecimal(m.floor), months: m.months }),
  proportional: (m, tools) => ({
    ...amount(m, tools),
    ...base(m),
    rule: m.rule,
    thresholds: thresholdMap(m.thresholds, tools.markets),
    months: m.months,
  }),
  'all-or-nothing': (m, tools) => ({
    ...amount(m, tools),
    ...base(m),
    rule: m.rule,
    thresholds: thresholdMap(m.thresholds, tools.markets),
    months: m.months,
  }),
  growth: (m) => ({ ...base(m), rule: m.rule, pointsPerPercent: m.pointsPerPercent, months: m.months }),
  services: (m) => ({
    ...base(m),
    rule: m.rule,
    points: m.points,
    months: m.months,
    exclude: Object.freeze(m.exclude.map((s) => s.trim().toLowerCase())),
  }),
  skilling: (m, tools) => ({
    ...base(m),
    rule: m.rule,
    steps: Object.freeze(
      m.steps.map((s) =>
        Object.freeze({
          id: s.id,
          name: Object.freeze({ ...s.name }),
          people: s.people,
          credentials: tools.formula(s.credentials),
          points: s.points,
          perPerson: s.perPerson,
        }),
      ),
    ),
  }),
};

function compileMetric(m: RawMetric, tools: CompileTools): Metric {
  return Object.freeze((compilers[m.rule] as (m: RawMetric, tools: CompileTools) => Metric)(m, tools));
}

function amount(m: RawOf<'proportional' | 'all-or-nothing'>, tools: CompileTools) {
  return {
    measure: m.measure,
    products: m.products === undefined ? null : Object.freeze([...new Set(m.products.map(tools.canonicalProduct))]),
  };
}

function base(m: RawMetric) {
  return { id: m.id, name: Object.freeze({ ...m.name }), max: m.max };
}

function thresholdMap(raw: RawThresholds, markets: readonly string[]): ReadonlyMap<string, Decimal> {
  return new Map(Object.entries(expandThresholds(raw, markets)).map(([m, v]) => [m, toDecimal(v)]));
}

function toDecimal(value: number | string): Decimal {
  const parsed = typeof value === 'number' ? Decimal.fromNumber(value) : Decimal.parse(value);
  if (!parsed) throw new Error(`unvalidated amount ${String(value)}`);
  return parsed;
}
