import { useId, useMemo, useState } from 'react';
import type { ProgramOverview } from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { StatusBadge } from '../components/status-badge.js';
import { type AdminFilter, type AdminSort, atRiskList, countsPerLevel, filterAndSort, levelKey } from '../lib/admin-model.js';
import { AppLink } from '../lib/app-link.js';
import { levelName } from '../lib/level-names.js';
import { useFormatter } from '../lib/org-data.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

const AT_RISK_DAYS = 90;

/** The program operator's view: every organization with its levels, counts per level, and who is at risk. */
export function AdminPage() {
  const { t, asOf } = useSession();
  useTitle(t.adminTitle);
  const overview = useResource<ProgramOverview>('/api/overview', { asOf, atRiskDays: AT_RISK_DAYS });
  return (
    <section aria-labelledby="admin-title" data-testid="admin">
      <h1 id="admin-title">{t.adminTitle}</h1>
      <Loadable resource={overview}>{(data) => <ProgramTable data={data} />}</Loadable>
    </section>
  );
}

function ProgramTable(props: { readonly data: ProgramOverview }) {
  const { t, m, catalog } = useSession();
  const f = useFormatter();
  const id = useId();
  const { data } = props;
  const [filter, setFilter] = useState<AdminFilter>({ text: '', market: '', level: '' });
  const [sort, setSort] = useState<AdminSort>('name');
  const shown = useMemo(() => filterAndSort(data.organizations, filter, sort), [data, filter, sort]);
  const counts = useMemo(() => countsPerLevel(data.organizations), [data]);
  const risks = useMemo(() => atRiskList(data.organizations), [data]);
  const columns = [...counts.keys()].map((key) => {
    const [competency = '', option = '', level = ''] = key.split('/');
    return { key, name: levelName(catalog, f, { competency, option, level }, data.asOf) };
  });
  const markets = [...new Set(data.organizations.map((o) => o.market))].sort();
  const n = (x: number) => f.number(x);

  return (
    <>
      <section aria-labelledby={`${id}-counts`} className="card wide">
        <h2 id={`${id}-counts`}>{t.countsHeading}</h2>
        <ul className="counts" data-testid="level-counts">
          {columns.map((c) => (
            <li key={c.key}>
              <span className="count-name">
                {c.name.competency} · {c.name.option} · <strong>{c.name.level}</strong>
              </span>
              <span className="count-value">{t.attainedCount(n(counts.get(c.key) ?? 0))}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby={`${id}-risk`} className="card wide">
        <h2 id={`${id}-risk`}>{t.atRiskHeading(AT_RISK_DAYS)}</h2>
        {risks.length === 0 ? (
          <p>{t.noneAtRisk}</p>
        ) : (
          <ul className="risks" data-testid="at-risk">
            {risks.map(({ org, risk }) => {
              const name = levelName(catalog, f, risk, data.asOf);
              return (
                <li key={`${org.id}/${levelKey(risk)}`}>
                  <AppLink to={orgPath(org.id, 'forecast')}>{org.name ?? org.id}</AppLink>:{' '}
                  {t.losesOn(`${name.option} · ${name.level}`, f.date(risk.date))}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-text`}>{t.filter}</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-market`}>{t.market}</label>
          <select id={`${id}-market`} value={filter.market} onChange={(e) => setFilter({ ...filter, market: e.target.value })}>
            <option value="">{t.allMarkets}</option>
            {markets.map((x) => (
              <option key={x} value={x}>
                {m.market(x)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-level`}>{t.levelFilter}</label>
          <select id={`${id}-level`} value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.target.value })}>
            <option value="">{t.anyLevel}</option>
            {columns.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name.option} · {c.name.level}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t.sortBy}</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as AdminSort)}>
            <option value="name">{t.sortName}</option>
            <option value="attained">{t.sortAttained}</option>
            <option value="risk">{t.sortRisk}</option>
          </select>
        </div>
      </div>
      <p className="meta" aria-live="polite">
        {t.orgCount(n(shown.length), n(data.organizations.length))}
      </p>
      <div className="table-scroll">
        <table className="program-table" data-testid="program-table">
          <thead>
            <tr>
              <th scope="col">{t.organization}</th>
              <th scope="col">{t.market}</th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.name.option} · {c.name.level}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((org) => (
              <tr key={org.id}>
                <th scope="row">
                  <AppLink to={orgPath(org.id)}>{org.name ?? org.id}</AppLink>
                </th>
                <td>{m.market(org.market)}</td>
                {columns.map((c) => {
                  const level = org.levels.find((l) => levelKey(l) === c.key);
                  return <td key={c.key}>{level ? <StatusBadge status={level.status} /> : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
