import { type FormEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Formatter } from '../../../src/render/formatter.js';
import {
  type LevelCounts,
  LIFECYCLE_STATUSES,
  type ProgramCounts,
  type ProgramPage,
  type ProgramRow,
  type ProgramRun,
  type ProgramSort,
} from '../api/types.js';
import { ErrorView, Loadable } from '../components/loadable.js';
import { Pager } from '../components/pager.js';
import { ProgressBar } from '../components/progress-bar.js';
import {
  type AdminFilter,
  AT_RISK_HORIZON,
  atRiskLevels,
  catalogOrder,
  filterQuery,
  isRunning,
  type LevelStatusFilter,
  levelColumns,
  levelKey,
  NO_FILTER,
  pageQuery,
  runProgress,
} from '../lib/admin-model.js';
import { AppLink } from '../lib/app-link.js';
import { levelName } from '../lib/level-names.js';
import { useFormatter } from '../lib/org-data.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';
import { ClaimedTwicePanel } from './claimed-twice-panel.js';

const PAGE_SIZE = 25;
/** How often a run's progress is asked for while it goes. */
export const POLL_MS = 600;
/** How long typing in the filter bar waits before asking the server. */
const TYPING_MS = 250;
const MARK = { attained: '✔', 'not-attained': '✘', undetermined: '?' } as const;

/** The program operator's view: counts per level, who is at risk, and every organization, filtered on the server. */
export function AdminPage() {
  const { t } = useSession();
  const f = useFormatter();
  useTitle(t.adminTitle);
  const counts = useResource<ProgramCounts>('/api/program/counts');
  const risks = useResource<ProgramPage>('/api/program/organizations', {
    atRiskWithin: AT_RISK_HORIZON,
    sort: 'at-risk',
    limit: 100,
  });
  return (
    <section aria-labelledby="admin-title" data-testid="admin">
      <div className="page-head">
        <h1 id="admin-title">{t.adminTitle}</h1>
        <RunControl />
      </div>
      {counts.status === 'ok' && (
        <p className="meta" data-testid="program-as-of">
          {counts.data.asOf ? t.programAsOf(f.date(counts.data.asOf)) : t.programNeverRun}
        </p>
      )}
      <p className="meta">
        <AppLink to="/program/alerts" data-testid="operator-alerts-link">
          {t.alertsOperatorLink}
        </AppLink>
      </p>
      <div className="admin-summary">
        <Loadable resource={counts}>{(data) => <CountsChart levels={data.levels} asOf={data.asOf} />}</Loadable>
        <Loadable resource={risks}>{(data) => <AtRiskList rows={data.rows} />}</Loadable>
      </div>
      <OrganizationTable levels={counts.status === 'ok' ? counts.data.levels : []} />
      <ClaimedTwicePanel />
    </section>
  );
}

/** Per level, a bar of attained (at risk apart), not attained and undetermined, with the numbers in words. */
function CountsChart(props: { readonly levels: readonly LevelCounts[]; readonly asOf: string | null }) {
  const { t, m, catalog } = useSession();
  const f = useFormatter();
  const id = useId();
  const n = (x: number) => f.number(x);
  const day = props.asOf ?? new Date().toISOString().slice(0, 10);
  const levels = useMemo(() => {
    const order = catalogOrder(catalog);
    const place = (c: LevelCounts) => order.get(levelKey(c)) ?? Number.MAX_SAFE_INTEGER;
    return [...props.levels].sort((a, b) => place(a) - place(b));
  }, [props.levels, catalog]);
  return (
    <section aria-labelledby={`${id}-counts`} className="card">
      <h2 id={`${id}-counts`}>{t.countsHeading}</h2>
      {levels.length === 0 && <p>{t.noStandings}</p>}
      <ul className="counts" data-testid="level-counts">
        {levels.map((c) => {
          const name = levelName(catalog, f, c, day);
          const total = Math.max(1, c.attained + c.notAttained + c.undetermined);
          const width = (x: number) => `${(100 * x) / total}%`;
          return (
            <li key={levelKey(c)}>
              <span className="count-name">
                {name.option} · <strong>{name.level}</strong>
              </span>
              <span className="count-bar" aria-hidden="true">
                <span className="seg seg-attained" style={{ width: width(c.attained - c.atRisk) }} />
                <span className="seg seg-at-risk" style={{ width: width(c.atRisk) }} />
                <span className="seg seg-undetermined" style={{ width: width(c.undetermined) }} />
                <span className="seg seg-not-attained" style={{ width: width(c.notAttained) }} />
              </span>
              <span className="count-value">
                {[
                  t.attainedCount(n(c.attained)),
                  ...(c.atRisk ? [t.atRiskCount(n(c.atRisk))] : []),
                  t.notAttainedCount(n(c.notAttained)),
                  ...(c.undetermined ? [t.undeterminedCount(n(c.undetermined))] : []),
                ].join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="chart-legend" aria-hidden="true" hidden={levels.length === 0}>
        <li>
          <span className="swatch seg-attained" /> {m.levelStatus.attained}
        </li>
        <li>
          <span className="swatch seg-at-risk" /> {t.lifecycleName('at-risk')}
        </li>
        <li>
          <span className="swatch seg-undetermined" /> {m.levelStatus.undetermined}
        </li>
        <li>
          <span className="swatch seg-not-attained" /> {m.levelStatus['not-attained']}
        </li>
      </ul>
    </section>
  );
}

/** Every level held that the stored standings say will be lost within the horizon, soonest first. */
function AtRiskList(props: { readonly rows: readonly ProgramRow[] }) {
  const { t, catalog } = useSession();
  const f = useFormatter();
  const id = useId();
  const risks = atRiskLevels(props.rows);
  return (
    <section aria-labelledby={`${id}-risk`} className="card">
      <h2 id={`${id}-risk`}>{t.atRiskHeading(AT_RISK_HORIZON)}</h2>
      {risks.length === 0 ? (
        <p>{t.noneAtRisk}</p>
      ) : (
        <ul className="risks" data-testid="at-risk">
          {risks.map(({ row, level }) => {
            const name = levelName(catalog, f, level, row.asOf ?? level.atRisk);
            return (
              <li key={`${row.id}/${levelKey(level)}`}>
                <AppLink to={orgPath(row.id, 'forecast')}>{row.name ?? row.id}</AppLink>:{' '}
                {t.losesOn(`${name.option} · ${name.level}`, f.date(level.atRisk))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** "Run now": starts a run of the program as of the picked day, then follows its progress until it ends. */
function RunControl() {
  const { t, api, asOf, cache } = useSession();
  const f = useFormatter();
  const [run, setRun] = useState<ProgramRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One more for every answer while the run goes: the next poll is scheduled after each.
  const [polls, setPolls] = useState(0);

  // A run already going (started elsewhere, or before a reload) is followed too.
  useEffect(() => {
    let live = true;
    api.get<{ runs: readonly ProgramRun[] }>('/api/program/runs').then(
      (data) => {
        const latest = data.runs[0];
        if (live && latest && isRunning(latest)) setRun(latest);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const running = isRunning(run);
  const runId = run?.id;
  useEffect(() => {
    if (!running || !runId) return;
    let live = true;
    void polls;
    const timer = setTimeout(() => {
      api.get<ProgramRun>(`/api/program/runs/${encodeURIComponent(runId)}`).then(
        (next) => {
          if (!live) return;
          setRun(next);
          setPolls((n) => n + 1);
          // Finished: everything the page shows was stored by it.
          if (!isRunning(next)) cache.invalidate('/api/program/', '/api/orgs/');
        },
        (e: unknown) => live && setError(e),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, cache, running, runId, polls]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setRun(await api.post<ProgramRun>('/api/program/runs', { asOf }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const n = (x: number) => f.number(x);
  let text = '';
  if (run && running) text = run.total === null ? t.runQueued : t.runProgress(n(run.done), n(run.total));
  else if (run) text = t.runDone(n(run.done), n(run.failed));
  return (
    <div className="run-control" data-testid="run-control">
      <button type="button" className="primary" onClick={start} disabled={busy || running}>
        {t.runNow}
      </button>
      <div aria-live="polite" className="run-status">
        {run && <ProgressBar label={t.runNow} value={runProgress(run)} text={text} met={!running && run.failed === 0} />}
      </div>
      {error !== null && <ErrorView error={error} />}
    </div>
  );
}

/** The filter bar, the paged table and the CSV of the same filter. */
function OrganizationTable(props: { readonly levels: readonly LevelCounts[] }) {
  const { t, m, catalog, api } = useSession();
  const f = useFormatter();
  const id = useId();
  const [filter, setFilter] = useState<AdminFilter>(NO_FILTER);
  const [sent, setSent] = useState<AdminFilter>(NO_FILTER);
  const [sort, setSort] = useState<ProgramSort>('name');
  const [descending, setDescending] = useState(false);
  const [page, setPage] = useState(0);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  // Typing waits a moment before asking; choices in lists go at once.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const change = useCallback((next: AdminFilter, typed = false) => {
    setFilter(next);
    clearTimeout(timer.current);
    const send = () => {
      setSent(next);
      setPage(0);
    };
    if (typed) timer.current = setTimeout(send, TYPING_MS);
    else send();
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const rows = useResource<ProgramPage>('/api/program/organizations', pageQuery(sent, sort, descending, page, PAGE_SIZE));
  const shownRows = rows.status === 'ok' ? rows.data.rows : [];
  const order = useMemo(() => catalogOrder(catalog), [catalog]);
  const columns = useMemo(() => levelColumns(props.levels, shownRows, order), [props.levels, shownRows, order]);
  const day = shownRows.find((r) => r.asOf)?.asOf ?? new Date().toISOString().slice(0, 10);
  const named = columns.map((c) => ({ key: levelKey(c), ...levelName(catalog, f, c, day) }));

  const download = async () => {
    setDownloadError(null);
    try {
      const blob = await api.blob('/api/program/organizations.csv', filterQuery(sent));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'attain-program.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      setDownloadError(e);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    change(filter);
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <section aria-labelledby={field('table')} className="program">
      <h2 id={field('table')} className="visually-hidden">
        {t.organizations}
      </h2>
      <form className="filters" onSubmit={submit} data-testid="program-filters">
        <div className="field">
          <label htmlFor={field('q')}>{t.search}</label>
          <input
            id={field('q')}
            type="search"
            placeholder={t.searchPlaceholder}
            value={filter.text}
            onChange={(e) => change({ ...filter, text: e.target.value }, true)}
          />
        </div>
        <div className="field">
          <label htmlFor={field('level')}>{t.level}</label>
          <select id={field('level')} value={filter.level} onChange={(e) => change({ ...filter, level: e.target.value })}>
            <option value="">{t.any}</option>
            {named.map((c) => (
              <option key={c.key} value={c.key}>
                {c.option} · {c.level}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field('status')}>{t.status}</label>
          <select
            id={field('status')}
            value={filter.status}
            onChange={(e) => change({ ...filter, status: e.target.value as LevelStatusFilter })}
          >
            <option value="">{t.any}</option>
            {(['attained', 'not-attained', 'undetermined'] as const).map((s) => (
              <option key={s} value={s}>
                {m.levelStatus[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field('lifecycle')}>{t.lifecycle}</label>
          <select
            id={field('lifecycle')}
            value={filter.lifecycle}
            onChange={(e) => change({ ...filter, lifecycle: e.target.value as AdminFilter['lifecycle'] })}
          >
            <option value="">{t.any}</option>
            {LIFECYCLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.lifecycleName(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={field('market')}>{t.market}</label>
          <select id={field('market')} value={filter.market} onChange={(e) => change({ ...filter, market: e.target.value })}>
            <option value="">{t.allMarkets}</option>
            {catalog.markets.map((x) => (
              <option key={x} value={x}>
                {m.market(x)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={field('risk')}>{t.atRiskWithin}</label>
          <input
            id={field('risk')}
            type="number"
            min={0}
            max={AT_RISK_HORIZON}
            inputMode="numeric"
            value={filter.atRiskWithin}
            onChange={(e) => change({ ...filter, atRiskWithin: e.target.value }, true)}
          />
        </div>
        <div className="field">
          <label htmlFor={field('sort')}>{t.sortBy}</label>
          <select
            id={field('sort')}
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as ProgramSort);
              setPage(0);
            }}
          >
            <option value="name">{t.sortName}</option>
            <option value="id">{t.id}</option>
            <option value="market">{t.market}</option>
            <option value="attained">{t.sortAttained}</option>
            <option value="at-risk">{t.sortRisk}</option>
          </select>
        </div>
        <div className="checks">
          <label>
            <input
              type="checkbox"
              checked={descending}
              onChange={(e) => {
                setDescending(e.target.checked);
                setPage(0);
              }}
            />{' '}
            {t.descending}
          </label>
          <label>
            <input type="checkbox" checked={filter.failed} onChange={(e) => change({ ...filter, failed: e.target.checked })} />{' '}
            {t.failedOnly}
          </label>
        </div>
        <div className="filter-actions">
          <button type="button" onClick={() => change(NO_FILTER)}>
            {t.clearFilters}
          </button>
          <button type="button" onClick={download} data-testid="download-csv">
            {t.downloadCsv}
          </button>
        </div>
      </form>
      {downloadError !== null && <ErrorView error={downloadError} />}
      <Loadable resource={rows}>
        {(data) =>
          data.total === 0 ? (
            <p data-testid="program-table-empty">{t.noMatches}</p>
          ) : (
            <>
              <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} label={t.tablePages} />
              <div className="table-scroll">
                <table className="program-table" data-testid="program-table">
                  <thead>
                    <tr>
                      <th scope="col" className="col-org">
                        {t.organization}
                      </th>
                      <th scope="col" className="col-market">
                        {t.market}
                      </th>
                      {named.map((c) => (
                        <th scope="col" key={c.key} className="col-level">
                          {c.option} · {c.level}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <ProgramTableRow key={row.id} row={row} columns={columns} f={f} />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loadable>
    </section>
  );
}

function ProgramTableRow(props: {
  readonly row: ProgramRow;
  readonly columns: readonly { competency: string; option: string; level: string }[];
  readonly f: Formatter;
}) {
  const { t, m } = useSession();
  const { row, f } = props;
  return (
    <tr>
      <th scope="row">
        <AppLink to={orgPath(row.id)}>{row.name ?? row.id}</AppLink>
        <span className="row-id">{row.id}</span>
        <span className="row-links">
          <AppLink to={orgPath(row.id, 'forecast')}>{t.navForecast}</AppLink>
          {' · '}
          <AppLink to={orgPath(row.id, 'history')}>{t.navHistory}</AppLink>
        </span>
        {row.error && (
          <span className="row-error" data-testid="row-error" title={row.error.message}>
            {t.evaluationFailed(row.error.code)}
          </span>
        )}
        {row.asOf === null && !row.error && <span className="row-id">{t.notEvaluated}</span>}
      </th>
      <td>{m.market(row.market)}</td>
      {props.columns.map((c) => {
        const level = row.levels.find((l) => levelKey(l) === levelKey(c));
        if (!level) return <td key={levelKey(c)}>—</td>;
        return (
          <td key={levelKey(c)} className="level-cell">
            <span className={`badge badge-${level.status}`}>
              <span aria-hidden="true">{MARK[level.status]} </span>
              {m.levelStatus[level.status]}
            </span>
            <span className="level-lifecycle">{t.lifecycleName(level.lifecycle)}</span>
            {level.atRisk && <span className="level-risk">{t.atRiskDate(f.date(level.atRisk))}</span>}
          </td>
        );
      })}
    </tr>
  );
}
