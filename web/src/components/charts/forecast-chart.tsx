import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LevelStatus } from '../../../../src/engine/evaluation-types.js';
import { addDays, daysBetween } from '../../lib/dates.js';
import type { LevelTimeline } from '../../lib/forecast-model.js';
import { textMeasure, wrapLabel } from './axis-labels.js';

/** Colours that keep 4.5:1 against white for the text beside them; the table under the chart says the same in words. */
const FILL: Record<LevelStatus, string> = { attained: '#1a7f37', 'not-attained': '#d0d7de', undetermined: '#d4a72c' };
/** An outline that keeps every segment 3:1 against the white chart (WCAG 1.4.11), whatever its fill. */
const OUTLINE = '#57606a';
/** The level labels' size, and the widest a line of them may be: narrower on a phone, so the bars keep half of it. */
const LABEL_SIZE = 12;
const LABEL_LINE = 170;
const PHONE_LABEL_LINE = 120;
/** Each level's band: room for its label's lines, three and the level's name on a phone. */
const ROW = 56;
const PHONE_ROW = 72;
/** Room between the labels and the axis line, for its tick marks. */
const TICK_ROOM = 14;

export interface ForecastChartProps {
  readonly timelines: readonly LevelTimeline[];
  /** Each timeline's label: [option line, level line]. */
  readonly labels: readonly (readonly [string, string])[];
  readonly from: string;
  /** The day after the forecast's last day. */
  readonly end: string;
  readonly locale: string;
  readonly statusName: (status: LevelStatus) => string;
  readonly dateName: (iso: string) => string;
  readonly label: string;
  readonly changeLabel: string;
}

/**
 * Each level's status over the period as a horizontal band of stacked segments (one per stretch between changes),
 * with a dashed line at every date of change. Days are counted from `from` on the x axis.
 */
export function ForecastChart(props: ForecastChartProps) {
  const { timelines, from, end } = props;
  const total = daysBetween(from, end);
  const width = Math.max(0, ...timelines.map((tl) => tl.segments.length));
  const rows = timelines.map((tl, i) => {
    const row: Record<string, number | string> = { row: i };
    tl.segments.forEach((s, j) => {
      row[`s${j}`] = daysBetween(s.from, s.to);
    });
    return row;
  });
  const changeDays = [...new Set(timelines.flatMap((tl) => tl.changes.map((c) => c.date)))].sort();
  const monthFormat = new Intl.DateTimeFormat(props.locale, { year: '2-digit', month: 'short', timeZone: 'UTC' });
  const ticks = monthTicks(from, total);
  // Each option name wrapped to two lines at most, and the axis as wide as its widest line: a fixed width with a
  // count of characters clipped English labels, whose letters are wider than the count assumed.
  const measure = textMeasure(LABEL_SIZE);
  const phone = typeof window !== 'undefined' && window.matchMedia?.('(max-width: 640px)').matches === true;
  const line = phone ? PHONE_LABEL_LINE : LABEL_LINE;
  const row = phone ? PHONE_ROW : ROW;
  const wrapped = props.labels.map(([option, level]) => [...wrapLabel(option, line, measure, phone ? 3 : 2), level]);
  const axisWidth = Math.ceil(Math.max(60, ...wrapped.flatMap((lines) => lines.map(measure)))) + TICK_ROOM;
  return (
    <div className="chart" role="img" aria-label={props.label} data-testid="forecast-chart">
      <ResponsiveContainer width="100%" height={timelines.length * row + 48}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barCategoryGap={12}>
          <CartesianGrid horizontal={false} strokeDasharray="2 4" />
          <XAxis
            type="number"
            domain={[0, total]}
            ticks={ticks}
            tickFormatter={(d: number) => monthFormat.format(new Date(`${addDays(from, d)}T00:00:00Z`))}
            allowDataOverflow
          />
          <YAxis type="category" dataKey="row" width={axisWidth} tick={<LevelTick lines={wrapped} />} interval={0} />
          <Tooltip
            cursor={{ fill: 'rgba(0,0,0,0.04)' }}
            content={({ active, payload }) => {
              const index = Number(payload?.[0]?.payload?.row ?? -1);
              const tl = timelines[index];
              if (!active || !tl) return null;
              return (
                <div className="chart-tooltip">
                  <strong>{props.labels[index]?.join(' · ')}</strong>
                  <ul>
                    {tl.segments.map((s) => (
                      <li key={s.from}>
                        {props.dateName(s.from)}: {props.statusName(s.status)}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            }}
          />
          {Array.from({ length: width }, (_, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segment j of every row is one stacked series
            <Bar key={j} dataKey={`s${j}`} stackId="timeline" isAnimationActive={false}>
              {timelines.map((tl, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per row, in row order
                <Cell key={i} fill={FILL[tl.segments[j]?.status ?? 'not-attained']} stroke={OUTLINE} strokeWidth={1} />
              ))}
            </Bar>
          ))}
          {changeDays.map((day) => (
            <ReferenceLine key={day} x={daysBetween(from, day)} stroke="#8250df" strokeDasharray="4 3" strokeWidth={2} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ul className="chart-legend" aria-hidden="true">
        {(['attained', 'not-attained'] as const).map((status) => (
          <li key={status}>
            <span className="swatch" style={{ background: FILL[status], border: `1px solid ${OUTLINE}` }} />{' '}
            {props.statusName(status)}
          </li>
        ))}
        <li>
          <span className="swatch swatch-line" /> {props.changeLabel}
        </li>
      </ul>
    </div>
  );
}

function monthTicks(from: string, total: number): number[] {
  const ticks: number[] = [];
  const [y, m] = from.split('-').map(Number) as [number, number];
  for (let i = 1; i <= 24; i += 3) {
    const date = new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 10);
    const offset = daysBetween(from, date);
    if (offset > 0 && offset < total) ticks.push(offset);
  }
  return [0, ...ticks];
}

function LevelTick(props: {
  readonly lines: readonly (readonly string[])[];
  x?: number;
  y?: number;
  payload?: { value: number };
}) {
  const lines = props.lines[props.payload?.value ?? -1] ?? [];
  // Centred on the row: the first line starts half the block's height above it.
  const first = `${0.35 - ((lines.length - 1) * 1.2) / 2}em`;
  return (
    <text className="level-tick" x={props.x} y={props.y} textAnchor="end" fontSize={LABEL_SIZE} fill="#1f2328">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one label, in order
        <tspan key={i} x={props.x} dy={i === 0 ? first : '1.2em'} fontWeight={i === lines.length - 1 ? 600 : undefined}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Cuts a label to about `width` Latin characters; Chinese and Korean characters count double, being twice as wide. */
export function shorten(text: string, width: number): string {
  let used = 0;
  let i = 0;
  for (const char of text) {
    const w = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(char) ? 2 : 1;
    if (used + w > width) return `${text.slice(0, i)}…`;
    used += w;
    i += char.length;
  }
  return text;
}
