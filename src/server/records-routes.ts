import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AttainError } from '../core/attain-error.js';
import type { Day } from '../core/day.js';
import type { NotCounting } from '../service/not-counting.js';
import type { RecordKind, RecordsPage, RecordsRequest, StoredRecord } from '../store/records-page.js';
import { type AppCaches, type AppEnv, type AppOptions, canRead } from './app-env.js';
import type { ComputePool } from './compute/compute-pool.js';
import { errorResponses } from './contract/error-responses.js';
import { customersPageSchema, peoplePageSchema, recordsQuery, revenuePageSchema } from './contract/records-schemas.js';
import { httpErrors } from './http-error.js';
import { NotCountingIndex } from './not-counting-index.js';
import { json, orgParams } from './route-helpers.js';

const tags = ['organizations'];
const ERRORS = ['request.invalid', 'request.parameter', 'input.date.range', 'org.not-found', 'compute.timeout', 'store.conflict'];
const DESCRIPTION =
  'Filtered, sorted and paged by the database, so that a large organization is read a page at a time; each row says ' +
  'whether it counts toward any level as of the day, and why not.';

function recordsRoute<S extends z.ZodType>(kind: RecordKind, summary: string, schema: S) {
  return createRoute({
    method: 'get',
    path: `/api/orgs/{id}/${kind}`,
    tags,
    summary,
    description: DESCRIPTION,
    request: { params: orgParams, query: recordsQuery(kind) },
    responses: { 200: json(`A page of ${kind}`, schema), ...errorResponses(ERRORS) },
  });
}

export const RECORDS_ROUTES = {
  people: recordsRoute('people', 'A page of the organization’s people with their exam passes', peoplePageSchema),
  customers: recordsRoute('customers', 'A page of the organization’s customers with their DPOR periods', customersPageSchema),
  revenue: recordsRoute('revenue', 'A page of the organization’s revenue records', revenuePageSchema),
} as const;

/** Each kind's rows as the API answers them: the stored record with what does not count of it. */
const ROWS: {
  readonly [K in RecordKind]: (index: NotCountingIndex, row: StoredRecord[K]) => unknown;
} = {
  people: (index, p) => ({
    ...p,
    exams: p.exams.map((e, k) => ({ ...e, warnings: index.examWarnings(p.index, k) })),
  }),
  customers: (index, c) => ({ ...c, notCounted: index.customerNotCounted(c.index) }),
  revenue: (index, r) => ({ ...r, ...index.revenue(r.index) }),
};

/** The data page's tables, a page at a time. */
export function registerRecordsRoutes(
  app: OpenAPIHono<AppEnv>,
  options: AppOptions,
  caches: AppCaches,
  compute: () => ComputePool,
): void {
  const { store } = options;

  /**
   * What does not count as of the day for the organization's data at `version`: computed from one whole read (in a
   * worker thread) and kept for that version, so that paging reads only pages. Kept as a promise, so that the
   * tables asking at once share one evaluation.
   */
  const countingAt = (org: string, asOf: Day, version: string): Promise<NotCountingIndex> => {
    const key = `${asOf}@${version}`;
    const known = caches.notCounting.get(org, key);
    if (known) return known;
    const computed = (async () => {
      const read = await store.readVersioned(org);
      if (!read) throw httpErrors.notFound(org);
      const text = await compute().run('notCounting', read.organization, { asOf });
      return new NotCountingIndex(JSON.parse(text) as NotCounting, read.version);
    })();
    caches.notCounting.set(org, key, computed);
    // A failure is not kept, nor an answer filed under a version it was not read at.
    computed.then(
      (index) => index.version !== version && caches.notCounting.invalidate(org),
      () => caches.notCounting.invalidate(org),
    );
    return computed;
  };

  async function answer<K extends RecordKind>(c: Context<AppEnv>, kind: K, query: QueryOf): Promise<unknown> {
    const id = c.req.param('id') as string;
    if (!canRead(c.get('token'), id)) throw httpErrors.notFound(id);
    // The page and what counts must be of one version of the data: a write between them is read again once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const version = await store.dataVersion(id);
      if (version === undefined) throw httpErrors.notFound(id);
      const index = await countingAt(id, query.asOf, version);
      const request: RecordsRequest<K> = {
        kind,
        ...(query.q !== undefined && { text: query.q }),
        ...(query.sort !== undefined && { sort: query.sort as RecordsRequest<K>['sort'] & string }),
        descending: query.desc,
        ...(query.offset !== undefined && { offset: query.offset }),
        ...(query.limit !== undefined && { limit: query.limit }),
        ...(query.notCounting && { only: index.indexes[kind] }),
      };
      const page: RecordsPage<K> | undefined = await store.recordsPage(id, request);
      if (!page) throw httpErrors.notFound(id);
      if (page.version !== index.version) continue;
      const { asOf, association, warnings } = index.counting;
      const { total, matched, offset, limit } = page;
      return {
        asOf,
        association,
        warnings,
        total,
        matched,
        notCounting: index.indexes[kind].length,
        offset,
        limit,
        rows: page.rows.map((row) => ROWS[kind](index, row)),
      };
    }
    throw new AttainError('store.conflict', `organization "${id}" changed while its page was read; ask again`, [
      { code: 'store.conflict', path: '$', params: { id } },
    ]);
  }

  app.openapi(RECORDS_ROUTES.people, async (c) =>
    c.json((await answer(c, 'people', c.req.valid('query'))) as z.infer<typeof peoplePageSchema>, 200),
  );
  app.openapi(RECORDS_ROUTES.customers, async (c) =>
    c.json((await answer(c, 'customers', c.req.valid('query'))) as z.infer<typeof customersPageSchema>, 200),
  );
  app.openapi(RECORDS_ROUTES.revenue, async (c) =>
    c.json((await answer(c, 'revenue', c.req.valid('query'))) as z.infer<typeof revenuePageSchema>, 200),
  );
}

type QueryOf = z.infer<ReturnType<typeof recordsQuery>>;
