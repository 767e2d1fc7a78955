import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useSession } from '../lib/session.js';
import type { Resource } from '../lib/use-resource.js';

/** Shows a resource's data, or that it is loading, or why it failed (404 reads as "not found or no access"). */
export function Loadable<T>(props: { readonly resource: Resource<T>; readonly children: (data: T) => ReactNode }) {
  const { resource } = props;
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ErrorView error={resource.error} />;
  return <>{props.children(resource.data)}</>;
}

export function Loading() {
  const { t } = useSession();
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  );
}

export function ErrorView(props: { readonly error: unknown }) {
  const { t } = useSession();
  const error = props.error;
  if (error instanceof ApiError && (error.status === 404 || error.status === 403))
    return (
      <section className="notice notice-error" role="alert">
        <h2>{t.notFoundTitle}</h2>
        <p>{t.notFoundText}</p>
      </section>
    );
  return (
    <section className="notice notice-error" role="alert">
      <h2>{t.errorTitle}</h2>
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </section>
  );
}
