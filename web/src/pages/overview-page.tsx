import { useMemo } from 'react';
import type { Formatter } from '../../../src/render/formatter.js';
import { describeCauses } from '../../../src/render/render-forecast.js';
import type { ForecastChange, Standing, StoredEvaluation, StoredLevel } from '../api/types.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { AppLink } from '../lib/app-link.js';
import { orgApi, useEvaluation, useFormatter, useOrganizationSummary } from '../lib/org-data.js';
import { useRenderTiming } from '../lib/render-timing.js';
import { type OptionCard, optionCards, type RequirementNode, requirementTree } from '../lib/requirement-tree.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** Each competency option with its Silver and Gold status, and bars of progress toward the next level. */
export function OverviewPage(props: { readonly org: string }) {
  const { t, m, catalog } = useSession();
  useTitle(t.overviewTitle);
  const evaluation = useEvaluation(props.org);
  // No organization file here: the bars need no names, and the counts come with the summary.
  const summary = useOrganizationSummary(props.org);
  // The stored standing (lifecycle, losses ahead) comes from the jobs; the page does not wait for it.
  const standing = useResource<Standing>(orgApi(props.org, '/standing'));
  const stored = standing.status === 'ok' && !('pending' in standing.data) ? standing.data : null;
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
      {stored && stored.asOf !== evaluation.data.asOf && (
        <p className="meta" data-testid="standing-as-of">
          {t.lifecycle}: {t.programAsOf(f.date(stored.asOf))}
        </p>
      )}
      {standing.status === 'ok' && 'pending' in standing.data && (
        <p className="notice" data-testid="standing-pending">
          {t.standingPending}
        </p>
      )}
      {stored?.error && (
        <p className="notice notice-error" data-testid="standing-failed" title={stored.error.message}>
          {t.standingFailed(stored.error.code)}
        </p>
      )}
      <div className="cards">
        {cards.map((card) => (
          <OptionCardView key={`${card.competency}/${card.option}`} card={card} f={f} org={props.org} stored={stored} />
        ))}
      </div>
    </section>
  );
}

function OptionCardView(props: {
  readonly card: OptionCard;
  readonly f: Formatter;
  readonly org: string;
  readonly stored: StoredEvaluation | null;
}) {
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
        {card.levels.map((level) => {
          const kept = props.stored?.levels.find(
            (l) => l.competency === card.competency && l.option === card.option && l.level === level.result.level,
          );
          return (
            <li key={level.id} data-testid={`level-${level.result.level}`}>
              <StatusBadge status={level.result.status} label={f.text(level.name)} />
              {kept && <StoredStanding level={kept} f={f} />}
            </li>
          );
        })}
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

/** A level's lifecycle status as stored, and when it will be lost, and why, if it will be within the horizon. */
function StoredStanding(props: { readonly level: StoredLevel; readonly f: Formatter }) {
  const { t, locale } = useSession();
  const { level, f } = props;
  const risk = level.atRisk;
  return (
    <span className="stored-standing">
      <span className="lifecycle" data-testid="lifecycle">
        {t.lifecycle}: {t.lifecycleName(level.lifecycle.status)}
      </span>
      {risk && (
        <span className="level-risk" data-testid="at-risk-note">
          {t.willBeLostOn(
            f.date(risk.date),
            describeCauses(
              {
                ...level,
                date: risk.date,
                attained: false,
                status: risk.status,
                causes: risk.causes as ForecastChange['causes'],
              },
              f,
              locale,
            ),
          )}
        </span>
      )}
    </span>
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
