import type { Locale } from '../../../src/core/localized.js';
import type { Formatter } from '../../../src/render/formatter.js';
import { describeCauses } from '../../../src/render/render-forecast.js';
import type { ForecastChange, StoredTransition } from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { StatusBadge } from '../components/status-badge.js';
import type { UiMessages } from '../i18n/index.js';
import { levelName } from '../lib/level-names.js';
import { orgApi, useFormatter } from '../lib/org-data.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** Why a level's status changed, in words: the forecast's own cause texts when time passed. */
export function describeTransition(
  transition: Pick<StoredTransition, 'competency' | 'option' | 'level' | 'date' | 'to' | 'cause'>,
  t: UiMessages,
  f: Formatter,
  locale: Locale,
): string {
  const cause = transition.cause;
  switch (cause.kind) {
    case 'first':
      return t.causeFirst;
    case 'data':
      return t.causeData;
    case 'catalog':
      return t.causeCatalog(cause.catalogVersion);
    case 'rewind':
      return t.causeRewind;
    case 'date':
      return t.causeDate(
        describeCauses(
          {
            ...transition,
            attained: transition.to === 'attained',
            status: transition.to,
            causes: cause.causes as ForecastChange['causes'],
          },
          f,
          locale,
        ),
      );
  }
}

/** What changed for this organization, when and why: each level's transitions, newest first. */
export function HistoryPage(props: { readonly org: string }) {
  const { t, catalog, locale } = useSession();
  useTitle(t.historyTitle);
  const history = useResource<{ transitions: readonly StoredTransition[] }>(orgApi(props.org, '/transitions'));
  const f = useFormatter();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t.historyTitle}</h2>
      <Loadable resource={history}>
        {(data) =>
          data.transitions.length === 0 ? (
            <p>{t.noHistory}</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="transitions">
                <thead>
                  <tr>
                    <th scope="col">{t.date}</th>
                    <th scope="col">{t.level}</th>
                    <th scope="col">{t.change}</th>
                    <th scope="col">{t.cause}</th>
                    <th scope="col">{t.recordedAt}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.transitions.map((tr) => {
                    const n = levelName(catalog, f, tr, tr.date);
                    return (
                      <tr key={tr.id}>
                        <td className="nowrap">{f.date(tr.date)}</td>
                        <th scope="row">
                          {n.competency} · {n.option} · {n.level}
                        </th>
                        <td className="transition-change">
                          {tr.from === null ? <span className="muted">{t.noStatus}</span> : <StatusBadge status={tr.from} />}
                          {' → '}
                          <StatusBadge status={tr.to} />
                        </td>
                        <td>{describeTransition(tr, t, f, locale)}</td>
                        <td className="nowrap muted">{time.format(new Date(tr.recordedAt))}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>
    </section>
  );
}
