import { LOCALES } from '../../core/localized.js';
import type { MeasureNode, MeasureUnit } from '../presented.js';
import type { ResultKind } from '../result-kind.js';
import { POINTS_WORDS } from './points-messages.js';

/** A score and its metrics count points. */
const POINTS_UNIT: MeasureUnit = {
  kind: 'count',
  forms: { en: { one: '# point', other: '# points' }, 'zh-TW': { other: '# 分' }, 'ko-KR': { other: '#점' } },
};

/** The summary bar's name in every language. */
const SCORE_BAR = Object.fromEntries(LOCALES.map((locale) => [locale, POINTS_WORDS[locale].scoreBar]));

export const pointsResult: ResultKind<'points'> = {
  // The margin of a score is its points above the pass mark; a metric's own points say nothing on their own.
  headroom: () => [],
  chosenPath: () => null,
  present(result, definition) {
    const bar = (
      id: string,
      name: MeasureNode['name'],
      status: MeasureNode['status'],
      counted: number,
      required: number,
      summary: boolean,
    ): MeasureNode => ({
      shape: 'measure',
      unit: POINTS_UNIT,
      id,
      name,
      status,
      counted: String(counted),
      required: String(required),
      // A metric need not reach its maximum: only the score has a shortfall.
      shortfall: summary ? String(Math.max(0, required - counted)) : null,
      ratio: required <= 0 ? 1 : Math.min(1, Math.max(0, counted / required)),
    });
    const name = definition?.name ?? { en: result.id };
    return {
      shape: 'group',
      id: result.id,
      name,
      status: result.status,
      summary: bar(result.id, SCORE_BAR, result.status, result.score, result.passMark, true),
      members: result.metrics.map((metric) => {
        const metricName = definition?.metrics.find((m) => m.id === metric.id)?.name ?? { en: metric.id };
        const status = metric.status === 'undetermined' ? 'undetermined' : metric.points > 0 ? 'met' : 'not-met';
        return bar(metric.id, metricName, status, metric.points, metric.max, false);
      }),
    };
  },
};
