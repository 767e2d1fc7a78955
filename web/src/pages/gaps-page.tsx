import { useId, useMemo } from 'react';
import { describeRole } from '../../../src/kinds/people/describe-role.js';
import type { Formatter } from '../../../src/render/formatter.js';
import { renderFinding, renderGap } from '../../../src/render/render-text.js';
import type { Finding } from '../api/types.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { StatusBadge } from '../components/status-badge.js';
import { AppLink } from '../lib/app-link.js';
import { useEvaluation, useFormatter, useOrganization } from '../lib/org-data.js';
import { groupNodes, type LevelCard, optionCards, requirementTree, type SeatsNode, seatNodes } from '../lib/requirement-tree.js';
import { orgPath, setQueryParam, useLocation, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { RequirementBars } from './overview-page.js';

/** For each option: what is missing for a level, in the CLI's words, and who fills which seat. */
export function GapsPage(props: { readonly org: string }) {
  const { t, catalog } = useSession();
  const evaluation = useEvaluation(props.org);
  const document = useOrganization(props.org);
  const f = useFormatter(document.status === 'ok' ? document.data : undefined);
  const cards = useMemo(() => (evaluation.status === 'ok' ? optionCards(evaluation.data, catalog) : []), [evaluation, catalog]);
  const levelIds = [...new Set(cards.flatMap((c) => c.levels.map((l) => l.id)))];
  // The level explained is in the URL (`?level=silver`), so the overview can link to "Why not Silver?".
  const chosen = new URLSearchParams(useLocation().search).get('level');
  const levelId = chosen && levelIds.includes(chosen) ? chosen : (levelIds.at(-1) ?? 'gold');
  const levelName = cards.flatMap((c) => c.levels).find((l) => l.id === levelId)?.name;
  const title = t.gapsTitle(levelName ? f.text(levelName) : levelId);
  useTitle(title);
  const selectId = useId();

  if (evaluation.status === 'error') return <ErrorView error={evaluation.error} />;
  if (document.status === 'error') return <ErrorView error={document.error} />;
  if (evaluation.status === 'loading' || document.status === 'loading') return <Loading />;
  return (
    <section aria-labelledby="gaps-title" data-testid="gaps">
      <div className="page-head">
        <h2 id="gaps-title">{title}</h2>
        <div className="field field-inline">
          <label htmlFor={selectId}>{t.levelToExplain}</label>
          <select id={selectId} value={levelId} onChange={(e) => setQueryParam('level', e.target.value)}>
            {levelIds.map((id) => {
              const name = cards.flatMap((c) => c.levels).find((l) => l.id === id)?.name;
              return (
                <option key={id} value={id}>
                  {name ? f.text(name) : id}
                </option>
              );
            })}
          </select>
        </div>
      </div>
      {cards.map((card) => {
        const level = card.levels.find((l) => l.id === levelId);
        if (!level) return null;
        return (
          <article
            key={`${card.competency}/${card.option}`}
            className="card wide"
            aria-labelledby={`gap-${card.competency}-${card.option}`}
          >
            <h3 id={`gap-${card.competency}-${card.option}`}>
              {f.text(card.competencyName)} · {f.text(card.optionName)}
            </h3>
            <p>
              <StatusBadge status={level.result.status} label={f.text(level.name)} />
            </p>
            <LevelGaps level={level} f={f} />
          </article>
        );
      })}
      <IgnoredList warnings={evaluation.data.warnings} org={props.org} f={f} />
    </section>
  );
}

/** How many of the ignored records the gaps page lists; the data page marks every one on its record. */
const IGNORED_SHOWN = 20;

/** Passes and revenue that do not count, with why: what may look like progress but is not. */
function IgnoredList(props: { readonly warnings: readonly Finding[]; readonly org: string; readonly f: Formatter }) {
  const { t, m } = useSession();
  const { warnings, f } = props;
  if (warnings.length === 0) return null;
  return (
    <article className="card wide" aria-labelledby="ignored-title" data-testid="ignored-list">
      <h3 id="ignored-title">{t.ignoredTitle(f.number(warnings.length))}</h3>
      <p className="meta">{t.ignoredHelp}</p>
      <ul className="gaps">
        {warnings.slice(0, IGNORED_SHOWN).map((w) => (
          <li key={w.path}>{renderFinding(w.code, w.params, f, m)}</li>
        ))}
      </ul>
      {warnings.length > IGNORED_SHOWN && (
        <AppLink to={orgPath(props.org, 'data')} className="more-link">
          {t.ignoredMore(f.number(warnings.length - IGNORED_SHOWN))}
        </AppLink>
      )}
    </article>
  );
}

function LevelGaps(props: { readonly level: LevelCard; readonly f: Formatter }) {
  const { t, m } = useSession();
  const { level, f } = props;
  const nodes = requirementTree(level.definition?.requirements ?? [], level.result.requirements);
  const groups = groupNodes(nodes);
  const seats = seatNodes(nodes);
  return (
    <>
      {level.result.gaps.length === 0 ? (
        <p className="all-attained">{t.nothingMissing}</p>
      ) : (
        <>
          <h4>{t.gapsHeading}</h4>
          <ul className="gaps" data-testid="gap-list">
            {level.result.gaps.map((gap) => (
              // Its facts too: two roles of one pool can be short by the same code and path.
              <li key={`${gap.code}/${gap.path}/${JSON.stringify(gap.params)}`}>
                {level.definition ? renderGap(gap, level.definition, f, m) : gap.code}
              </li>
            ))}
          </ul>
        </>
      )}
      {groups.length > 0 && (
        <>
          <h4>{t.scoresHeading}</h4>
          <RequirementBars nodes={groups} f={f} />
        </>
      )}
      {seats.length > 0 && <h4>{t.assignmentHeading}</h4>}
      {seats.map(({ node, path }) => (
        <Assignment
          key={`${path ?? ''}/${node.id}`}
          node={node}
          path={pathName(path, nodes, f)}
          chosen={isChosen(nodes, path)}
          f={f}
        />
      ))}
    </>
  );
}

/** Whether a path is the one that counts (or the level has no alternatives). */
function isChosen(nodes: ReturnType<typeof requirementTree>, path: string | null): boolean {
  if (path === null) return true;
  return nodes.some(
    (n) => n.shape === 'choice' && n.paths.some((p) => p.id === path) && (n.chosen === null || n.chosen === path),
  );
}

function pathName(path: string | null, nodes: ReturnType<typeof requirementTree>, f: Formatter): string | null {
  for (const n of nodes) if (n.shape === 'choice') for (const p of n.paths) if (p.id === path) return f.text(p.name);
  return path;
}

function Assignment(props: {
  readonly node: SeatsNode;
  readonly path: string | null;
  readonly chosen: boolean;
  readonly f: Formatter;
}) {
  const { t, m } = useSession();
  const { node, f } = props;
  return (
    <div className={`assignment ${props.chosen ? '' : 'is-muted'}`}>
      {props.path !== null && (
        <p className="path-name">
          {props.path} {props.chosen ? '' : `(${t.notChosen})`}
        </p>
      )}
      {node.pools.map((pool) => (
        <div key={pool.id} className="pool">
          <p className="pool-summary">
            {t.seatsSummary(pool.filled, pool.seats)}
            {pool.roles.length > 1 ? ` ${t.poolNote}` : ''}
          </p>
          {pool.roles.map((role) => (
            <div key={role.id} className="role">
              <h5>
                {f.text(role.name)} ({f.number(role.count)})
                {role.definition && <span className="formula"> — {describeRole(role.definition, f, m)}</span>}
                <span className="eligible"> · {t.eligibleNote(role.eligible)}</span>
                {role.ofWhom && (
                  <span className="of-whom" data-testid="of-whom">
                    {' '}
                    · {t.ofWhomNote(role.ofWhom.holding.length, role.ofWhom.count)}
                  </span>
                )}
              </h5>
              <ol className="seats" aria-label={f.text(role.name)}>
                {role.seats.map((person, i) => (
                  // Seats have no identity beyond their number.
                  // biome-ignore lint/suspicious/noArrayIndexKey: a seat is its position
                  <li key={i} className={person ? 'seat' : 'seat is-empty'}>
                    <span className="seat-number">
                      {t.seat} {f.number(i + 1)}
                    </span>{' '}
                    <span className="seat-person">{person ? f.person(person) : t.emptySeat}</span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
