import { type ReactNode, useMemo, useState } from 'react';
import type { Exam } from '../../../src/catalog/catalog-types.js';
import { formatDay, parseDay } from '../../../src/core/day.js';
import { passExpiry } from '../../../src/engine/credential-expiry.js';
import { CREDENTIAL_WORDS } from '../../../src/render/credential-words.js';
import type { Formatter } from '../../../src/render/formatter.js';
import { renderFinding } from '../../../src/render/render-text.js';
import type { Finding, OrganizationDocument } from '../api/types.js';
import { ErrorView, Loading } from '../components/loadable.js';
import { Pager } from '../components/pager.js';
import { type IgnoredData, ignoredData, type UncountedRevenue, uncountedRevenue } from '../lib/ignored-data.js';
import { useEvaluation, useFormatter, useOrganization } from '../lib/org-data.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { ImportPanel } from './import-panel.js';

const TABS = ['people', 'customers', 'revenue'] as const;
type Tab = (typeof TABS)[number];
const PAGE_SIZE = 25;

/** People and their exams, customers with DPOR periods, revenue; and uploads with a dry-run preview. */
export function DataPage(props: { readonly org: string }) {
  const { t, me } = useSession();
  useTitle(t.dataTitle);
  const organization = useOrganization(props.org);
  const f = useFormatter(organization.status === 'ok' ? organization.data : undefined);
  const [tab, setTab] = useState<Tab>('people');
  // What does not count, and why, as of the page's day: the tables do not wait for it.
  const evaluation = useEvaluation(props.org);
  const warnings = evaluation.status === 'ok' ? evaluation.data.warnings : null;
  const ignored = useMemo(
    () => (warnings && organization.status === 'ok' ? ignoredData(warnings, organization.data) : null),
    [warnings, organization],
  );
  const asOf = evaluation.status === 'ok' ? evaluation.data.asOf : null;
  const association = evaluation.status === 'ok' ? evaluation.data.policy.revenueAssociation : null;
  const uncounted = useMemo(
    () =>
      ignored && asOf && association && organization.status === 'ok'
        ? { asOf, association, ...uncountedRevenue(organization.data, asOf, association, ignored) }
        : null,
    [ignored, asOf, association, organization],
  );
  if (organization.status === 'error') return <ErrorView error={organization.error} />;
  if (organization.status === 'loading') return <Loading />;
  const doc = organization.data;
  const counts: Record<Tab, number> = { people: doc.people.length, customers: doc.customers.length, revenue: doc.revenue.length };
  return (
    <section aria-labelledby="data-title" data-testid="data">
      <h2 id="data-title">{t.dataTitle}</h2>
      {warnings && warnings.length > 0 && (
        <p className="notice" data-testid="ignored-summary">
          {t.ignoredTitle(f.number(warnings.length))}: {t.ignoredHelp}
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
            {t[name]} ({f.number(counts[name])})
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'people' && <PeopleTable doc={doc} f={f} ignored={ignored} />}
        {tab === 'customers' && <CustomersTable doc={doc} f={f} uncounted={uncounted} />}
        {tab === 'revenue' && <RevenueTable doc={doc} f={f} ignored={ignored} uncounted={uncounted} />}
      </div>
      {me.role !== 'viewer' && <ImportPanel org={props.org} f={f} />}
    </section>
  );
}

/** A filter box's text and the page of rows that match it. */
interface Paged<T> {
  readonly text: string;
  readonly setText: (value: string) => void;
  readonly page: number;
  readonly setPage: (page: number) => void;
  readonly total: number;
  readonly rows: readonly T[];
}

function usePaged<T>(rows: readonly T[], matches: (row: T, text: string) => boolean): Paged<T> {
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return needle ? rows.filter((r) => matches(r, needle)) : rows;
  }, [rows, text, matches]);
  const last = Math.max(0, Math.ceil(filtered.length / PAGE_SIZE) - 1);
  const current = Math.min(page, last);
  return {
    text,
    setText: (value: string) => {
      setText(value);
      setPage(0);
    },
    page: current,
    setPage,
    total: filtered.length,
    rows: filtered.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE),
  };
}

function FilterBox(props: { readonly value: string; readonly onChange: (v: string) => void; readonly id: string }) {
  const { t } = useSession();
  return (
    <div className="field field-inline">
      <label htmlFor={props.id}>{t.filter}</label>
      <input
        id={props.id}
        type="search"
        value={props.value}
        placeholder={t.filterPlaceholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

type Person = OrganizationDocument['people'][number];
const personMatches = (p: Person, text: string) =>
  p.id.toLowerCase().includes(text) ||
  (p.name ?? '').toLowerCase().includes(text) ||
  p.exams.some((e) => e.exam.toLowerCase().includes(text));

/** Revenue standings with the day and policy they are as of. */
type Uncounted = UncountedRevenue & { readonly asOf: string; readonly association: string };

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
  const { launched, retired, acceptedUntil, expires } = warning.params as Readonly<Record<string, unknown>>;
  const date = launched ?? retired ?? acceptedUntil ?? expires;
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

function PeopleTable(props: { readonly doc: OrganizationDocument; readonly f: Formatter; readonly ignored: IgnoredData | null }) {
  const { t, locale } = useSession();
  const { f } = props;
  // Warnings name records by their place in the file; a filtered page must find that place again.
  const indexOf = useMemo(() => new Map(props.doc.people.map((p, i) => [p, i])), [props.doc]);
  return (
    <PagedTable
      name="people"
      headers={[{ label: t.id }, { label: t.name }, { label: t.exams }]}
      paged={usePaged(props.doc.people, personMatches)}
      row={(p) => (
        <tr key={p.id}>
          <td>{p.id}</td>
          <th scope="row">{p.name ?? ''}</th>
          <td>
            <ul className="plain exams">
              {p.exams.map((e, k) => {
                const exam = f.catalog?.findExam(e.exam);
                const warnings = props.ignored?.exams.get(`${indexOf.get(p)}/${k}`);
                const expires = validUntil(e, exam);
                return (
                  <li key={`${e.exam}/${e.passed}`} className={warnings ? 'is-not-counted' : undefined}>
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
                    <NotCounted warnings={warnings} f={f} />
                  </li>
                );
              })}
            </ul>
          </td>
        </tr>
      )}
    />
  );
}

type Customer = OrganizationDocument['customers'][number];
const customerMatches = (c: Customer, text: string) =>
  c.id.toLowerCase().includes(text) || (c.name ?? '').toLowerCase().includes(text);

function CustomersTable(props: {
  readonly doc: OrganizationDocument;
  readonly f: Formatter;
  readonly uncounted: Uncounted | null;
}) {
  const { t } = useSession();
  const { uncounted } = props;
  const { f } = props;
  return (
    <PagedTable
      name="customers"
      headers={[{ label: t.id }, { label: t.name }, { label: t.dporPeriods }]}
      paged={usePaged(props.doc.customers, customerMatches)}
      row={(c) => (
        <tr key={c.id} className={uncounted?.customers.has(c.id) ? 'is-not-counted' : undefined}>
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
            {uncounted?.customers.has(c.id) && (
              <NotCounted
                reason={t.customerNotCounted(f.date(uncounted.asOf), uncounted.association === 'associated-at-as-of')}
                f={f}
              />
            )}
          </td>
        </tr>
      )}
    />
  );
}

type Revenue = OrganizationDocument['revenue'][number];
const revenueMatches = (r: Revenue, text: string) =>
  r.customer.toLowerCase().includes(text) || r.product.toLowerCase().includes(text) || r.date.includes(text);

function RevenueTable(props: {
  readonly doc: OrganizationDocument;
  readonly f: Formatter;
  readonly ignored: IgnoredData | null;
  readonly uncounted: Uncounted | null;
}) {
  const { t } = useSession();
  const { f, uncounted } = props;
  const paged = usePaged(props.doc.revenue, revenueMatches);
  const indexOf = useMemo(() => new Map(props.doc.revenue.map((r, i) => [r, i])), [props.doc]);
  const customerNames = useMemo(() => new Map(props.doc.customers.map((c) => [c.id, c.name ?? c.id])), [props.doc]);
  return (
    <PagedTable
      name="revenue"
      headers={[
        { label: t.date },
        { label: t.customer },
        { label: t.product },
        { label: t.amount, className: 'num' },
        { label: t.netNew },
      ]}
      paged={paged}
      row={(r, i) => {
        const index = indexOf.get(r) ?? -1;
        const warnings = props.ignored?.revenue.get(index);
        const standing = uncounted?.records.get(index);
        const customer = customerNames.get(r.customer) ?? r.customer;
        const reason =
          uncounted && standing === 'outside-window'
            ? t.revenueOutsideWindow(f.date(uncounted.asOf))
            : uncounted && standing === 'not-associated'
              ? t.revenueNotAssociated(customer, f.date(uncounted.association === 'within-period' ? r.date : uncounted.asOf))
              : undefined;
        return (
          // Revenue records have no id; with the page in it, a row index is a unique key.
          <tr key={`${paged.page}/${i}`} className={warnings || reason ? 'is-not-counted' : undefined}>
            <td className="nowrap">{f.date(r.date)}</td>
            <td>{customer}</td>
            <td>
              {f.product(r.product)}
              <NotCounted warnings={warnings} reason={reason} f={f} />
            </td>
            <td className="num">{f.money(r.amount, r.currency)}</td>
            <td>{r.netNew ? t.yes : t.no}</td>
          </tr>
        );
      }}
    />
  );
}

/** One tab's table: its filter box, the page of matching rows under the column headers, and the pager. */
function PagedTable<T>(props: {
  readonly name: Tab;
  readonly headers: readonly { readonly label: string; readonly className?: string }[];
  readonly paged: Paged<T>;
  readonly row: (item: T, index: number) => ReactNode;
}) {
  const { t } = useSession();
  const { name, paged } = props;
  return (
    <>
      <FilterBox id={`filter-${name}`} value={paged.text} onChange={paged.setText} />
      <div className="table-scroll">
        <table data-testid={`${name}-table`}>
          <caption className="visually-hidden">{t[name]}</caption>
          <thead>
            <tr>
              {props.headers.map((header) => (
                <th key={header.label} scope="col" className={header.className}>
                  {header.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{paged.rows.map(props.row)}</tbody>
        </table>
      </div>
      <Pager page={paged.page} pageSize={PAGE_SIZE} total={paged.total} onPage={paged.setPage} label={t[name]} />
    </>
  );
}
