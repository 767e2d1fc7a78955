import { z } from '@hono/zod-openapi';
import { RECORD_SORTS, type RecordKind } from '../../store/records-page.js';
import { daySchema, decimalSchema, findingSchema } from './evaluation-schema.js';
import { dayQuery, flagQuery } from './query-schemas.js';

/** The query of a page of records: the evaluation's day, a filter, a sort of the kind's, and the page. */
export function recordsQuery(kind: RecordKind) {
  return z.object({
    asOf: dayQuery('asOf', 'the day whose evaluation says what counts'),
    q: z.string().max(200).optional().openapi({ description: 'only records with a field containing this text (any case)' }),
    sort: z
      .enum(RECORD_SORTS[kind])
      .optional()
      .openapi({ description: 'the sort (default file: the order of the organization file)' }),
    desc: flagQuery.openapi({ description: 'sort descending' }),
    offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional().openapi({ description: 'rows per page (default 50)' }),
    notCounting: flagQuery.openapi({ description: 'only the records that count toward no level as of the day' }),
  });
}

/** What every page of records says besides its rows. */
const pageHead = {
  asOf: daySchema,
  /** The catalog's rule for revenue and DPOR, which the reasons of revenue and customers follow. */
  association: z.enum(['within-period', 'associated-at-as-of']),
  /** The evaluation's warnings (ignored data) over the whole organization. */
  warnings: z.number().int(),
  /** Records of this kind in the organization. */
  total: z.number().int(),
  /** Records the filter matched. */
  matched: z.number().int(),
  /** Records of this kind that count toward no level, over the whole organization. */
  notCounting: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
};

export const peoplePageSchema = z
  .object({
    ...pageHead,
    rows: z
      .array(
        z.object({
          /** The person's place in the organization file, from 0: the one the evaluation's warnings name. */
          index: z.number().int(),
          id: z.string(),
          name: z.string().nullable(),
          mcid: z.string().nullable(),
          email: z.string().nullable(),
          exams: z
            .array(
              z.object({
                exam: z.string(),
                passed: daySchema,
                expires: daySchema.exactOptional(),
                warnings: z.array(findingSchema).readonly(),
              }),
            )
            .readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('PeoplePage');

export const customersPageSchema = z
  .object({
    ...pageHead,
    rows: z
      .array(
        z.object({
          index: z.number().int(),
          id: z.string(),
          name: z.string().nullable(),
          dpor: z.array(z.object({ from: daySchema, to: daySchema.nullable() })).readonly(),
          /** It has revenue in the twelve months, none of which counts (no DPOR when it mattered). */
          notCounted: z.boolean(),
        }),
      )
      .readonly(),
  })
  .openapi('CustomersPage');

export const revenuePageSchema = z
  .object({
    ...pageHead,
    rows: z
      .array(
        z.object({
          index: z.number().int(),
          customer: z.string(),
          customerName: z.string().nullable(),
          product: z.string(),
          date: daySchema,
          amount: decimalSchema,
          currency: z.string(),
          netNew: z.boolean(),
          /** Why it counts toward nothing by the rules of the twelve months and DPOR; null when it counts or warned. */
          notCounted: z.enum(['outside-window', 'not-associated']).nullable(),
          /** The evaluation's warnings about it (an unknown product, a date after the as-of day). */
          warnings: z.array(findingSchema).readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('RevenuePage');
