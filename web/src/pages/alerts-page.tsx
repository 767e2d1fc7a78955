import { type FormEvent, useId, useState } from 'react';
import { messageCodeOf } from '../../../src/render/messages.js';
import { renderFinding } from '../../../src/render/render-text.js';
import { ApiError } from '../api/client.js';
import {
  ALERT_EVENTS,
  type AlertDelivery,
  type AlertDeliveryPage,
  type AlertSubscription,
  type AlertSubscriptionList,
  type CreatedAlert,
  MAX_LEAD_DAYS,
} from '../api/types.js';
import { Loadable } from '../components/loadable.js';
import { levelName } from '../lib/level-names.js';
import { useFormatter } from '../lib/org-data.js';
import { useTitle } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import { useResource } from '../lib/use-resource.js';
import { describeTransition } from './history-page.js';

const PAGE_SIZE = 20;
const DEFAULT_LEAD_DAYS = 30;
type Event = (typeof ALERT_EVENTS)[number];

/**
 * Webhook subscriptions and what was sent to them: an organization's (a tab of its page), where a partner (or the
 * operator) subscribes and sees the signing secret once and a viewer reads; or, for the operator (`org` null), every
 * one, where a subscription is for every organization.
 */
export function AlertsPage(props: { readonly org: string | null }) {
  const { t, me, api, cache } = useSession();
  useTitle(t.alertsTitle);
  const everyOrg = props.org === null;
  const canChange = me.role === 'admin' || (me.role === 'partner' && me.org === props.org);
  const subscriptions = useResource<AlertSubscriptionList>('/api/alerts', { org: props.org });
  const [secret, setSecret] = useState<{ readonly text: string; readonly rotated: boolean } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Sends a change, then shows the lists again as the server has them. */
  const change = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
      cache.invalidate('/api/alerts');
    }
  };

  return (
    <section aria-labelledby="alerts-title" data-testid="alerts">
      {everyOrg ? <h1 id="alerts-title">{t.alertsTitle}</h1> : <h2 id="alerts-title">{t.alertsTitle}</h2>}
      <p className="subtitle">{everyOrg ? t.alertsOperatorHelp : t.alertsHelp}</p>
      {canChange && (
        <SubscribeForm
          busy={busy}
          onSubmit={(input) =>
            change(async () => {
              const created = await api.json<CreatedAlert>('POST', '/api/alerts', { org: props.org, ...input });
              setSecret({ text: created.secret, rotated: false });
            })
          }
        />
      )}
      {problem !== null && <Problem error={problem} />}
      {secret && (
        <div className="notice" role="status" data-testid="alert-secret">
          <p>{secret.rotated ? t.alertSecretRotated : t.alertSecretNew}</p>
          <code className="secret">{secret.text}</code>
        </div>
      )}
      <h3>{t.alertSubscriptions}</h3>
      <Loadable resource={subscriptions}>
        {(data) =>
          data.subscriptions.length === 0 ? (
            <p>{t.alertNone}</p>
          ) : (
            <Subscriptions
              everyOrg={everyOrg}
              subscriptions={data.subscriptions}
              canChange={canChange}
              busy={busy}
              onToggle={(s) =>
                change(async () => {
                  await api.json('PATCH', `/api/alerts/${encodeURIComponent(s.id)}`, { enabled: !s.enabled });
                })
              }
              onRotate={(s) =>
                change(async () => {
                  const rotated = await api.json<CreatedAlert>('POST', `/api/alerts/${encodeURIComponent(s.id)}/secret`);
                  setSecret({ text: rotated.secret, rotated: true });
                })
              }
              onRemove={(s) =>
                change(async () => {
                  await api.json('DELETE', `/api/alerts/${encodeURIComponent(s.id)}`);
                  setSecret(null);
                })
              }
            />
          )
        }
      </Loadable>
      <SendLog
        org={props.org}
        addresses={
          new Map(subscriptions.status === 'ok' ? subscriptions.data.subscriptions.map((s) => [s.id, s.url] as const) : [])
        }
      />
    </section>
  );
}

function SubscribeForm(props: {
  readonly busy: boolean;
  readonly onSubmit: (input: { url: string; events: Event[]; leadDays: number }) => void;
}) {
  const { t } = useSession();
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<ReadonlySet<Event>>(new Set(['at-risk', 'lapse']));
  const [lead, setLead] = useState(String(DEFAULT_LEAD_DAYS));
  const leadDays = Number(lead);
  const valid = url.trim() !== '' && events.size > 0 && Number.isInteger(leadDays) && leadDays >= 0 && leadDays <= MAX_LEAD_DAYS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) props.onSubmit({ url: url.trim(), events: ALERT_EVENTS.filter((e) => events.has(e)), leadDays });
  };
  return (
    <form className="import-form card" onSubmit={submit} data-testid="alert-form">
      <div className="field alert-url">
        <label htmlFor={`${id}-url`}>{t.alertUrl}</label>
        <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />
      </div>
      <fieldset className="field alert-events">
        <legend>{t.alertEvents}</legend>
        {ALERT_EVENTS.map((e) => (
          <label key={e} className="field-inline field-check">
            <input
              type="checkbox"
              checked={events.has(e)}
              onChange={(change) => {
                const next = new Set(events);
                if (change.target.checked) next.add(e);
                else next.delete(e);
                setEvents(next);
              }}
            />
            {t.alertEventName(e)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-lead`}>{t.alertLeadDays}</label>
        <input
          id={`${id}-lead`}
          type="number"
          min={0}
          max={MAX_LEAD_DAYS}
          step={1}
          value={lead}
          onChange={(e) => setLead(e.target.value)}
        />
      </div>
      <button type="submit" className="primary" disabled={!valid || props.busy}>
        {t.alertSubscribe}
      </button>
    </form>
  );
}

function Subscriptions(props: {
  readonly everyOrg: boolean;
  readonly subscriptions: readonly AlertSubscription[];
  readonly canChange: boolean;
  readonly busy: boolean;
  readonly onToggle: (s: AlertSubscription) => void;
  readonly onRotate: (s: AlertSubscription) => void;
  readonly onRemove: (s: AlertSubscription) => void;
}) {
  const { t, locale } = useSession();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (
    <div className="table-scroll">
      <table data-testid="alert-subscriptions">
        <thead>
          <tr>
            {props.everyOrg && <th scope="col">{t.organization}</th>}
            <th scope="col">{t.alertAddress}</th>
            <th scope="col">{t.alertEvents}</th>
            <th scope="col">{t.alertLeadDays}</th>
            <th scope="col">{t.alertState}</th>
            {props.canChange && (
              <th scope="col">
                <span className="visually-hidden">{t.alertActions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.subscriptions.map((s) => (
            <tr key={s.id}>
              {props.everyOrg && <td>{s.org ?? t.alertEveryOrg}</td>}
              <th scope="row" className="alert-address">
                {s.url}
              </th>
              <td>{list.format(s.events.map((e) => t.alertEventName(e)))}</td>
              <td className="nowrap">{t.alertLead(s.leadDays)}</td>
              <td className="nowrap">{s.enabled ? t.alertOn : t.alertOff}</td>
              {props.canChange && (
                <td>
                  <div className="alert-actions">
                    <button type="button" className="small" disabled={props.busy} onClick={() => props.onToggle(s)}>
                      {s.enabled ? t.alertTurnOff : t.alertTurnOn}
                    </button>
                    <button type="button" className="small" disabled={props.busy} onClick={() => props.onRotate(s)}>
                      {t.alertRotate}
                    </button>
                    <button type="button" className="small" disabled={props.busy} onClick={() => props.onRemove(s)}>
                      {t.alertRemove}
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What was sent, newest first, a page at a time (the server pages by delivery id). */
function SendLog(props: { readonly org: string | null; readonly addresses: ReadonlyMap<string, string> }) {
  const { t } = useSession();
  // The `before` of each page shown so far: the first is the newest.
  const [pages, setPages] = useState<readonly (string | undefined)[]>([undefined]);
  const before = pages.at(-1);
  const log = useResource<AlertDeliveryPage>('/api/alerts/deliveries', { org: props.org, limit: PAGE_SIZE, before });
  return (
    <>
      <h3>{t.alertLog}</h3>
      <Loadable resource={log}>
        {(data) =>
          data.deliveries.length === 0 && pages.length === 1 ? (
            <p>{t.alertLogNone}</p>
          ) : (
            <>
              <Deliveries deliveries={data.deliveries} everyOrg={props.org === null} addresses={props.addresses} />
              <nav className="pager" aria-label={t.alertLog}>
                <button type="button" disabled={pages.length === 1} onClick={() => setPages([undefined])}>
                  {t.alertNewest}
                </button>
                <button
                  type="button"
                  disabled={data.next === null}
                  onClick={() => data.next !== null && setPages([...pages, data.next])}
                >
                  {t.alertOlder}
                </button>
              </nav>
            </>
          )
        }
      </Loadable>
    </>
  );
}

function Deliveries(props: {
  readonly deliveries: readonly AlertDelivery[];
  readonly everyOrg: boolean;
  /** Where each subscription posts, by id: which webhook a delivery went to. */
  readonly addresses: ReadonlyMap<string, string>;
}) {
  const { t, catalog, locale } = useSession();
  const f = useFormatter();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="table-scroll">
      <table data-testid="alert-log">
        <thead>
          <tr>
            <th scope="col">{t.alertQueued}</th>
            <th scope="col">{t.alertEvent}</th>
            <th scope="col">{props.everyOrg ? `${t.organization} · ${t.level}` : t.level}</th>
            <th scope="col">{t.alertChangeOn}</th>
            <th scope="col" className="nowrap">
              {t.alertState}
            </th>
            <th scope="col" className="num nowrap">
              {t.alertAttempts}
            </th>
            <th scope="col">{t.alertLastAnswer}</th>
          </tr>
        </thead>
        <tbody>
          {props.deliveries.map((d) => {
            const n = levelName(catalog, f, d, d.date);
            const last = d.attempts.at(-1);
            return (
              <tr key={d.id}>
                <td className="muted">
                  <span className="nowrap">{time.format(new Date(d.createdAt))}</span>
                  <span className="alert-to">→ {props.addresses.get(d.subscription) ?? `#${d.subscription}`}</span>
                </td>
                <td className="nowrap">
                  <EventBadge event={d.event} />
                </td>
                <th scope="row" className="alert-level">
                  {props.everyOrg && <span className="alert-org">{d.org}</span>}
                  {n.competency} · {n.option} · {n.level}
                  <span className="alert-cause">{describeTransition({ ...d, to: d.after }, t, f, locale)}</span>
                </th>
                <td className="nowrap">{f.date(d.date)}</td>
                <td className={`nowrap delivery-${d.status}`}>{t.alertDeliveryStatus(d.status)}</td>
                <td className="num">{f.number(d.attempts.length)}</td>
                <td className="nowrap">
                  {last === undefined
                    ? ''
                    : last.statusCode === null
                      ? t.alertNoAnswer(last.error ?? '', f.number(last.durationMs))
                      : t.alertAnswer(last.statusCode, f.number(last.durationMs))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const EVENT_MARK: Readonly<Record<Event, readonly [mark: string, badge: string]>> = {
  'at-risk': ['!', 'badge-undetermined'],
  lapse: ['✘', 'badge-not-attained'],
  attained: ['✔', 'badge-attained'],
};

/** What a delivery announced, in words with a mark, never by colour alone. */
function EventBadge(props: { readonly event: Event }) {
  const { t } = useSession();
  const [mark, badge] = EVENT_MARK[props.event];
  return (
    <span className={`badge ${badge}`}>
      <span aria-hidden="true">{mark} </span>
      {t.alertEventName(props.event)}
    </span>
  );
}

/** A refused change in the page's language: the server's coded issue rendered here, else its message. */
function Problem(props: { readonly error: unknown }) {
  const { m } = useSession();
  const f = useFormatter();
  const error = props.error;
  const issue = error instanceof ApiError ? error.issues[0] : undefined;
  const text =
    issue && messageCodeOf(issue.code) !== undefined
      ? renderFinding(issue.code, issue.params, f, m)
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <p className="form-error" role="alert" data-testid="alert-problem">
      {text}
    </p>
  );
}
