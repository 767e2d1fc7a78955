import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../src/alerts/alert-types.js';
import { checkAlertUrl } from '../src/alerts/check-alert-url.js';
import { verifyAlertSignature } from '../src/alerts/sign-alert.js';
import { loadShippedCatalog } from '../src/catalog/shipped-catalog.js';
import { readOrganizationFile } from '../src/importers/read-organization-file.js';
import type { Rules } from '../src/jobs/reevaluate.js';
import { type RunningJobs, startJobs } from '../src/jobs/start-jobs.js';
import { catalogFingerprint } from '../src/program/catalog-fingerprint.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { type AlertReceiver, startAlertReceiver } from './alert-receiver.js';
import { jobStoreBackends } from './job-store-backends.js';

// The PostgreSQL half runs when ATTAIN_TEST_DATABASE_URL is set (npm test sets it; it fails a run where it did not).
const OPERATOR = { kind: 'system', id: 'test' } as const;
const CONTOSO = fileURLToPath(new URL('../examples/contoso-dynamics.json', import.meta.url));
// Contoso holds Cloud CRM Gold on 2018-03-31 and loses it on 2018-04-30, 30 days later.
const AS_OF = '2018-03-31';
const LOSS = '2018-04-30';

const backends = jobStoreBackends('alerts', 'webhook alerts');

/** Waits until `check` holds, polling; fails with what it last saw after `ms`. */
async function until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhook addresses', () => {
  it('takes https anywhere and plain http only for the hosts the operator allows, never with credentials', () => {
    expect(checkAlertUrl('https://hooks.example.com/attain', [])).toBe('https://hooks.example.com/attain');
    expect(checkAlertUrl('http://127.0.0.1:9000/x', ['127.0.0.1'])).toBe('http://127.0.0.1:9000/x');
    const reason = (url: string, hosts: string[] = []) => {
      try {
        checkAlertUrl(url, hosts);
        return 'accepted';
      } catch (error) {
        return (error as { issues: { params: { reason: string } }[] }).issues[0]?.params.reason;
      }
    };
    expect(reason('http://127.0.0.1:9000/x')).toBe('http-host');
    expect(reason('http://10.0.0.8/x', ['127.0.0.1'])).toBe('http-host');
    expect(reason('ftp://example.com/x')).toBe('scheme');
    expect(reason('file:///etc/passwd')).toBe('scheme');
    expect(reason('not a url')).toBe('malformed');
    expect(reason('https://user:pw@example.com/')).toBe('credentials');
  });
});

describe.each(backends)('webhook alerts from the stored standings and transitions (%s)', (_name, open) => {
  let store: SqlStore;
  let dispose: () => Promise<void>;
  let receiver: AlertReceiver;
  let jobs: RunningJobs;
  let rules: Rules;

  beforeAll(async () => {
    ({ store, dispose } = await open());
    receiver = await startAlertReceiver();
    const catalog = await loadShippedCatalog();
    rules = { catalog, fingerprint: catalogFingerprint(catalog) };
    await store.replaceOrganization(await readOrganizationFile(CONTOSO, 'USD'), OPERATOR);
    jobs = await startJobs(store, { rules, alertTimeoutMs: 2000 }, { nightly: false });
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await receiver?.close();
    await store?.close();
    await dispose?.();
  }, 60_000);

  async function runProgram(asOf: string): Promise<void> {
    const run = await store.program.startRun({ kind: 'run', asOf, catalog: rules.fingerprint });
    await until(
      `run as of ${asOf}`,
      () => store.program.run(run.id),
      (r) => r?.finishedAt != null,
    );
  }

  const requestsTo = (p: string) => receiver.received.filter((r) => r.path === p);
  let secret: string;
  let subscription: string;

  it('sends a level at risk within the lead time once, signed over the timestamp and the body', async () => {
    const created = await store.alerts.subscribe(
      { org: 'contoso', url: `${receiver.url}/hook`, events: ['at-risk', 'lapse'], leadDays: 45 },
      OPERATOR,
    );
    ({ secret } = created);
    subscription = created.subscription.id;
    expect(secret).toMatch(/^whsec_/);
    // A subscription too short-sighted for a loss 30 days out hears nothing.
    await store.alerts.subscribe({ org: 'contoso', url: `${receiver.url}/short`, events: ['at-risk'], leadDays: 7 }, OPERATOR);
    await runProgram(AS_OF);
    const [request] = await until(
      'the at-risk alert',
      async () => requestsTo('/hook'),
      (r) => r.length >= 1,
    );
    const body = request?.body as string;
    const header = String(request?.headers['x-attain-signature']);
    expect(verifyAlertSignature(secret, header, body)).toBe(true);
    expect(verifyAlertSignature(secret, header, body.replace('contoso', 'contosO'))).toBe(false);
    expect(verifyAlertSignature(`${secret}x`, header, body)).toBe(false);
    const payload = JSON.parse(body) as AlertPayload;
    expect(payload).toMatchObject({
      type: 'level.at-risk',
      subscription,
      org: 'contoso',
      competency: 'cloud-crm',
      level: 'gold',
      date: LOSS,
      asOf: AS_OF,
      status: { before: 'attained', after: 'not-attained' },
    });
    expect(request?.headers['x-attain-delivery']).toBe(payload.id);
    expect(request?.headers['idempotency-key']).toBe(`attain-delivery-${payload.id}`);
    expect(request?.headers['x-attain-event']).toBe('level.at-risk');
    const [logged] = await until(
      'the send log',
      () => store.alerts.deliveries({ subscription }),
      (d) => d[0]?.status === 'delivered',
    );
    expect(logged?.attempts).toMatchObject([{ attempt: 1, statusCode: 200, error: null }]);
    expect(requestsTo('/short')).toEqual([]);
  }, 60_000);

  it('never sends a change twice: the organization evaluated again and the delivery job run again send nothing', async () => {
    const [delivered] = await store.alerts.deliveries({ subscription });
    // A new write re-evaluates the organization (the same standing, found again) ...
    await store.replaceOrganization(await readOrganizationFile(CONTOSO, 'USD'), OPERATOR);
    const version = (await store.readVersioned('contoso'))?.version;
    await until(
      're-evaluation',
      () => store.program.evaluation('contoso'),
      (e) => e?.dataVersion === version,
    );
    // ... and the delivery's job is queued again by hand, as a crash between sending and marking it done would.
    await sql`select ${sql.id(store.jobs.schema)}.add_job('deliver-alert', json_build_object('delivery', ${delivered?.id}::text))`.execute(
      store.db,
    );
    await until(
      'the queue to empty',
      async () =>
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${store.jobs.schema}.jobs`)}`.execute(store.db))
          .rows[0]?.n,
      (n) => n === 0,
    );
    expect(requestsTo('/hook')).toHaveLength(1);
    expect(await store.alerts.deliveries({ subscription })).toHaveLength(1);
  }, 60_000);

  it('retries a receiver that fails, with the same delivery id and body, and logs each attempt', async () => {
    receiver.answer('/flaky', 503);
    // Subscribed after the standing was stored: what is already due is queued with the subscription.
    const { subscription: flaky, secret: flakySecret } = await store.alerts.subscribe(
      { org: 'contoso', url: `${receiver.url}/flaky`, events: ['at-risk'], leadDays: 30 },
      OPERATOR,
    );
    const [delivery] = await until(
      'the retried delivery',
      () => store.alerts.deliveries({ subscription: flaky.id }),
      (d) => d[0]?.status === 'delivered',
    );
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([503, 200]);
    expect(delivery?.attempts[0]?.error).toContain('HTTP 503');
    const [first, second] = requestsTo('/flaky');
    expect(requestsTo('/flaky')).toHaveLength(2);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-attain-delivery']).toBe(first?.headers['x-attain-delivery']);
    expect(verifyAlertSignature(flakySecret, String(second?.headers['x-attain-signature']), String(second?.body))).toBe(true);
  }, 60_000);

  it('gives up at once on a refusal (4xx), and logs it', async () => {
    receiver.answer('/gone', 410);
    const { subscription: gone } = await store.alerts.subscribe(
      { org: 'contoso', url: `${receiver.url}/gone`, events: ['at-risk'], leadDays: 30 },
      OPERATOR,
    );
    const [delivery] = await until(
      'the refused delivery',
      () => store.alerts.deliveries({ subscription: gone.id }),
      (d) => d[0]?.status === 'failed',
    );
    expect(delivery?.attempts).toMatchObject([{ attempt: 1, statusCode: 410 }]);
    expect(requestsTo('/gone')).toHaveLength(1);
  }, 60_000);

  it('logs a refused connection and a receiver that does not answer in time, and keeps them for another try', async () => {
    receiver.answer('/slow', 0);
    const { subscription: slow } = await store.alerts.subscribe(
      { org: 'contoso', url: `${receiver.url}/slow`, events: ['at-risk'], leadDays: 30 },
      OPERATOR,
    );
    // A port nothing listens on any more.
    const gone = await startAlertReceiver();
    await gone.close();
    const { subscription: closed } = await store.alerts.subscribe(
      { org: 'contoso', url: `${gone.url}/hook`, events: ['at-risk'], leadDays: 30 },
      OPERATOR,
    );
    const [timedOut] = await until(
      'the timeout',
      () => store.alerts.deliveries({ subscription: slow.id }),
      (d) => (d[0]?.attempts.length ?? 0) >= 1 && d[0]?.status !== 'sending',
    );
    expect(timedOut?.status).toBe('pending');
    expect(timedOut?.attempts[0]).toMatchObject({ statusCode: null, error: 'no answer within 2000 ms' });
    expect(timedOut?.attempts[0]?.durationMs).toBeGreaterThanOrEqual(1900);
    const [refused] = await until(
      'the refusal',
      () => store.alerts.deliveries({ subscription: closed.id }),
      (d) => (d[0]?.attempts.length ?? 0) >= 1 && d[0]?.status !== 'sending',
    );
    expect(refused?.status).toBe('pending');
    expect(refused?.attempts[0]).toMatchObject({ statusCode: null, error: 'ECONNREFUSED' });
    // The slow receiver answers the retry (after graphile-worker's backoff): delivered on the second attempt.
    const [retried] = await until(
      'the retry after the timeout',
      () => store.alerts.deliveries({ subscription: slow.id }),
      (d) => d[0]?.status === 'delivered',
    );
    expect(retried?.attempts.map((a) => a.statusCode)).toEqual([null, 200]);
    // Removed, a subscription's queued retries go with it: nothing more is sent.
    expect(await store.alerts.unsubscribe(closed.id, OPERATOR)).toBe(true);
    expect(await store.alerts.deliveries({ subscription: closed.id })).toEqual([]);
  }, 60_000);

  it('sends the lapse when a run records it, and an organization sees only its own subscriptions', async () => {
    // Every organization's, the operator's: its deliveries are not the partner's to see.
    await store.alerts.subscribe({ org: null, url: `${receiver.url}/all`, events: ['lapse'], leadDays: 0 }, OPERATOR);
    await runProgram(LOSS);
    const lapses = await until(
      'the lapse',
      async () => requestsTo('/hook').filter((r) => JSON.parse(r.body).type === 'level.lapse'),
      (r) => r.length >= 1,
    );
    expect(JSON.parse(lapses[0]?.body as string)).toMatchObject({
      org: 'contoso',
      competency: 'cloud-crm',
      level: 'gold',
      date: LOSS,
      status: { before: 'attained', after: 'not-attained' },
      cause: { kind: 'date' },
    });
    await until(
      'the operator’s lapse',
      async () => requestsTo('/all'),
      (r) => r.length >= 1,
    );
    const mine = await store.alerts.subscriptions({ org: 'contoso' });
    expect(mine.every((s) => s.org === 'contoso')).toBe(true);
    expect((await store.alerts.subscriptions()).some((s) => s.org === null)).toBe(true);
    const seen = await store.alerts.deliveries({ org: 'contoso', limit: 1000 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((d) => mine.every((s) => s.id !== d.subscription))).toBe(false);
    // Evaluating an earlier day again is the operator looking back: Gold "regained" by rewinding sends nothing, and
    // the at-risk alert of that day was sent already.
    await store.alerts.subscribe(
      { org: 'contoso', url: `${receiver.url}/attained`, events: ['attained'], leadDays: 0 },
      OPERATOR,
    );
    const sent = receiver.received.length;
    await runProgram(AS_OF);
    const transitions = await store.program.transitions('contoso');
    expect(transitions.some((t) => t.cause.kind === 'rewind' && t.to === 'attained')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.slice(sent).filter((r) => r.path !== '/slow')).toEqual([]);
    // Paged, newest first.
    const [newest] = await store.alerts.deliveries({ limit: 1 });
    const older = await store.alerts.deliveries({ before: newest?.id as string, limit: 1000 });
    expect(older.every((d) => Number(d.id) < Number(newest?.id))).toBe(true);
  }, 60_000);
});
