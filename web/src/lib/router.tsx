import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useSyncExternalStore } from 'react';

/** A route the dashboard knows, parsed from the location's path. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'admin' }
  | { readonly page: 'impact' }
  | { readonly page: 'alerts' }
  | { readonly page: 'org'; readonly org: string; readonly tab: OrgTab }
  | { readonly page: 'not-found' };

export const ORG_TABS = ['overview', 'gaps', 'plan', 'forecast', 'data', 'history', 'alerts'] as const;
export type OrgTab = (typeof ORG_TABS)[number];

/** Reads a path: `/`, `/admin`, `/program/impact`, `/program/alerts`, `/orgs/ID` and `/orgs/ID/TAB`. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'admin' && parts.length === 1) return { page: 'admin' };
  if (parts[0] === 'program' && parts[1] === 'impact' && parts.length === 2) return { page: 'impact' };
  if (parts[0] === 'program' && parts[1] === 'alerts' && parts.length === 2) return { page: 'alerts' };
  if (parts[0] === 'orgs' && parts[1] && parts.length <= 3) {
    const tab = (parts[2] ?? 'overview') as OrgTab;
    if (ORG_TABS.includes(tab)) return { page: 'org', org: parts[1], tab };
  }
  return { page: 'not-found' };
}

export function orgPath(org: string, tab: OrgTab = 'overview'): string {
  return tab === 'overview' ? `/orgs/${encodeURIComponent(org)}` : `/orgs/${encodeURIComponent(org)}/${tab}`;
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current location as `path?query`, re-rendering on navigation. */
export function useLocation(): { readonly pathname: string; readonly search: string } {
  const href = useSyncExternalStore(
    subscribe,
    () => window.location.pathname + window.location.search,
    () => '/',
  );
  const q = href.indexOf('?');
  return q < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, q), search: href.slice(q) };
}

/** Goes to a path in the app, keeping the given query (the as-of date travels with every link). */
export function navigate(to: string, replace = false): void {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** Sets or removes one query parameter without adding a history entry. */
export function setQueryParam(key: string, value: string | null): void {
  const params = new URLSearchParams(window.location.search);
  if (value === null) params.delete(key);
  else params.set(key, value);
  const search = params.toString();
  navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, true);
}

/** An in-app link: a real `<a href>` (so it opens in a new tab and reads as a link), handled without a reload. */
export function Link({ to, onClick, ...rest }: { readonly to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** Sets the document title; screen readers announce it on navigation. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · attain`;
  }, [title]);
}
