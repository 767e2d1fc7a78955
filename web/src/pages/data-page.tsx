import { useEffect, useRef, useState } from 'react';
import type { Exam } from '../../../src/catalog/catalog-types.js';
import { formatDay, parseDay } from '../../../src/core/day.js';
import { passExpiry } from '../../../src/engine/credential-expiry.js';
import { CREDENTIAL_WORDS } from '../../../src/render/credential-words.js';
import type { Formatter } from '../../../src/render/formatter.js';
import { renderFinding } from '../../../src/render/render-text.js';
import { RECORD_SORTS, type RecordKind } from '../../../src/store/record-sorts.js';
import type { CustomersPage, Finding, PeoplePage, RecordsPage, RevenuePage } from '../api/types.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { Pager } from '../components/pager.js';
import { orgApi, useFormatter, useOrganizationSummary } from '../lib/org-data.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { type Resource, useResource } from '../lib/use-resource.js';
import { ImportPanel } from './import-panel.js';

const TABS = ['people', 'customers', 'revenue'] as const satisfies readonly RecordKind[];
type Tab = (typeof TABS)[number];
const PAGE_SIZE = 25;
/** Typing waits a moment before asking the server, as the operator's filter does. */
const TYPING_MS = 250;

/**
 * People and their exams, customers with DPOR periods, revenue; and uploads with a dry-run preview. Each table asks
 * the server for one page at a time, filtered and sorted there, with what does not count and why on each row: a
 * large organization is megabytes, a page a few kilobytes.
 */
export function DataPage(props: { readonly org: string }) {
  const { t, me } = useSession();
  useTitle(t.dataTitle);
  const summary = useOrganizationSummary(props.org);
  const f = useFormatter();
  const [tab, setTab] = useState<Tab>('people');
  const [warnings, setWarnings] = useState<number | null>(null);
  if (summary.status === 'error') return <ErrorView error={summary.error} />;
  const known = summary.status === 'ok' ? summary.data : undefined;
  const counts: Record<Tab, number | undefined> = {
    people: known?.people,
    customers: known?.customers,
    revenue: known?.revenueRecords,
  };
  return (
    <section aria-labelledby="data-title" data-testid="data">
      <h2 id="data-title">{t.dataTitle}</h2>
      {warnings !== null && warnings > 0 && (
        <p className="notice" data-testid="ignored-summary">
          {t.ignoredTitle(f.number(warnings))}: {t.ignoredHelp}
        </p>
      )}
      <div role="tablist" aria-label={t.dataTitle} className="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(e) => {
              const i = TABS.indexOf(name);
              const next =
                e.key === 'ArrowRight'
                  ? TABS[(i + 1) % TABS.length]
                  : e.key === 'ArrowLeft'
                    ? TABS[(i + TABS.length - 1) % TABS.length]
                    : undefined;
              if (next) {
                e.preventDefault();
                setTab(next);
                window.document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t[name]}
            {counts[name] !== undefined && ` (${f.number(counts[name])})`}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {/* Keyed by tab: each table keeps its own filter, sort and page while it is shown. */}
        <RecordsTable key={tab} org={props.org} kind={tab} f={f} onWarnings={setWarnings} />
      </div>
      {me.role !== 'viewer' && <ImportPanel org={props.org} f={f} />}
    </section>
  );
}

/** What the table asks the server for. */
interface PageQuery {
  readonly q: string;
  readonly sort: string;
  readonly desc: boolean;
  readonly notCounting: boolean;
  readonly page: number;
}

/** The latest answer while the next one loads: the table stays in place, with its focus, as pages change. */
function useLatest<T>(resource: Resource<T>): { readonly data: T | undefined; readonly busy: boolean; readonly error: unknown } {
  const last = useRef<T | undefined>(undefined);
  if (resource.status === 'ok') last.current = resource.data;
  return {
    data: last.current,
    busy: resource.status === 'loading',
    error: resource.status === 'error' ? resource.error : undefined,
  };
}

function RecordsTable(props: {
  readonly org: string;
  readonly kind: Tab;
  readonly f: Formatter;
  readonly onWarnings: (n: number) => void;
}) {
  const { t, asOf } = useSession();
  const { kind, f } = props;
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<PageQuery>({ q: '', sort: 'file', desc: false, notCounting: false, page: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const change = (next: Partial<PageQuery>) => setQuery((q) => ({ ...q, page: 0, ...next }));
  const resource = useResource<RecordsPage>(orgApi(props.org, `/${kind}`), {
    asOf,
    q: query.q,
    sort: query.sort === 'file' ? undefined : query.sort,
    desc: query.desc,
    notCounting: query.notCounting,
    offset: query.page * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const { data, busy, error } = useLatest(resource);
  const { onWarnings } = props;
  useEffect(() => {
    if (data) onWarnings(data.warnings);
  }, [data, onWarnings]);
  if (!data) return error ? <ErrorView error={error} /> : <Loading />;
  const sortName: Readonly<Record<string, string>> = {
    file: t.fileOrder,
    id: t.id,
    name: t.name,
    exams: t.examCount,
    date: t.date,
    customer: t.customer,
    product: t.product,
    amount: t.amount,
  };
  return (
    <>
      <div className="filters records-filters">
        <div className="field field-inline">
          <label htmlFor={`filter-${kind}`}>{t.filter}</label>
          <input
            id={`filter-${kind}`}
            type="search"
            value={typed}
            placeholder={t.filterPlaceholder}
            onChange={(e) => {
              const text = e.target.value;
              setTyped(text);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => change({ q: text.trim() }), TYPING_MS);
            }}
          />
        </div>
        <div className="field field-inline">
          <label htmlFor={`sort-${kind}`}>{t.sortBy}</label>
          <select id={`sort-${kind}`} value={query.sort} onChange={(e) => change({ sort: e.target.value })}>
            {RECORD_SORTS[kind].map((sort) => (
              <option key={sort} value={sort}>
                {sortName[sort]}
              </option>
            ))}
          </select>
        </div>
        <div className="checks">
          <label>
            <input type="checkbox" checked={query.desc} onChange={(e) => change({ desc: e.target.checked })} /> {t.descending}
          </label>
          <label>
            <input type="checkbox" checked={query.notCounting} onChange={(e) => change({ notCounting: e.target.checked })} />{' '}
            {t.onlyNotCounting(f.number(data.notCounting))}
          </label>
        </div>
      </div>
      <div className="table-scroll" aria-busy={busy}>
        <table data-testid={`${kind}-table`}>
          <caption className="visually-hidden">{t[kind]}</caption>
          {kind === 'people' && <PeopleRows page={data as PeoplePage} f={f} />}
          {kind === 'customers' && <CustomerRows page={data as CustomersPage} f={f} />}
          {kind === 'revenue' && <RevenueRows page={data as RevenuePage} f={f} />}
        </table>
      </div>
      {/* What is shown, not what was asked: the rows stay until the next page arrives. */}
      <Pager
        page={Math.floor(data.offset / PAGE_SIZE)}
        pageSize={PAGE_SIZE}
        total={data.matched}
        onPage={(page) => setQuery((q) => ({ ...q, page }))}
        label={t[kind]}
      />
    </>
  );
}

function Headers(props: { readonly headers: readonly { readonly label: string; readonly className?: string }[] }) {
  return (
    <thead>
      <tr>
        {props.headers.map((header) => (
          <th key={header.label} scope="col" className={header.className}>
            {header.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** That a record does not count, and why: the evaluation's words for its warnings, or a reason of its own. */
function NotCounted(props: {
  readonly warnings?: readonly Finding[] | undefined;
  readonly reason?: string | undefined;
  readonly f: Formatter;
}) {
  const { t, m } = useSession();
  const reasons = (props.warnings ?? []).map(
    (w) => t.notCountedWhy(w.code, whenOf(w, props.f)) ?? renderFinding(w.code, w.params, props.f, m),
  );
  if (props.reason) reasons.push(props.reason);
  if (reasons.length === 0) return null;
  return (
    <span className="not-counted" data-testid="not-counted">
      <strong>{t.notCounted}</strong>: {reasons.join('; ')}
    </span>
  );
}

/** The date a warning turns on (an exam's launch, retirement or end of acceptance), in the page's words. */
function whenOf(warning: Finding, f: Formatter): string {
  const { launched, retired, acceptedUntil } = warning.params as Readonly<Record<string, unknown>>;
  const date = launched ?? retired ?? acceptedUntil;
  return typeof date === 'string' ? f.date(date) : '';
}

/** The last day a credential is valid: the file's own date, or the registry's term from the pass; undefined when it lasts. */
function validUntil(pass: { readonly passed: string; readonly expires?: string }, exam: Exam | undefined): string | undefined {
  const passed = parseDay(pass.passed);
  const day =
    exam && passed !== undefined
      ? passExpiry(exam, {
          exam: exam.code,
          passed,
          ...(pass.expires !== undefined && { expires: parseDay(pass.expires) as number }),
        })
      : null;
  return day === null ? pass.expires : formatDay(day);
}

function PeopleRows(props: { readonly page: PeoplePage; readonly f: Formatter }) {
  const { t, locale } = useSession();
  const { f } = props;
  return (
    <>
      <Headers headers={[{ label: t.id }, { label: t.name }, { label: t.exams }]} />
      <tbody>
        {props.page.rows.map((p) => (
          <tr key={p.id}>
            <td>{p.id}</td>
            <th scope="row">
              {p.name ?? ''}
              {p.email && <span className="person-email"> {p.email}</span>}
            </th>
            <td>
              <ul className="plain exams">
                {p.exams.map((e) => {
                  const exam = f.catalog?.findExam(e.exam);
                  const warned = e.warnings.length > 0;
                  const expires = validUntil(e, exam);
                  return (
                    <li key={`${e.exam}/${e.passed}`} className={warned ? 'is-not-counted' : undefined}>
                      <span className="exam-code">{CREDENTIAL_WORDS[locale].named(exam?.type, exam?.code ?? e.exam)}</span>
                      {exam && <span className="exam-title"> {f.text(exam.title)}</span>}
                      <span className="exam-date">
                        {' '}
                        · {t.passed} {f.date(e.passed)}
                      </span>
                      {expires && (
                        <span className="exam-date" data-testid="valid-until">
                          {' '}
                          · {t.validUntil} {f.date(expires)}
                        </span>
                      )}
                      <NotCounted warnings={e.warnings} f={f} />
                    </li>
                  );
                })}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function CustomerRows(props: { readonly page: CustomersPage; readonly f: Formatter }) {
  const { t } = useSession();
  const { f, page } = props;
  return (
    <>
      <Headers headers={[{ label: t.id }, { label: t.name }, { label: t.dporPeriods }]} />
      <tbody>
        {page.rows.map((c) => (
          <tr key={c.id} className={c.notCounted ? 'is-not-counted' : undefined}>
            <td>{c.id}</td>
            <th scope="row">{c.name ?? ''}</th>
            <td>
              <ul className="plain">
                {c.dpor.map((d) => (
                  <li key={d.from}>
                    {f.date(d.from)} – {d.to ? f.date(d.to) : t.openEnded}
                  </li>
                ))}
              </ul>
              {c.notCounted && (
                <NotCounted reason={t.customerNotCounted(f.date(page.asOf), page.association === 'associated-at-as-of')} f={f} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function RevenueRows(props: { readonly page: RevenuePage; readonly f: Formatter }) {
  const { t } = useSession();
  const { f, page } = props;
  const reasonOf = (r: RevenuePage['rows'][number], customer: string): string | undefined =>
    r.notCounted === 'outside-window'
      ? t.revenueOutsideWindow(f.date(page.asOf))
      : r.notCounted === 'not-associated'
        ? t.revenueNotAssociated(customer, f.date(page.association === 'within-period' ? r.date : page.asOf))
        : undefined;
  return (
    <>
      <Headers
        headers={[
          { label: t.date },
          { label: t.customer },
          { label: t.product },
          { label: t.amount, className: 'num' },
          { label: t.netNew },
        ]}
      />
      <tbody>
        {page.rows.map((r) => {
          const customer = r.customerName ?? r.customer;
          const reason = reasonOf(r, customer);
          return (
            <tr key={r.index} className={r.warnings.length > 0 || reason ? 'is-not-counted' : undefined}>
              <td className="nowrap">{f.date(r.date)}</td>
              <td>{customer}</td>
              <td>
                {f.product(r.product)}
                <NotCounted warnings={r.warnings} reason={reason} f={f} />
              </td>
              <td className="num">{f.money(r.amount, r.currency)}</td>
              <td>{r.netNew ? t.yes : t.no}</td>
            </tr>
          );
        })}
      </tbody>
    </>
  );
}
