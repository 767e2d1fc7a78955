import { useMemo } from 'react';
import { findLevel } from '../../../src/catalog/find-level.js';
import { parseDay } from '../../../src/core/day.js';
import { describeCauses } from '../../../src/render/render-forecast.js';
import type { Forecast } from '../api/types.js';
import { ForecastChart } from '../components/charts/forecast-chart.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { StatusBadge } from '../components/status-badge.js';
import { addDays, addMonths } from '../lib/dates.js';
import { levelTimelines } from '../lib/forecast-model.js';
import { orgApi, useFormatter } from '../lib/org-data.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** The next 18 months of each level's status as a chart, with every date of change and its causes. */
export default function ForecastPage(props: { readonly org: string }) {
  const { t, m, asOf, locale, catalog } = useSession();
  useTitle(t.forecastTitle);
  const to = addMonths(asOf, 18);
  const forecast = useResource<Forecast>(orgApi(props.org, '/forecast'), { from: asOf, to });
  const f = useFormatter();
  const data = forecast.status === 'ok' ? forecast.data : null;
  const end = data ? addDays(data.to, 1) : to;
  const timelines = useMemo(() => (data ? levelTimelines(data, end) : []), [data, end]);
  const names = (ids: { competency: string; option: string; level: string }, day: string) => {
    const found = findLevel(catalog, ids, parseDay(day) ?? 0);
    return found
      ? ([f.text(found.competency.name), f.text(found.option.name), f.text(found.level.name)] as const)
      : ([ids.competency, ids.option, ids.level] as const);
  };

  if (forecast.status === 'error') return <ErrorView error={forecast.error} />;
  if (!data) return <Loading />;
  return (
    <section aria-labelledby="forecast-title" data-testid="forecast">
      <h2 id="forecast-title">{t.forecastTitle}</h2>
      <p className="meta">{t.forecastRange(f.date(data.from), f.date(data.to))}</p>
      <ForecastChart
        timelines={timelines}
        labels={timelines.map((tl) => {
          const [, option, level] = names(tl, data.from);
          return [option, level] as const;
        })}
        from={data.from}
        end={end}
        locale={locale}
        statusName={(s) => m.levelStatus[s]}
        dateName={(d) => f.date(d)}
        label={t.forecastChart(data.changes.length)}
        changeLabel={t.changeMarker}
      />
      <div className="table-scroll">
        <table data-testid="forecast-changes">
          <caption>{t.changesHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.date}</th>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.cause}</th>
            </tr>
          </thead>
          <tbody>
            {data.changes.length === 0 && (
              <tr>
                <td colSpan={4}>{t.noChanges}</td>
              </tr>
            )}
            {data.changes.map((change) => (
              <tr key={`${change.date}/${change.competency}/${change.option}/${change.level}`}>
                <td className="nowrap">{f.date(change.date)}</td>
                <th scope="row">{names(change, change.date).join(' · ')}</th>
                <td>
                  <StatusBadge status={change.status} />
                </td>
                <td>{describeCauses(change, f, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
