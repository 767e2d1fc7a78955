import type { AnchorHTMLAttributes } from 'react';
import { Link, useLocation } from './router.js';

/** The path with the current as-of date carried over, so every page stays on the chosen day. */
export function useHref(path: string): string {
  const { search } = useLocation();
  const asOf = new URLSearchParams(search).get('asOf');
  if (!asOf || /[?&]asOf=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}`;
}

/** An in-app link that keeps the as-of date. */
export function AppLink({ to, ...rest }: { readonly to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <Link to={useHref(to)} {...rest} />;
}
