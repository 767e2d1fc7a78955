import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Formatter } from '../../../src/render/formatter.js';
import { renderFinding } from '../../../src/render/render-text.js';
import { ApiError, mediaTypeOf } from '../api/client.js';
import { type ApiIssue, type ApiIssueGroup, IMPORT_KINDS, type ImportKind, type ImportResult } from '../api/types.js';
import { orgApi } from '../lib/org-data.js';
import { useSession } from '../lib/session.js';

/** The refusal's last issue when leaving out the bad rows would let the others be imported (`params.rows`). */
const SKIPPABLE = 'import.rows.skippable';
const TRUNCATED = 'import.issues.truncated';
/** Causes shown at once; the rest, and every single problem, are a click away, so a big refusal stays one screen. */
const SHOWN_CAUSES = 5;

type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'busy' }
  | { readonly state: 'preview' | 'applied'; readonly result: ImportResult; readonly skipInvalid: boolean }
  | {
      readonly state: 'refused';
      readonly issues: readonly ApiIssue[];
      readonly groups: readonly ApiIssueGroup[];
      readonly message: string;
    };

/**
 * Uploads a file: first a dry run that shows what would change, then the real import. A refused file shows its
 * problems by cause and, when only rows are at fault, offers to leave them out and import the others; after saving,
 * the panel says what changed and stays where it is.
 */
export function ImportPanel(props: { readonly org: string; readonly f: Formatter }) {
  const { t, api, cache } = useSession();
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [kind, setKind] = useState<ImportKind>('auto');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const send = async (dryRun: boolean, skipInvalid: boolean) => {
    if (!file) return;
    setOutcome({ state: 'busy' });
    try {
      const result = await api.post<ImportResult>(
        orgApi(props.org, `/imports/${kind}`),
        { dryRun: dryRun ? 'true' : undefined, skipInvalid: skipInvalid ? 'true' : undefined },
        file.text,
        mediaTypeOf(file.name),
      );
      setOutcome({ state: dryRun ? 'preview' : 'applied', result, skipInvalid });
      // Everything computed from the organization's data is stale after a real import.
      if (!dryRun) cache.invalidate(orgApi(props.org), '/api/orgs?', '/api/orgs', '/api/program/');
    } catch (error) {
      // 409 too: someone another organization lists (MCID), or another writer; their issues say it in the page's words.
      if (error instanceof ApiError && (error.status === 400 || error.status === 409 || error.status === 413))
        setOutcome({
          state: 'refused',
          issues: error.status === 413 ? [] : error.issues,
          groups: error.status === 413 ? [] : error.groups,
          message: error.status === 413 ? t.tooLarge : error.message,
        });
      else
        setOutcome({
          state: 'refused',
          issues: [],
          groups: [],
          message: error instanceof Error ? error.message : String(error),
        });
    }
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    void send(true, false);
  };

  return (
    <section className="card wide import" aria-labelledby={`${id}-title`} data-testid="import">
      <h3 id={`${id}-title`}>{t.uploadTitle}</h3>
      <p>{t.uploadHelp}</p>
      <form onSubmit={preview} className="import-form">
        <div className="field">
          <span className="label" id={`${id}-file-label`}>
            {t.file}
          </span>
          {/* The browser's own control says "Choose file / No file chosen" in its language, not the dashboard's:
              it stays in the page, for the keyboard and screen readers, but is drawn by the label beside it. */}
          <div className="file-picker">
            <input
              id={`${id}-file`}
              type="file"
              className="visually-hidden"
              data-testid="import-file"
              aria-labelledby={`${id}-file-label ${id}-file-name`}
              accept=".csv,.json,.yaml,.yml,text/csv,application/json,application/yaml"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                setOutcome({ state: 'idle' });
                setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
              }}
            />
            <label htmlFor={`${id}-file`} className="file-button">
              {t.chooseFile}
            </label>
            <span id={`${id}-file-name`} className="file-name" data-testid="import-file-name">
              {file ? file.name : t.noFileChosen}
            </span>
          </div>
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
            onApply={outcome.state === 'preview' && outcome.result.changed ? () => void send(false, outcome.skipInvalid) : null}
          />
        )}
        {outcome.state === 'refused' && (
          <Refused
            issues={outcome.issues}
            groups={outcome.groups}
            message={outcome.message}
            f={props.f}
            onSkip={() => void send(true, true)}
          />
        )}
      </div>
    </section>
  );
}

function ImportSummary(props: { readonly result: ImportResult; readonly f: Formatter; readonly onApply: (() => void) | null }) {
  const { t, m } = useSession();
  const { result, f } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const applied = !result.dryRun;
  // The confirmation takes the focus where it appears, so that a keyboard or screen reader user hears it and the
  // page stays at the panel rather than anywhere else.
  useEffect(() => {
    if (applied) heading.current?.focus();
  }, [applied]);
  // Records of a kind the file does not hold are all zeros: left out.
  const entities = Object.entries(result.summary).filter(([, c]) => c.added + c.updated + c.unchanged + (c.removed ?? 0) > 0);
  const removals = entities.some(([, c]) => (c.removed ?? 0) > 0);
  const total = (key: 'added' | 'updated' | 'removed') => entities.reduce((n, [, c]) => n + (c[key] ?? 0), 0);
  const leftOut = result.leftOut;
  return (
    <div
      className={applied ? 'import-result import-saved' : 'import-result'}
      data-testid={result.dryRun ? 'import-preview' : 'import-applied'}
    >
      <h4 ref={heading} tabIndex={-1}>
        {result.dryRun ? t.previewTitle(t.kindName(result.kind)) : t.appliedTitle}
      </h4>
      {applied && result.changed && (
        <p role="status" data-testid="import-confirmation">
          {t.appliedSummary(total('added'), total('updated'), total('removed'))}
        </p>
      )}
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
      {leftOut && (
        <div className="notice" data-testid="import-left-out">
          <h5>
            {result.dryRun
              ? t.leftOutPreview(leftOut.rows, f.number(leftOut.rows))
              : t.leftOutApplied(leftOut.rows, f.number(leftOut.rows))}
          </h5>
          <Causes groups={leftOut.groups} f={f} />
          <AllProblems issues={leftOut.issues} f={f} />
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

function Refused(props: {
  readonly issues: readonly ApiIssue[];
  readonly groups: readonly ApiIssueGroup[];
  readonly message: string;
  readonly f: Formatter;
  readonly onSkip: () => void;
}) {
  const { t, m } = useSession();
  // Past 1000 problems the API lists the first 1000 and says how many there were.
  const truncated = props.issues.find((i) => i.code === TRUNCATED);
  const skippable = props.issues.find((i) => i.code === SKIPPABLE);
  const rows = props.issues.filter((i) => i !== truncated && i !== skippable);
  const total = truncated ? Number(truncated.params.total) : rows.length;
  const badRows = skippable ? Number(skippable.params.rows) : 0;
  return (
    <div className="notice notice-error" role="alert" data-testid="import-refused">
      <h4>{t.refusedTitle(total)}</h4>
      {rows.length === 0 && <p>{props.message}</p>}
      {rows.length > 0 && <p>{t.refusedRule}</p>}
      {props.groups.length > 0 ? (
        <>
          <Causes groups={props.groups} f={props.f} />
          <AllProblems issues={rows} f={props.f} />
        </>
      ) : (
        rows.length > 0 && <IssueTable caption={t.badRowsCaption} rows={rows} f={props.f} m={m} />
      )}
      {truncated && <p>{renderFinding(truncated.code, truncated.params, props.f, m)}</p>}
      {skippable && (
        <div className="skip-offer">
          <p>{t.skipOffer(badRows, props.f.number(badRows))}</p>
          <button type="button" className="primary" onClick={props.onSkip} data-testid="import-skip-invalid">
            {t.skipButton(badRows, props.f.number(badRows))}
          </button>
        </div>
      )}
    </div>
  );
}

/** Each cause once, with how many rows have it and the first of their lines; the less frequent behind a click. */
function Causes(props: { readonly groups: readonly ApiIssueGroup[]; readonly f: Formatter }) {
  const { t, m } = useSession();
  const item = (g: ApiIssueGroup, i: number) => (
    <li key={i}>
      <span className="cause">
        {renderFinding(g.code, g.params, props.f, m)} <code className="issue-code">[{g.code}]</code>
      </span>{' '}
      <span className="cause-rows">{m.importGroupRows(g.count, g.lines, props.f)}</span>
    </li>
  );
  const rest = props.groups.slice(SHOWN_CAUSES);
  return (
    <div className="causes" data-testid="import-causes">
      <p className="caption">{t.causesCaption}</p>
      <ul>{props.groups.slice(0, SHOWN_CAUSES).map(item)}</ul>
      {rest.length > 0 && (
        <details>
          <summary>{t.moreCauses(rest.length)}</summary>
          <ul>{rest.map((g, i) => item(g, i + SHOWN_CAUSES))}</ul>
        </details>
      )}
    </div>
  );
}

/** Every listed problem at its line and column, folded away: a 524-row refusal is not a 20,000-pixel panel. */
function AllProblems(props: { readonly issues: readonly ApiIssue[]; readonly f: Formatter }) {
  const { t, m } = useSession();
  const [open, setOpen] = useState(false);
  if (props.issues.length === 0) return null;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.allProblems(props.issues.length)}</summary>
      {/* Rendered when opened: a thousand rows cost nothing until someone asks for them. */}
      {open && <IssueTable caption={t.badRowsCaption} rows={props.issues} f={props.f} m={m} />}
    </details>
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
