import type { LevelCounts, ProgramRun } from '../store/program-store.js';
import type { ServerClient } from './server-client.js';

const POLL_MS = 300;
/** Changes per request when reading an impact report back: the route's own maximum. */
const CHANGES_PAGE = 10_000;

/** Follows a run the server's jobs do until it is finished, reporting its progress as `attain run` does. */
export async function followServerRun(
  client: ServerClient,
  queued: ProgramRun,
  onProgress: (run: ProgramRun) => void,
): Promise<ProgramRun> {
  const route = queued.kind === 'run' ? `/api/program/runs/${queued.id}` : `/api/program/impacts/${queued.id}`;
  for (;;) {
    const answer = await client.json<ProgramRun | { run: ProgramRun }>('GET', route, { query: { limit: 1 } });
    const run = 'run' in answer ? answer.run : answer;
    onProgress(run);
    if (run.finishedAt !== null) return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A run of the whole program by the server, as of a day. */
export async function serverRun(client: ServerClient, asOf: string, onProgress: (run: ProgramRun) => void) {
  const queued = await client.json<ProgramRun>('POST', '/api/program/runs', { query: { asOf } });
  const run = await followServerRun(client, queued, onProgress);
  const { levels } = await client.json<{ levels: LevelCounts[] }>('GET', '/api/program/counts');
  return { run, levels };
}

/** An impact report by the server: the draft sent as written, every change read back page by page. */
export async function serverImpact<Change>(
  client: ServerClient,
  draft: { readonly name: string; readonly text: string },
  asOf: string,
  onProgress: (run: ProgramRun) => void,
) {
  const queued = await client.json<ProgramRun>('POST', '/api/program/impacts', {
    query: { asOf, name: draft.name },
    text: draft.text,
    type: 'text/plain; charset=utf-8',
  });
  const run = await followServerRun(client, queued, onProgress);
  const changes: Change[] = [];
  for (;;) {
    const page = await client.json<{ total: number; changes: Change[] }>('GET', `/api/program/impacts/${run.id}`, {
      query: { offset: changes.length, limit: CHANGES_PAGE },
    });
    changes.push(...page.changes);
    if (page.changes.length === 0 || changes.length >= page.total) return { run, changes };
  }
}
