import type { OrganizationSummary } from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { AppLink } from '../lib/app-link.js';
import { useFormatter } from '../lib/org-data.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** The organizations the token can see. */
export function OrgListPage() {
  const { t, m } = useSession();
  useTitle(t.organizations);
  const orgs = useResource<{ organizations: readonly OrganizationSummary[] }>('/api/orgs');
  const f = useFormatter();
  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">{t.organizations}</h1>
      <Loadable resource={orgs}>
        {(data) =>
          data.organizations.length === 0 ? (
            <p>{t.noOrganizations}</p>
          ) : (
            <ul className="org-list" data-testid="org-list">
              {data.organizations.map((o) => (
                <li key={o.id} className="card">
                  <h2>
                    <AppLink to={orgPath(o.id)}>{o.name ?? o.id}</AppLink>
                  </h2>
                  <p className="meta">
                    {o.id} · {m.market(o.market)}
                    {o.country ? ` · ${o.country}` : ''}
                  </p>
                  <p>{t.orgFacts(f.number(o.people), f.number(o.customers), f.number(o.revenueRecords))}</p>
                  <p className="meta">{t.updated(f.date(o.updatedAt.slice(0, 10)))}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loadable>
    </section>
  );
}
