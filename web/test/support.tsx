import { cleanup, render } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { createMockApi } from '../dev/mock-api.js';
import { App } from '../src/app.js';
import { CATALOG, SEEDS } from './paths.js';

export type MockApi = ReturnType<typeof createMockApi>;

/** Runs the program on the mock API as of a day, to the end (a run finishes on its second read). */
export async function runProgram(app: MockApi, asOf: string): Promise<void> {
  const headers = { authorization: 'Bearer dev-admin' };
  const run = (await (await app.request(`/api/program/runs?asOf=${asOf}`, { method: 'POST', headers })).json()) as { id: string };
  for (let i = 0; i < 2; i++) await app.request(`/api/program/runs/${run.id}`, { headers });
}

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
  /** Prepares the mock API before the app starts (runs as of another day, imports). */
  before?: (app: MockApi) => Promise<void>;
}): Promise<ApiLog> {
  const app = createMockApi(CATALOG, SEEDS, {
    programAsOf: options.programAsOf === undefined ? '2018-03-31' : options.programAsOf,
  });
  await options.before?.(app);
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
