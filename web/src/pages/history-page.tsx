import type { History } from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { StatusBadge } from '../components/status-badge.js';
import { levelName } from '../lib/level-names.js';
import { orgApi, useFormatter } from '../lib/org-data.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** Past evaluations the API served for this organization, newest first, with each level's status then. */
export function HistoryPage(props: { readonly org: string }) {
  const { t, catalog, locale } = useSession();
  useTitle(t.historyTitle);
  const history = useResource<History>(orgApi(props.org, '/history'));
  const f = useFormatter();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="history-title" data-testid="history">
      <h2 id="history-title">{t.historyTitle}</h2>
      <Loadable resource={history}>
        {(data) =>
          data.snapshots.length === 0 ? (
            <p>{t.noHistory}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.takenAt}</th>
                    <th scope="col">{t.asOf}</th>
                    <th scope="col">{t.catalogVersion}</th>
                    <th scope="col">{t.levels}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.snapshots.map((s) => (
                    <tr key={s.id}>
                      <td className="nowrap">{time.format(new Date(s.takenAt))}</td>
                      <td className="nowrap">{f.date(s.asOf)}</td>
                      <td>{s.catalogVersion}</td>
                      <td>
                        <ul className="plain level-statuses">
                          {s.levels.map((l) => {
                            const n = levelName(catalog, f, l, s.asOf);
                            return (
                              <li key={`${l.competency}/${l.option}/${l.level}`}>
                                <StatusBadge status={l.status} label={`${n.option} · ${n.level}`} />
                              </li>
                            );
                          })}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>
    </section>
  );
}
