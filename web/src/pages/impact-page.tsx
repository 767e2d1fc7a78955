import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { messageCodeOf } from '../../../src/render/messages.js';
import { renderFinding } from '../../../src/render/render-text.js';
import { ApiError, mediaTypeOf } from '../api/client.js';
import type { ApiIssue, ImpactReport, OrganizationSummary, ProgramRun } from '../api/types.js';
import { ErrorView } from '../components/loadable.js';
import { Pager } from '../components/pager.js';
import { ProgressBar } from '../components/progress-bar.js';
import { StatusBadge } from '../components/status-badge.js';
import { isRunning, levelKey, runProgress } from '../lib/admin-model.js';
import { AppLink } from '../lib/app-link.js';
import { isIsoDay } from '../lib/dates.js';
import { levelName } from '../lib/level-names.js';
import { useFormatter } from '../lib/org-data.js';
import { orgPath, useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';
import { POLL_MS } from './admin-page.js';

const PAGE_SIZE = 25;

type State =
  | { readonly state: 'idle' }
  | { readonly state: 'sending' }
  | { readonly state: 'running'; readonly run: ProgramRun; readonly report: ImpactReport | null }
  | { readonly state: 'refused'; readonly issues: readonly ApiIssue[]; readonly message: string }
  | { readonly state: 'error'; readonly error: unknown };

/** What a draft catalog would change: every stored organization evaluated under both catalogs, as a job. */
export function ImpactPage() {
  const { t, api, asOf: sessionAsOf } = useSession();
  useTitle(t.impactTitle);
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [asOf, setAsOf] = useState(sessionAsOf);
  const [state, setState] = useState<State>({ state: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !isIsoDay(asOf)) return;
    setState({ state: 'sending' });
    try {
      const run = await api.post<ProgramRun>(
        '/api/program/impacts',
        { asOf, name: file.name },
        file.text,
        mediaTypeOf(file.name),
      );
      setState({ state: 'running', run, report: null });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400)
        setState({ state: 'refused', issues: error.issues, message: error.message });
      else setState({ state: 'error', error });
    }
  };

  // Follows the report until its run has finished.
  const runId = state.state === 'running' ? state.run.id : null;
  const going = state.state === 'running' && isRunning(state.report?.run ?? state.run);
  // One more for every answer while the run goes: the next poll is scheduled after each.
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (!runId || !going) return;
    void polls;
    let live = true;
    const timer = setTimeout(() => {
      api.get<ImpactReport>(`/api/program/impacts/${encodeURIComponent(runId)}`, { limit: 10_000 }).then(
        (report) => {
          if (!live) return;
          setState({ state: 'running', run: report.run, report });
          setPolls((n) => n + 1);
        },
        (error: unknown) => live && setState({ state: 'error', error }),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, runId, going, polls]);

  return (
    <section aria-labelledby="impact-title" data-testid="impact">
      <h1 id="impact-title">{t.impactTitle}</h1>
      <p>{t.impactHelp}</p>
      <form className="import-form card" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t.draftCatalog}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml"
            data-testid="draft-file"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-as-of`}>{t.asOf}</label>
          <input id={`${id}-as-of`} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={!file || !isIsoDay(asOf) || state.state === 'sending' || going}>
          {t.computeImpact}
        </button>
      </form>
      {state.state === 'sending' && (
        <p className="loading" role="status">
          {t.loading}
        </p>
      )}
      {state.state === 'error' && <ErrorView error={state.error} />}
      {state.state === 'refused' && <Refused issues={state.issues} message={state.message} />}
      {state.state === 'running' && <Progress run={state.report?.run ?? state.run} />}
      {state.state === 'running' && state.report && !isRunning(state.report.run) && <Report report={state.report} />}
    </section>
  );
}

function Progress(props: { readonly run: ProgramRun }) {
  const { t } = useSession();
  const f = useFormatter();
  const { run } = props;
  const n = (x: number) => f.number(x);
  const text = isRunning(run)
    ? run.total === null
      ? t.runQueued
      : t.runProgress(n(run.done), n(run.total))
    : t.runDone(n(run.done), n(run.failed));
  return (
    <div aria-live="polite" data-testid="impact-progress">
      <ProgressBar label={t.computeImpact} value={runProgress(run)} text={text} met={!isRunning(run) && run.failed === 0} />
    </div>
  );
}

function Report(props: { readonly report: ImpactReport }) {
  const { t, catalog } = useSession();
  const f = useFormatter();
  const [page, setPage] = useState(0);
  const { report } = props;
  // Names from the list of organizations; the report names them by id.
  const list = useResource<{ organizations: readonly OrganizationSummary[] }>('/api/orgs');
  const names = useMemo(
    () => new Map(list.status === 'ok' ? list.data.organizations.map((o) => [o.id, o.name ?? o.id] as const) : []),
    [list],
  );
  const { totals } = report;
  const n = (x: number) => f.number(x);
  const day = report.run.asOf;
  const name = (l: { competency: string; option: string; level: string }) => {
    const found = levelName(catalog, f, l, day);
    return `${found.competency} · ${found.option} · ${found.level}`;
  };
  const shown = useMemo(() => report.changes.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), [report, page]);
  if (report.total === 0) return <p data-testid="impact-none">{t.noImpact}</p>;
  return (
    <div data-testid="impact-report">
      <p className="plan-cost" data-testid="impact-summary">
        {t.impactSummary(n(totals.organizations), n(totals.gain), n(totals.lose), n(totals.other))}
      </p>
      <div className="table-scroll">
        <table data-testid="impact-totals">
          <caption>{t.impactPerLevel}</caption>
          <thead>
            <tr>
              <th scope="col">{t.level}</th>
              <th scope="col" className="num">
                {t.gained}
              </th>
              <th scope="col" className="num">
                {t.lost}
              </th>
              <th scope="col" className="num">
                {t.otherChanges}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.levels.map((l) => (
              <tr key={levelKey(l)}>
                <th scope="row">{name(l)}</th>
                <td className="num">{n(l.gain)}</td>
                <td className="num">{n(l.lose)}</td>
                <td className="num">{n(l.other)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageSize={PAGE_SIZE} total={report.changes.length} onPage={setPage} label={t.changesPages} />
      <div className="table-scroll">
        <table data-testid="impact-changes">
          <caption>{t.impactChanges}</caption>
          <thead>
            <tr>
              <th scope="col">{t.organization}</th>
              <th scope="col">{t.level}</th>
              <th scope="col">{t.underCurrent}</th>
              <th scope="col">{t.underDraft}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={`${c.org}/${levelKey(c)}`}>
                <th scope="row">
                  <AppLink to={orgPath(c.org)}>{names.get(c.org) ?? c.org}</AppLink>
                </th>
                <td>{name(c)}</td>
                <td>{c.before === null ? <span className="muted">{t.levelAbsent}</span> : <StatusBadge status={c.before} />}</td>
                <td>{c.after === null ? <span className="muted">{t.levelAbsent}</span> : <StatusBadge status={c.after} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A draft catalog the server refused: every problem, with its line when the server knows it. */
function Refused(props: { readonly issues: readonly ApiIssue[]; readonly message: string }) {
  const { t, m } = useSession();
  const f = useFormatter();
  const text = (issue: ApiIssue) => {
    const known = messageCodeOf(issue.code) !== undefined;
    return known ? renderFinding(issue.code, issue.params, f, m) : (issue.message ?? issue.code);
  };
  return (
    <section className="notice notice-error" role="alert" data-testid="impact-refused">
      <h2>{t.catalogRefused(props.issues.length)}</h2>
      {props.issues.length === 0 ? (
        <p>{props.message}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t.line}
                </th>
                <th scope="col">{t.location}</th>
                <th scope="col">{t.problem}</th>
              </tr>
            </thead>
            <tbody>
              {props.issues.map((issue, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; their order is the file's
                <tr key={i}>
                  <td className="num">{issue.params.line === undefined ? '' : String(issue.params.line)}</td>
                  <td>{issue.path ?? ''}</td>
                  <td>
                    {text(issue)} <code className="issue-code">[{issue.code}]</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
