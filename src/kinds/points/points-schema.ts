import { z } from 'zod';
import { marketsWithoutThreshold } from '../../catalog/expand-thresholds.js';
import { formula, id, localized, type RawThresholds, thresholds } from '../../catalog/schema-parts.js';
import { EVERY_MARKET, UNPUBLISHED } from '../../catalog/threshold-words.js';
import { Decimal } from '../../core/decimal.js';
import { amountRangeIssue, readAmount } from '../../core/read-amount.js';
import { ASSOCIATION_TYPES } from '../../engine/organization.js';
import type { CheckKind, CheckTools } from '../catalog-kind.js';

/**
 * Scores are out of 100 in the program; a bound keeps the planner's search (over points and people up to these
 * numbers) small for any catalog.
 */
const MOST = 1000;
const points = z.number().int().nonnegative().max(MOST);
const positive = z.number().int().positive().max(MOST);
const amount = z.union([z.number(), z.string()]).describe('A decimal amount, as a number or a string');
/** Complete calendar months before the as-of date's month. */
const months = positive.max(36);
const base = { id, name: localized, max: points };

/** An amount against a threshold per market: consumption, or net new revenue (on some products, or all). */
const amountMetric = {
  thresholds,
  months: months.default(12),
  measure: z.enum(['consumption', 'net-new-revenue']).default('consumption'),
  products: z.array(z.string()).min(1).optional(),
};

const step = z.strictObject({
  id,
  name: localized,
  people: points.default(0),
  credentials: formula,
  points: points.default(0),
  perPerson: points.default(0),
});

const metric = z.discriminatedUnion('rule', [
  z.strictObject({ ...base, rule: z.literal('per-customer'), points: positive, floor: amount, months: months.default(1) }),
  z.strictObject({ ...base, rule: z.literal('proportional'), ...amountMetric }),
  z.strictObject({ ...base, rule: z.literal('all-or-nothing'), ...amountMetric }),
  z.strictObject({ ...base, rule: z.literal('growth'), pointsPerPercent: positive, months: months.default(12) }),
  z.strictObject({
    ...base,
    rule: z.literal('services'),
    points: positive,
    months: months.default(1),
    exclude: z.array(z.string().min(1)).default([]),
  }),
  z.strictObject({ ...base, rule: z.literal('skilling'), steps: z.array(step).min(1).max(10) }),
]);

/** A points requirement as a catalog states it. */
export const pointsSchema = z.strictObject({
  kind: z.literal('points'),
  id,
  name: localized,
  passMark: points,
  everyMetricPositive: z.boolean().default(false),
  associations: z.array(z.enum(ASSOCIATION_TYPES)).min(1).default(['dpor']),
  metrics: z.array(metric).min(1).max(20),
});

export type RawPointsRequirement = z.infer<typeof pointsSchema>;
export type RawMetric = RawPointsRequirement['metrics'][number];

/**
 * Names in every language, unique ids, amounts that read, thresholds for every market, known exams, and a pass mark
 * the metrics can reach together.
 */
export const checkPoints: CheckKind<'points'> = (r, path, tools) => {
  tools.unique(
    r.metrics.map((m) => m.id),
    [...path, 'metrics'],
    'metric',
  );
  const max = r.metrics.reduce((sum, m) => sum + m.max, 0);
  if (max < r.passMark) tools.report('catalog.points.unreachable', [...path, 'passMark'], { passMark: r.passMark, max });
  r.metrics.forEach((m, i) => {
    const at = [...path, 'metrics', i];
    tools.text(m.name, [...at, 'name']);
    if (m.rule === 'per-customer') checkAmount(m.floor, [...at, 'floor'], tools);
    if (m.rule === 'proportional' || m.rule === 'all-or-nothing') {
      checkThresholds(m.thresholds, [...at, 'thresholds'], tools);
      m.products?.forEach((p, j) => {
        if (!tools.knownProduct(p)) tools.report('catalog.product.unknown', [...at, 'products', j], { id: p });
      });
    }
    if (m.rule === 'skilling') {
      tools.unique(
        m.steps.map((s) => s.id),
        [...at, 'steps'],
        'step',
      );
      m.steps.forEach((s, j) => {
        tools.text(s.name, [...at, 'steps', j, 'name']);
        tools.formula(s.credentials, [...at, 'steps', j, 'credentials']);
      });
    }
  });
};

function checkThresholds(raw: RawThresholds, path: readonly PropertyKey[], tools: CheckTools): void {
  const stated = typeof raw === 'object' ? Object.entries(raw) : [[null, raw] as const];
  for (const [market, value] of stated) {
    const at = market === null ? path : [...path, market];
    if (market !== null && market !== EVERY_MARKET && !tools.markets.includes(market)) {
      tools.report('catalog.threshold.unknown-market', at, { market });
    }
    if (value === UNPUBLISHED && market !== null) continue;
    checkAmount(value, at, tools);
  }
  for (const market of marketsWithoutThreshold(raw, tools.markets))
    tools.report('catalog.threshold.missing-market', path, { market });
}

function checkAmount(value: number | string, at: readonly PropertyKey[], tools: CheckTools): void {
  const amount = readAmount(typeof value === 'number' ? String(value) : value, 'decimal');
  if (amount === 'out-of-range') tools.report('input.amount.digits', at, amountRangeIssue('', String(value)).params);
  else if (!(amount instanceof Decimal) || amount.isNegative())
    tools.report('catalog.threshold.invalid', at, { value: String(value) });
}
