import { cleanup, render } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { createMockApi } from '../dev/mock-api.js';
import { App } from '../src/app.js';
import { CATALOG, SEEDS } from './paths.js';

/** Every request the app made, as `METHOD path?query`. */
export interface ApiLog {
  readonly calls: string[];
}

/**
 * Renders the whole dashboard at a path, signed in with a development token, against the mock API (the library's
 * real evaluation, plan and forecast) in place of `fetch`.
 */
export async function renderApp(options: {
  path: string;
  token?: string | null;
  locale?: string;
  /** The day the mock's stored standings are as of; null: none yet (pending). */
  programAsOf?: string | null;
}): Promise<ApiLog> {
  const app = createMockApi(CATALOG, SEEDS, {
    programAsOf: options.programAsOf === undefined ? '2018-03-31' : options.programAsOf,
  });
  const log: ApiLog = { calls: [] };
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    log.calls.push(`${init?.method ?? 'GET'} ${input}`);
    return app.request(input, init);
  });
  window.localStorage.clear();
  if (options.token !== null) window.localStorage.setItem('attain.token', options.token ?? 'dev-admin');
  if (options.locale) window.localStorage.setItem('attain.locale', options.locale);
  window.history.replaceState(null, '', options.path);
  render(<App />);
  return log;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
