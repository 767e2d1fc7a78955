import type { PointsRequirement } from '../../catalog/catalog-types.js';
import type { Formatter } from '../../render/formatter.js';
import type { TextKind, TextTools } from '../text-kind.js';
import { POINTS_WORDS } from './points-messages.js';
import type { PointsMove } from './points-moves.js';
import type { Metric, PointsMetricResult } from './points-types.js';

export const pointsText: TextKind<'points'> = {
  lines(requirement, result, { head, pad }, out, tools) {
    const words = POINTS_WORDS[tools.f.locale];
    out.push(`${head}: ${words.score(result.score, result.passMark, result.max)}`);
    result.metrics.forEach((metric) => {
      const definition = requirement.metrics.find((m) => m.id === metric.id);
      const name = definition ? tools.f.text(definition.name) : metric.id;
      const counted = countedWords(metric, requirement, tools.f);
      const mark = tools.mark[metric.points > 0 ? 'met' : metric.status === 'undetermined' ? 'undetermined' : 'not-met'];
      out.push(
        `${pad}    ${mark} ${tools.finding('points.metric', { metric: name, points: metric.points, max: metric.max, counted })}`,
      );
    });
  },
  gap(gap, requirement, params, tools) {
    const metricName = (id: unknown) => {
      const metric = requirement.metrics.find((m) => m.id === id);
      return metric ? tools.f.text(metric.name) : String(id);
    };
    if (gap.code === 'points.shortfall') {
      const metrics = (gap.params.metrics as readonly { id: string; points: number; max: number }[] | undefined) ?? [];
      params.metricLines = metrics
        .map((m) => `${metricName(m.id)} ${m.points}/${m.max}`)
        .join(tools.f.locale === 'en' ? '; ' : tools.f.locale === 'zh-TW' ? '；' : '; ');
    }
    if (gap.code === 'points.metric-zero' || gap.code === 'points.no-threshold')
      params.metricName = metricName(gap.params.metric);
    if (gap.code === 'points.no-threshold') params.marketName = tools.m.market(String(gap.params.market));
    if (gap.code === 'points.cheapest') {
      const moves = (gap.params.moves as readonly PointsMove[] | undefined) ?? [];
      params.moveTexts = moveWords(moves, requirement, String(gap.params.currency ?? ''), tools).join(
        tools.f.locale === 'zh-TW' ? '；' : '; ',
      );
    }
    return tools.finding(gap.code, params);
  },
};

type Tools = Pick<TextTools, 'f' | 'm' | 'finding'>;
type Say<K extends PointsMove['move']> = (
  move: Extract<PointsMove, { move: K }>,
  name: string,
  currency: string,
  metric: Metric | undefined,
  tools: Tools,
) => string;

/** Each kind of move in words; a kind missing here is a compile error. */
const sayMove: { readonly [K in PointsMove['move']]: Say<K> } = {
  customers: (move, metric, currency, _definition, tools) =>
    tools.finding('points.move.customers', { metric, count: move.count, floor: move.floor, currency, gain: move.gain }),
  services: (move, metric, _currency, _definition, tools) =>
    tools.finding('points.move.services', { metric, count: move.count, gain: move.gain }),
  consumption: (move, metric, currency, _definition, tools) =>
    move.fromNothing
      ? tools.finding('points.move.first-consumption', { metric, gain: move.gain })
      : tools.finding('points.move.consumption', { metric, amount: move.amount, currency, gain: move.gain }),
  revenue: (move, metric, currency, _definition, tools) =>
    tools.finding('points.move.revenue', { metric, amount: move.amount, currency, gain: move.gain }),
  people: (move, metric, _currency, definition, tools) => {
    const { f } = tools;
    const steps = definition?.rule === 'skilling' ? definition.steps : [];
    const people = move.steps.map((s) => {
      const step = steps.find((x) => x.id === s.step);
      const credentials = (s.credentials ?? []).map((term) => f.and(term.map((code) => f.exam(code))));
      return POINTS_WORDS[f.locale].people(s.count, f.or(credentials), step ? f.text(step.name) : s.step);
    });
    return tools.finding('points.move.people', { metric, people: f.and(people), gain: move.gain });
  },
};

/** Each move in words, named from the requirement's definition; the plan report uses them too. */
export function moveWords(
  moves: readonly PointsMove[],
  requirement: PointsRequirement | undefined,
  currency: string,
  tools: Tools,
): string[] {
  return moves.map((move) => {
    const metric = requirement?.metrics.find((m) => m.id === move.metric);
    const name = metric ? tools.f.text(metric.name) : move.metric;
    return (sayMove[move.move] as Say<PointsMove['move']>)(move, name, currency, metric, tools);
  });
}

function countedWords(metric: PointsMetricResult, requirement: PointsRequirement, f: Formatter): string {
  const words = POINTS_WORDS[f.locale];
  switch (metric.rule) {
    case 'per-customer':
      return words.customers(metric.customers.length, f.and(metric.customers.slice(0, 5)));
    case 'services':
      return words.services(metric.services.length, f.and(metric.services.slice(0, 8)));
    case 'growth':
      return words.growth(metric.percent, f.money(metric.current), f.money(metric.previous));
    case 'proportional':
    case 'all-or-nothing':
      return words.amount(f.money(metric.amount), metric.required === null ? null : f.money(metric.required));
    case 'skilling': {
      const definition = requirement.metrics.find((m) => m.id === metric.id);
      const steps = definition?.rule === 'skilling' ? definition.steps : [];
      return metric.steps
        .map((s) => {
          const step = steps.find((x) => x.id === s.id);
          return words.step(step ? f.text(step.name) : s.id, s.people.length, s.required, s.unlocked);
        })
        .join(f.locale === 'zh-TW' ? '；' : '; ');
    }
  }
}
