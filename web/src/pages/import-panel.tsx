import { type FormEvent, useId, useState } from 'react';
import type { Formatter } from '../../../src/render/formatter.js';
import { renderFinding } from '../../../src/render/render-text.js';
import { ApiError, mediaTypeOf } from '../api/client.js';
import { type ApiIssue, IMPORT_KINDS, type ImportKind, type ImportResult } from '../api/types.js';
import { orgApi } from '../lib/org-data.js';
import { useSession } from '../lib/session.js';

type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'busy' }
  | { readonly state: 'preview' | 'applied'; readonly result: ImportResult }
  | { readonly state: 'refused'; readonly issues: readonly ApiIssue[]; readonly message: string };

/** Uploads a file: first a dry run that shows what would change, then the real import; refused files list every bad row. */
export function ImportPanel(props: { readonly org: string; readonly f: Formatter }) {
  const { t, api, cache } = useSession();
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [kind, setKind] = useState<ImportKind>('auto');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setOutcome({ state: 'busy' });
    try {
      const result = await api.post<ImportResult>(
        orgApi(props.org, `/imports/${kind}`),
        { dryRun: dryRun ? 'true' : undefined },
        file.text,
        mediaTypeOf(file.name),
      );
      setOutcome({ state: dryRun ? 'preview' : 'applied', result });
      // Everything computed from the organization's data is stale after a real import.
      if (!dryRun) cache.invalidate(orgApi(props.org), '/api/orgs?', '/api/orgs', '/api/program/');
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 413))
        setOutcome({
          state: 'refused',
          issues: error.status === 413 ? [] : error.issues,
          message: error.status === 413 ? t.tooLarge : error.message,
        });
      else setOutcome({ state: 'refused', issues: [], message: error instanceof Error ? error.message : String(error) });
    }
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <section className="card wide import" aria-labelledby={`${id}-title`} data-testid="import">
      <h3 id={`${id}-title`}>{t.uploadTitle}</h3>
      <p>{t.uploadHelp}</p>
      <form onSubmit={preview} className="import-form">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t.file}</label>
          <input
            id={`${id}-file`}
            type="file"
            data-testid="import-file"
            accept=".csv,.json,.yaml,.yml,text/csv,application/json,application/yaml"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              setOutcome({ state: 'idle' });
              setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t.kind}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kindName(k)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={!file || outcome.state === 'busy'}>
          {t.preview}
        </button>
      </form>
      <div aria-live="polite">
        {outcome.state === 'busy' && <p role="status">{t.loading}</p>}
        {(outcome.state === 'preview' || outcome.state === 'applied') && (
          <ImportSummary
            result={outcome.result}
            f={props.f}
            onApply={outcome.state === 'preview' && outcome.result.changed ? () => void send(false) : null}
          />
        )}
        {outcome.state === 'refused' && <Refused issues={outcome.issues} message={outcome.message} f={props.f} />}
      </div>
    </section>
  );
}

function ImportSummary(props: { readonly result: ImportResult; readonly f: Formatter; readonly onApply: (() => void) | null }) {
  const { t, m } = useSession();
  const { result, f } = props;
  // Records of a kind the file does not hold are all zeros: left out.
  const entities = Object.entries(result.summary).filter(([, c]) => c.added + c.updated + c.unchanged + (c.removed ?? 0) > 0);
  const removals = entities.some(([, c]) => (c.removed ?? 0) > 0);
  return (
    <div className="import-result" data-testid={result.dryRun ? 'import-preview' : 'import-applied'}>
      <h4>{result.dryRun ? t.previewTitle(t.kindName(result.kind)) : t.appliedTitle}</h4>
      {!result.changed && <p>{t.noChange}</p>}
      {entities.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.entity}</th>
                <th scope="col" className="num">
                  {t.added}
                </th>
                <th scope="col" className="num">
                  {t.updatedCount}
                </th>
                <th scope="col" className="num">
                  {t.unchanged}
                </th>
                {removals && (
                  <th scope="col" className="num">
                    {t.removed}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {entities.map(([entity, counts]) => (
                <tr key={entity}>
                  <th scope="row">{t.entityName(entity)}</th>
                  <td className="num">{f.number(counts.added)}</td>
                  <td className="num">{f.number(counts.updated)}</td>
                  <td className="num">{f.number(counts.unchanged)}</td>
                  {removals && <td className="num">{f.number(counts.removed ?? 0)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.skipped.length > 0 && (
        <IssueTable
          caption={t.skippedTitle(result.skipped.length)}
          rows={result.skipped.map((s) => ({ code: s.reason, params: { ...s.params, line: s.line } }))}
          f={f}
          m={m}
        />
      )}
      {(result.notices ?? []).length > 0 && (
        <ul className="notices">
          {(result.notices ?? []).map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notices have no id
            <li key={i}>{renderFinding(n.code, n.params, f, m)}</li>
          ))}
        </ul>
      )}
      {props.onApply && (
        <button type="button" className="primary" onClick={props.onApply}>
          {t.apply}
        </button>
      )}
    </div>
  );
}

function Refused(props: { readonly issues: readonly ApiIssue[]; readonly message: string; readonly f: Formatter }) {
  const { t, m } = useSession();
  // Past 1000 problems the API lists the first 1000 and says how many there were.
  const truncated = props.issues.find((i) => i.code === 'import.issues.truncated');
  const rows = props.issues.filter((i) => i !== truncated);
  const total = truncated ? Number(truncated.params.total) : rows.length;
  return (
    <div className="notice notice-error" role="alert" data-testid="import-refused">
      <h4>{t.refusedTitle(total)}</h4>
      {rows.length === 0 && <p>{props.message}</p>}
      {truncated && <p>{renderFinding(truncated.code, truncated.params, props.f, m)}</p>}
      {rows.length > 0 && <IssueTable caption={t.badRowsCaption} rows={rows} f={props.f} m={m} />}
    </div>
  );
}

function IssueTable(props: {
  readonly caption: string;
  readonly rows: readonly { readonly code: string; readonly path?: string; readonly params: Readonly<Record<string, unknown>> }[];
  readonly f: Formatter;
  readonly m: ReturnType<typeof useSession>['m'];
}) {
  const { t } = useSession();
  return (
    <div className="table-scroll">
      <table data-testid="bad-rows">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.line}
            </th>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.problem}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id; their order is the file's
            <tr key={i}>
              <td className="num">{row.params.line === undefined ? '' : String(row.params.line)}</td>
              <td>{columnOf(row)}</td>
              <td>
                {renderFinding(row.code, row.params, props.f, props.m)} <code className="issue-code">[{row.code}]</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where in the row: the CSV column's name (or the JSON path) the API gives, else the character position. */
function columnOf(row: { readonly path?: string; readonly params: Readonly<Record<string, unknown>> }): string {
  if (row.path && row.path !== '$') return row.path;
  return row.params.column === undefined ? '' : String(row.params.column);
}
