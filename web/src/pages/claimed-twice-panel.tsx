import { useId, useState } from 'react';
import type { ClaimedTwicePage } from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { Pager } from '../components/pager.js';
import { AppLink } from '../lib/app-link.js';
import { useFormatter } from '../lib/org-data.js';
import { orgPath } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

const PAGE_SIZE = 20;

/**
 * The operator's list of individuals two organizations claim, each with every organization's claim: which
 * organization lists them (and when its data last changed) or had a write refused (when, how often), as which person
 * record. Enough to call both and settle who counts them.
 */
export function ClaimedTwicePanel() {
  const { t } = useSession();
  const f = useFormatter();
  const id = useId();
  const [page, setPage] = useState(0);
  const claimed = useResource<ClaimedTwicePage>('/api/people/claimed-twice', { offset: page * PAGE_SIZE, limit: PAGE_SIZE });
  const day = (timestamp: string) => f.date(timestamp.slice(0, 10));
  return (
    <section aria-labelledby={`${id}-claimed`} className="card" data-testid="claimed-twice">
      <h2 id={`${id}-claimed`}>{t.claimedTitle}</h2>
      <p className="meta">{t.claimedHelp}</p>
      <Loadable resource={claimed}>
        {(data) =>
          data.total === 0 ? (
            <p>{t.claimedNone}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{t.claimedTitle}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.individual}</th>
                      <th scope="col">{t.organization}</th>
                      <th scope="col">{t.person}</th>
                      <th scope="col">{t.status}</th>
                    </tr>
                  </thead>
                  {data.rows.map((row) => (
                    <tbody key={`${row.kind}/${row.identity}`}>
                      {row.claims.map((claim, k) => (
                        <tr key={`${claim.status}/${claim.org}/${claim.person}`}>
                          {k === 0 && (
                            <th scope="rowgroup" rowSpan={row.claims.length}>
                              {t.identityOf(row.kind, row.identity)}
                            </th>
                          )}
                          <td>
                            {claim.status === 'refused' && !claim.orgExists ? (
                              <>
                                {claim.org} <span className="meta">({t.notStored})</span>
                              </>
                            ) : (
                              <AppLink to={orgPath(claim.org, 'data')}>{claim.orgName ?? claim.org}</AppLink>
                            )}
                          </td>
                          <td>
                            {claim.person}
                            {claim.status === 'listed' && claim.personName && ` · ${claim.personName}`}
                          </td>
                          <td className={claim.status === 'refused' ? 'is-not-counted' : undefined}>
                            {claim.status === 'listed'
                              ? t.claimListed(day(claim.orgChanged))
                              : t.claimRefused(f.number(claim.times), day(claim.firstRefused), day(claim.lastRefused))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </div>
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label={t.claimedTitle} />
            </>
          )
        }
      </Loadable>
    </section>
  );
}
