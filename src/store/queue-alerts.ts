import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './store-database.js';

/**
 * A delivery job's attempts: graphile-worker retries a failed one after exp(n) seconds (3 s, 7 s, 20 s, … about 2 h
 * for the last), so a receiver that is down for up to three and a half hours still gets it. Two more than the sends,
 * so that a job that found its delivery busy (another job's lease) can try again without using up a send.
 */
export const DELIVERY_SENDS = 10;

/**
 * Finds, in the caller's transaction, the changes that subscriptions must hear of, records a delivery for each new
 * one and queues its job: at-risk levels of the stored standings (of `orgs`, or of every organization when null)
 * whose loss falls within a subscription's lead time, and the transitions `transitions` (ids just written) that lose
 * or gain a level. A change already recorded for a subscription is skipped by the unique delivery key, so that an
 * organization evaluated twice, or a run repeated, sends nothing twice. Transitions caused by evaluating an earlier
 * day than before (`rewind`) are the operator looking back, not a change, and first standings have nothing before.
 */
export async function queueAlerts(
  trx: Kysely<StoreDatabase>,
  jobSchema: string,
  scope: { readonly orgs?: readonly string[] | null; readonly transitions?: readonly string[]; readonly subscription?: string },
): Promise<number> {
  const orgs = scope.orgs;
  const transitions = scope.transitions ?? [];
  const standingsWanted = orgs === null || (orgs !== undefined && orgs.length > 0);
  if (!standingsWanted && transitions.length === 0) return 0;
  // Most programs have few subscriptions or none, and every write of the program comes here: a look at the
  // subscriptions (about 2 ms on PGlite) spares the statement below (about 15 ms, mostly planning) when there are none.
  const any = await sql<{ any: boolean }>`select exists (select 1 from alert_subscriptions where enabled) as any`.execute(trx);
  if (any.rows[0]?.any !== true) return 0;
  const onlySubscription = scope.subscription === undefined ? sql`true` : sql`s.id = ${scope.subscription}`;
  const which = !standingsWanted ? sql`false` : orgs === null ? sql`true` : sql`st.org_id = any(${[...(orgs ?? [])]}::text[])`;
  const schema = sql.id(jobSchema);
  // One statement for what it finds and the jobs it queues: on the embedded store each statement costs milliseconds
  // however little it does.
  const result = await sql<{ queued: number }>`
    with at_risk as (
      insert into alert_deliveries (subscription_id, delivery_key, org_id, event, competency, option, level, change_date,
        as_of, before, after, cause)
      select s.id, 'at-risk:' || st.org_id || ':' || st.competency || '/' || st.option || '/' || st.level || ':' || st.at_risk_date,
        st.org_id, 'at-risk', st.competency, st.option, st.level, st.at_risk_date, st.as_of, st.status,
        coalesce(st.at_risk->>'status', 'not-attained'),
        jsonb_build_object('kind', 'date', 'causes', coalesce(st.at_risk->'causes', '[]'::jsonb))
      from alert_subscriptions s
        join standings st on (s.org_id = st.org_id or s.org_id is null)
      where ${which} and ${onlySubscription} and s.enabled and 'at-risk' = any(s.events)
        and st.at_risk_date is not null and st.at_risk_date <= st.as_of + s.lead_days
      on conflict (subscription_id, delivery_key) do nothing
      returning id
    ), changed as (
      insert into alert_deliveries (subscription_id, delivery_key, org_id, event, competency, option, level, change_date,
        as_of, before, after, cause)
      select s.id, c.event || ':' || t.org_id || ':' || t.competency || '/' || t.option || '/' || t.level || ':' || t.date,
        t.org_id, c.event, t.competency, t.option, t.level, t.date, coalesce(e.as_of, t.date), t.from_status, t.to_status,
        t.cause
      from transitions t
        cross join lateral (select case when t.to_status = 'attained' then 'attained' else 'lapse' end as event) c
        left join evaluations e on e.org_id = t.org_id
        join alert_subscriptions s on (s.org_id = t.org_id or s.org_id is null)
      where t.id = any(${transitions}::bigint[]) and ${onlySubscription} and s.enabled
        and c.event = any(s.events) and t.from_status is not null and t.cause->>'kind' <> 'rewind'
        and ((t.from_status = 'attained') <> (t.to_status = 'attained'))
      on conflict (subscription_id, delivery_key) do nothing
      returning id
    ), queued as (
      select id from at_risk union all select id from changed
    ), jobs as (
      -- One job per delivery, keyed by it: queuing it again (it never is) would fold into the same job.
      select j.id from ${schema}.add_jobs(array(
        select row('deliver-alert'::text, json_build_object('delivery', q.id::text), null::text, null::timestamptz,
          ${DELIVERY_SENDS + 2}::smallint, 'alert:' || q.id, null::smallint, null::text[])::${schema}.job_spec
        from queued q)) j
    )
    select (select count(*) from jobs)::int as queued`.execute(trx);
  return result.rows[0]?.queued ?? 0;
}
