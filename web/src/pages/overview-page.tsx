import { useMemo } from 'react';
import { measureText } from '../../../src/kinds/presented.js';
import type { Formatter } from '../../../src/render/formatter.js';
import { OUTLOOK_MESSAGES } from '../../../src/render/outlook-messages.js';
import { describeCauses } from '../../../src/render/render-forecast.js';
import { describeAction, describeChange, describeHeadroom, type NamedLevel } from '../../../src/render/render-outlook.js';
import type { ForecastChange, LevelOutlook, Outlook, Standing, StoredEvaluation, StoredLevel } from '../api/types.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { AppLink } from '../lib/app-link.js';
import { addDays } from '../lib/dates.js';
import { orgApi, useEvaluation, useFormatter, useOrganizationSummary } from '../lib/org-data.js';
import { useRenderTiming } from '../lib/render-timing.js';
import {
  type LevelCard,
  type MeasureNode,
  type OptionCard,
  optionCards,
  type RequirementNode,
  requirementTree,
} from '../lib/requirement-tree.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';

/** Each competency option with its Silver and Gold status, and bars of progress toward the next level. */
export function OverviewPage(props: { readonly org: string }) {
  const { t, m, catalog, asOf } = useSession();
  useTitle(t.overviewTitle);
  const evaluation = useEvaluation(props.org);
  // No organization file here: the bars need no names, and the counts come with the summary.
  const summary = useOrganizationSummary(props.org);
  // The stored standing (lifecycle, losses ahead) comes from the jobs; the page does not wait for it.
  const standing = useResource<Standing>(orgApi(props.org, '/standing'));
  const stored = standing.status === 'ok' && !('pending' in standing.data) ? standing.data : null;
  // Next changes and actions as of the page's day, within the forecast's horizon; the cards do not wait for them.
  const outlookResource = useResource<Outlook>(orgApi(props.org, '/outlook'), { asOf });
  const outlook = outlookResource.status === 'ok' ? outlookResource.data : null;
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
          <OptionCardView
            key={`${card.competency}/${card.option}`}
            card={card}
            f={f}
            org={props.org}
            stored={stored}
            outlook={outlook}
          />
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
  readonly outlook: Outlook | null;
}) {
  const { t } = useSession();
  const { card, f, outlook } = props;
  const ahead = (level: LevelCard) =>
    outlook?.levels.find((l) => l.competency === card.competency && l.option === card.option && l.level === level.result.level);
  // Of the levels not attained, the action belongs to the first one something can be done for (an undetermined
  // Silver, with no threshold in the market, has none: Gold's is the one to show).
  const firstToReach = card.levels.find((level) => !level.result.attained && ahead(level)?.action);
  // The first of the option's levels to lapse: what "every level is attained" holds until.
  const lapse = card.levels
    .flatMap((level) => {
      const risk = ahead(level)?.atRisk;
      return risk ? [{ level, date: risk.date }] : [];
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
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
          const coming = ahead(level);
          return (
            <li key={level.id} data-testid={`level-${level.result.level}`}>
              <StatusBadge status={level.result.status} label={f.text(level.name)} />
              {kept && <StoredStanding level={kept} f={f} showRisk={!coming} />}
              {coming && outlook && (
                <LevelAhead
                  level={level}
                  outlook={coming}
                  horizonEnd={addDays(outlook.asOf, outlook.horizonDays)}
                  actionable={level.result.attained || level === firstToReach}
                  f={f}
                />
              )}
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
        <p className="all-attained" data-testid="all-attained">
          {lapse
            ? t.allAttainedUntil(f.text(lapse.level.name), f.date(lapse.date))
            : outlook
              ? t.allAttainedThrough(f.date(addDays(outlook.asOf, outlook.horizonDays)))
              : t.allAttained}
        </p>
      )}
    </article>
  );
}

/**
 * What comes next for a level as of the page's day: its next change within the forecast's horizon and why, how far
 * above each threshold it stands when attained, and the one thing to do next.
 */
function LevelAhead(props: {
  readonly level: LevelCard;
  readonly outlook: LevelOutlook;
  readonly horizonEnd: string;
  /** Whether an action belongs here: a level held, or the first one to reach (not Gold while Silver is missing). */
  readonly actionable: boolean;
  readonly f: Formatter;
}) {
  const { locale } = useSession();
  const { outlook, f } = props;
  const o = OUTLOOK_MESSAGES[locale];
  const level: NamedLevel = { ...props.level, name: f.text(props.level.name) };
  const change = outlook.nextChange;
  const attained = level.result.status === 'attained';
  const headroom = attained ? describeHeadroom(level, f) : [];
  return (
    <span className="level-ahead">
      {change ? (
        <span className={attained && change.status !== 'attained' ? 'level-risk' : 'level-change'} data-testid="next-change">
          {describeChange(level, change, f, locale)}
        </span>
      ) : (
        attained && (
          <span className="level-change" data-testid="next-change">
            {o.noChangeAhead(f.date(props.horizonEnd))}
          </span>
        )
      )}
      {headroom.length > 0 && (
        <span className="headroom" data-testid="headroom">
          {o.headroom}: {headroom.join(' · ')}
        </span>
      )}
      {props.actionable && outlook.action && (
        <span className="next-action" data-testid="next-action">
          <strong>{o.nextAction}:</strong> {describeAction(level, outlook.action, f)}
        </span>
      )}
    </span>
  );
}

/** A level's lifecycle status as stored, and when it will be lost, and why, if it will be within the horizon. */
function StoredStanding(props: { readonly level: StoredLevel; readonly f: Formatter; readonly showRisk: boolean }) {
  const { t, locale } = useSession();
  const { level, f } = props;
  const risk = props.showRisk ? level.atRisk : null;
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

/** An amount against its threshold, in the unit it counts (money, points, things a kind names). */
function MeasureBar(props: { readonly node: MeasureNode; readonly f: Formatter }) {
  const { t, m } = useSession();
  const { node, f } = props;
  const text = measureText(node, f, { bar: t.revenueBar, shortBy: m.shortBy, noThreshold: t.noThreshold });
  return <ProgressBar label={f.text(node.name)} value={node.ratio} text={text} met={node.status === 'met'} />;
}

/** Revenue against each threshold and people per role against the count, for every requirement of a level. */
export function RequirementBars(props: { readonly nodes: readonly RequirementNode[]; readonly f: Formatter }) {
  const { t, m } = useSession();
  const { f } = props;
  return (
    <div className="requirements">
      {props.nodes.map((node) => {
        if (node.shape === 'measure') return <MeasureBar key={node.id} node={node} f={f} />;
        if (node.shape === 'group')
          return (
            <fieldset key={node.id} className="requirement-group">
              <legend>
                {f.text(node.name)} <span className="requirement-status">({m.requirementStatus[node.status]})</span>
              </legend>
              <MeasureBar node={node.summary} f={f} />
              <RequirementBars nodes={node.members} f={f} />
            </fieldset>
          );
        if (node.shape === 'seats')
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
                    count
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
