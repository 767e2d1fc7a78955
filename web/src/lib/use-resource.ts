import { useEffect, useState } from 'react';
import type { Query } from '../api/client.js';
import { apiUrl } from '../api/client.js';
import type { Settled } from './resource-cache.js';
import { useSession } from './session.js';

export type Resource<T> = { readonly status: 'loading' } | Settled<T>;

/** A GET of the API, cached for the session; null while there is nothing to ask (`path` null). */
export function useResource<T>(path: string | null, query?: Query): Resource<T> & { readonly url: string | null } {
  const { api, cache } = useSession();
  const url = path === null ? null : apiUrl(path, query);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<{ url: string | null; value: Resource<T> }>(() => ({
    url,
    value: (url && cache.peek<T>(url)) || { status: 'loading' },
  }));

  useEffect(() => cache.subscribe(() => setGeneration((g) => g + 1)), [cache]);

  useEffect(() => {
    if (url === null) return;
    void generation;
    let live = true;
    const known = cache.peek<T>(url);
    if (known) setState({ url, value: known });
    else {
      // Data of this URL already shown stays until the reload arrives: a write (an import) reloads the page's data
      // without unmounting the page, so that what the user was looking at (the import's confirmation) stays put.
      setState((previous) =>
        previous.url === url && previous.value.status !== 'error' ? previous : { url, value: { status: 'loading' } },
      );
      void cache
        .load(url, () => api.get<T>(url))
        .then((value) => {
          if (live) setState({ url, value });
        });
    }
    return () => {
      live = false;
    };
  }, [url, generation, api, cache]);

  // A new URL shows "loading" at once, never the previous URL's data.
  if (state.url !== url) return { url, ...((url !== null && cache.peek<T>(url)) || { status: 'loading' }) };
  return { url, ...state.value };
}
