import { useMemo } from 'react';
import type { Formatter } from '../../../src/render/formatter.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { AppLink } from '../lib/app-link.js';
import { useEvaluation, useFormatter, useOrganizationSummary } from '../lib/org-data.js';
import { useRenderTiming } from '../lib/render-timing.js';
import { type OptionCard, optionCards, type RequirementNode, requirementTree } from '../lib/requirement-tree.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';

/** Each competency option with its Silver and Gold status, and bars of progress toward the next level. */
export function OverviewPage(props: { readonly org: string }) {
  const { t, m, catalog } = useSession();
  useTitle(t.overviewTitle);
  const evaluation = useEvaluation(props.org);
  // No organization file here: the bars need no names, and the counts come with the summary.
  const summary = useOrganizationSummary(props.org);
  const f = useFormatter();
  const cards = useMemo(() => (evaluation.status === 'ok' ? optionCards(evaluation.data, catalog) : []), [evaluation, catalog]);
  const ready = evaluation.status === 'ok' && summary.status === 'ok';
  useRenderTiming('overview', ready ? Math.max(evaluation.at, summary.at) : null);

  if (evaluation.status === 'error') return <ErrorView error={evaluation.error} />;
  if (summary.status === 'error') return <ErrorView error={summary.error} />;
  if (!ready) return <Loading />;
  return (
    <section aria-labelledby="overview-title" data-testid="overview" data-ready="true">
      <h2 id="overview-title" className="visually-hidden">
        {t.overviewTitle}
      </h2>
      <p className="meta">
        {t.orgFacts(
          f.number(summary.data?.people ?? 0),
          f.number(summary.data?.customers ?? 0),
          f.number(summary.data?.revenueRecords ?? 0),
        )}
        {' · '}
        {f.date(evaluation.data.asOf)} · {m.market(evaluation.data.market)}
      </p>
      <div className="cards">
        {cards.map((card) => (
          <OptionCardView key={`${card.competency}/${card.option}`} card={card} f={f} org={props.org} />
        ))}
      </div>
    </section>
  );
}

function OptionCardView(props: { readonly card: OptionCard; readonly f: Formatter; readonly org: string }) {
  const { t } = useSession();
  const { card, f } = props;
  const titleId = `card-${card.competency}-${card.option}`;
  const next = card.next;
  const version = card.levels[0]?.result.catalogVersion;
  return (
    <article className="card" aria-labelledby={titleId} data-testid={`option-${card.competency}-${card.option}`}>
      <h3 id={titleId}>{f.text(card.competencyName)}</h3>
      <p className="subtitle">
        {f.text(card.optionName)}
        {version ? ` · ${t.versionNote(version)}` : ''}
      </p>
      <ul className="level-list">
        {card.levels.map((level) => (
          <li key={level.id}>
            <StatusBadge status={level.result.status} label={f.text(level.name)} />
          </li>
        ))}
      </ul>
      {next ? (
        <>
          <h4>{t.progressToward(f.text(next.name))}</h4>
          <RequirementBars nodes={requirementTree(next.definition?.requirements ?? [], next.result.requirements)} f={f} />
          <AppLink to={`${orgPath(props.org, 'gaps')}?level=${encodeURIComponent(next.id)}`} className="more-link">
            {t.gapsTitle(f.text(next.name))}
          </AppLink>
        </>
      ) : (
        <p className="all-attained">{t.allAttained}</p>
      )}
    </article>
  );
}

/** Revenue against each threshold and people per role against the count, for every requirement of a level. */
export function RequirementBars(props: { readonly nodes: readonly RequirementNode[]; readonly f: Formatter }) {
  const { t, m } = useSession();
  const { f } = props;
  return (
    <div className="requirements">
      {props.nodes.map((node) => {
        if (node.kind === 'revenue') {
          const text =
            node.required === null
              ? `${f.money(node.counted, node.currency)} (${t.noThreshold})`
              : `${t.revenueBar(f.money(node.counted, node.currency), f.money(node.required, node.currency))}${
                  node.shortfall && node.shortfall !== '0' ? ` — ${m.shortBy(f.money(node.shortfall, node.currency))}` : ''
                }`;
          return (
            <ProgressBar key={node.id} label={f.text(node.name)} value={node.ratio} text={text} met={node.status === 'met'} />
          );
        }
        if (node.kind === 'people')
          return (
            <fieldset key={node.id} className="requirement-group">
              <legend>
                {f.text(node.name)} <span className="requirement-status">({m.requirementStatus[node.status]})</span>
              </legend>
              {node.pools.flatMap((pool) =>
                pool.roles.map((role) => (
                  <ProgressBar
                    key={`${pool.id}/${role.id}`}
                    label={f.text(role.name)}
                    value={role.count === 0 ? 1 : role.assigned.length / role.count}
                    text={t.roleBar(role.assigned.length, role.count)}
                    met={role.assigned.length >= role.count}
                  />
                )),
              )}
            </fieldset>
          );
        return (
          <fieldset key={node.id} className="requirement-group">
            <legend>
              {f.text(node.name)} <span className="requirement-status">({m.requirementStatus[node.status]})</span>
            </legend>
            {node.paths.map((path) => (
              <div key={path.id} className={`path ${path.id === node.chosen ? 'is-chosen' : ''}`}>
                <p className="path-name">
                  {path.id === node.chosen ? t.chosenPath(f.text(path.name)) : `${t.pathOption}: ${f.text(path.name)}`}{' '}
                  <span className="requirement-status">({m.requirementStatus[path.status]})</span>
                </p>
                <RequirementBars nodes={path.requirements} f={f} />
              </div>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
