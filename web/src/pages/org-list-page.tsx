import type { Formatter } from '../../../src/render/formatter.js';
import type { OrganizationSummary } from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { AppLink } from '../lib/app-link.js';
import { highestHeld } from '../lib/highest-held.js';
import { levelName } from '../lib/level-names.js';
import { useFormatter } from '../lib/org-data.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** The organizations the token can see, with the levels each holds. */
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
                  <Held held={o.held} f={f} />
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

/** The highest level held per competency option, from the stored standings the program keeps. */
function Held(props: { readonly held: OrganizationSummary['held']; readonly f: Formatter }) {
  const { t, catalog } = useSession();
  const { held, f } = props;
  // A list without the field (a server from before it) says nothing rather than "not evaluated".
  if (held === undefined) return null;
  if (held === null) return <p className="meta">{t.heldPending}</p>;
  const date = f.date(held.asOf);
  const levels = highestHeld(catalog, held.levels, held.asOf);
  if (levels.length === 0) return <p data-testid="org-held">{t.heldNone(date)}</p>;
  return (
    <div data-testid="org-held">
      <p className="held-title">{t.heldAsOf(date)}</p>
      <ul className="held-list">
        {levels.map((l) => {
          const names = levelName(catalog, f, l, held.asOf);
          return (
            <li key={`${l.competency}/${l.option}`}>
              <span className="badge badge-attained">
                <span aria-hidden="true">✔ </span>
                {names.level}
              </span>{' '}
              <span className="held-name">
                {names.competency}
                <span className="meta"> · {names.option}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
