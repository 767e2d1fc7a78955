import { z } from '@hono/zod-openapi';
import type { ImpactTotals } from '../../program/impact-totals.js';
import { LIFECYCLE_STATUSES } from '../../program/standing-types.js';
import type {
  ImpactChange,
  LevelCounts,
  ProgramPage,
  ProgramRun,
  StoredEvaluation,
  StoredTransition,
} from '../../store/program-store.js';
import { daySchema, findingSchema, levelStatusSchema } from './evaluation-schema.js';
import { type Same, sameType } from './same-type.js';

const lifecycleStatus = z.enum(LIFECYCLE_STATUSES);
const levelKey = { competency: z.string(), option: z.string(), level: z.string() };
const storedCause = z.object({ code: z.string(), params: z.record(z.string(), z.string()) });
export const datedChangeSchema = z.object({
  date: daySchema,
  status: levelStatusSchema,
  causes: z.array(storedCause).readonly(),
});
const failure = z.object({ code: z.string(), message: z.string() });

export const storedEvaluationSchema = z
  .object({
    org: z.string(),
    asOf: daySchema,
    dataVersion: z.string(),
    catalog: z.string(),
    evaluatedAt: z.string(),
    revision: z.number().int(),
    nextEvent: daySchema.nullable(),
    warnings: z.number().int(),
    error: failure.nullable(),
    levels: z
      .array(
        z.object({
          ...levelKey,
          status: levelStatusSchema,
          catalogVersion: z.string(),
          asOf: daySchema,
          gaps: z.array(findingSchema).readonly(),
          nextChange: datedChangeSchema.nullable(),
          atRisk: datedChangeSchema.nullable(),
          lifecycle: z.object({
            status: lifecycleStatus,
            awarded: daySchema.nullable(),
            anniversary: daySchema.nullable(),
            renewalWindow: z.object({ from: daySchema, to: daySchema }).nullable(),
            override: z.object({ status: lifecycleStatus, until: daySchema, reason: z.string() }).nullable(),
          }),
        }),
      )
      .readonly(),
  })
  .openapi('StoredEvaluation');

/** `GET /api/orgs/{id}/standing`: the stored evaluation, or that the first is still queued. */
export const standingSchema = z
  .union([storedEvaluationSchema, z.object({ org: z.string(), pending: z.literal(true) })])
  .openapi('Standing');

export const transitionCause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }),
  z.object({ kind: z.literal('date'), causes: z.array(storedCause).readonly() }),
  z.object({ kind: z.literal('data') }),
  z.object({ kind: z.literal('catalog'), catalogVersion: z.string() }),
  z.object({ kind: z.literal('rewind') }),
]);

export const storedTransitionSchema = z
  .object({
    ...levelKey,
    id: z.string(),
    recordedAt: z.string(),
    date: daySchema,
    from: levelStatusSchema.nullable(),
    to: levelStatusSchema,
    cause: transitionCause,
  })
  .openapi('Transition');

export const transitionsSchema = z.object({ transitions: z.array(storedTransitionSchema).readonly() });

export const programPageSchema = z
  .object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    rows: z
      .array(
        z.object({
          id: z.string(),
          name: z.string().nullable(),
          market: z.string(),
          asOf: daySchema.nullable(),
          evaluatedAt: z.string().nullable(),
          attained: z.number().int(),
          error: failure.nullable(),
          levels: z
            .array(
              z.object({
                ...levelKey,
                status: levelStatusSchema,
                lifecycle: lifecycleStatus,
                atRisk: daySchema.nullable(),
                nextChange: daySchema.nullable(),
              }),
            )
            .readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('ProgramPage');

const levelCounts = z.object({
  ...levelKey,
  attained: z.number().int(),
  notAttained: z.number().int(),
  undetermined: z.number().int(),
  atRisk: z.number().int(),
  byLifecycle: z.object({
    started: z.number().int(),
    qualified: z.number().int(),
    active: z.number().int(),
    'at-risk': z.number().int(),
    lapsed: z.number().int(),
  }),
});

export const programCountsSchema = z
  .object({ asOf: daySchema.nullable(), levels: z.array(levelCounts).readonly() })
  .openapi('ProgramCounts');

export const programRunSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['run', 'impact']),
    asOf: daySchema,
    requestedAt: z.string(),
    finishedAt: z.string().nullable(),
    total: z.number().int().nullable(),
    done: z.number().int(),
    failed: z.number().int(),
    catalog: z.string(),
    draftName: z.string().nullable(),
    error: z.string().nullable(),
  })
  .openapi('ProgramRun');

const impactChange = z.object({
  ...levelKey,
  org: z.string(),
  before: levelStatusSchema.nullable(),
  after: levelStatusSchema.nullable(),
});
const impactTotals = z.object({
  gain: z.number().int(),
  lose: z.number().int(),
  other: z.number().int(),
  organizations: z.number().int(),
  levels: z.array(z.object({ ...levelKey, gain: z.number().int(), lose: z.number().int(), other: z.number().int() })).readonly(),
});

export const impactReportSchema = z
  .object({
    run: programRunSchema,
    totals: impactTotals,
    total: z.number().int(),
    changes: z.array(impactChange).readonly(),
  })
  .openapi('ImpactReport');

sameType<Same<z.infer<typeof storedEvaluationSchema>, StoredEvaluation>>();
sameType<Same<z.infer<typeof storedTransitionSchema>, StoredTransition>>();
sameType<Same<z.infer<typeof programPageSchema>, ProgramPage>>();
sameType<Same<z.infer<typeof levelCounts>, LevelCounts>>();
sameType<Same<z.infer<typeof programRunSchema>, ProgramRun>>();
sameType<Same<z.infer<typeof impactChange>, ImpactChange>>();
sameType<Same<z.infer<typeof impactTotals>, ImpactTotals>>();
