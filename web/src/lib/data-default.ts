import { useEffect } from 'react';
import { oneYearBefore, parseDay } from '../../../src/core/day.js';
import { orgApi } from './org-data.js';
import { useSession } from './session.js';
import { useResource } from './use-resource.js';

/**
 * The day an organization's pages start at when the URL names none: its latest day with data when today's trailing
 * twelve months hold none of it (an example from 2017 would read "not attained" everywhere as of today), else today
 * (null). A partner whose data runs to last week sees today, as the program does.
 */
export function defaultAsOf(latest: string | null, today: string): string | null {
  const last = latest === null ? undefined : parseDay(latest);
  const now = parseDay(today);
  if (last === undefined || now === undefined) return null;
  return last <= oneYearBefore(now) ? latest : null;
}

/**
 * Chooses the organization's default as-of day from its data (`GET /api/orgs/{id}/data-dates`) and sets it in the
 * session. Whether the pages may ask for anything yet: not until the default is known, or every page would first
 * ask about today and then again about the day chosen.
 */
export function useDataDefault(org: string, today: string): boolean {
  const { asOfInUrl, dataDefault, setDataDefault } = useSession();
  const dates = useResource<{ readonly latest: string | null }>(asOfInUrl ? null : orgApi(org, '/data-dates'));
  const day = dates.status === 'ok' ? defaultAsOf(dates.data.latest, today) : undefined;
  useEffect(() => {
    if (day !== undefined) setDataDefault({ org, day });
  }, [org, day, setDataDefault]);
  // A failure to read the dates is not the page's: it goes on as of today.
  useEffect(() => {
    if (dates.status === 'error') setDataDefault({ org, day: null });
  }, [org, dates.status, setDataDefault]);
  // Another organization's default, or the organization list's, is not this one's.
  useEffect(() => {
    void org;
    return () => setDataDefault(null);
  }, [org, setDataDefault]);
  return asOfInUrl || dataDefault?.org === org;
}
